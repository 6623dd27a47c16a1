import { CalculatorOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useNavigate } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { useCompact } from '../../../shared/responsive'
import { PolicyList } from '../components/policy-list'

/** 政策库 in the workspace: the same policies as the portal, with the way to apply, push and manage. */
export function PoliciesPage() {
  const compact = useCompact()
  const navigate = useNavigate()
  return (
    <Page
      title="政策库"
      subTitle={compact ? undefined : '补助、奖励、创新券与保费补贴，规则即数据，金额可解释'}
      extra={[
        <Button key="calc" icon={<CalculatorOutlined />} onClick={() => navigate('/policies/calculator')}>
          政策计算器
        </Button>,
      ]}
    >
      <PolicyList
        detailPath={(code) => `/policies/${code}`}
        calculatorPath={(code) => `/policies/calculator?policy=${code}`}
      />
    </Page>
  )
}
