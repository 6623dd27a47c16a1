import { CalculatorOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { useDocumentTitle } from '../../../shared/page'
import { PolicyList } from '../components/policy-list'

/** 政策兑现 on the public portal: every policy in force, readable without signing in. */
export function PublicPoliciesPage() {
  useDocumentTitle('政策兑现')
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }} data-testid="public-policies">
      <div className="fm-portal-hero">
        <h1>政策兑现</h1>
        <p>概念验证、中试平台、科技服务机构与企业可享受的补助、奖励和创新券。规则公开，金额可测算，每一步都有依据。</p>
        <Link to="/portal/policy-calculator">
          <Button icon={<CalculatorOutlined />}>政策计算器</Button>
        </Link>
      </div>
      <Typography.Text type="secondary">文件未规定的参数标注为“待定”，由主管部门设定后生效。</Typography.Text>
      <PolicyList
        detailPath={(code) => `/portal/policies/${code}`}
        calculatorPath={(code) => `/portal/policy-calculator?policy=${code}`}
      />
    </Space>
  )
}
