import { Space, Typography } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { useDocumentTitle } from '../../../shared/page'
import { useSession } from '../../../shared/session'
import { PolicyCalculator } from '../components/policy-calculator'

/** 政策计算器 on the public portal: what-if, without applying and without signing in. */
export function PublicCalculatorPage() {
  useDocumentTitle('政策计算器')
  const [params, setParams] = useSearchParams()
  const session = useSession()
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }} data-testid="public-calculator">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          政策计算器
        </Typography.Title>
        <Typography.Text type="secondary">
          填写情况即可估算可获支持金额，不需要申报，也不会保存任何数据。
        </Typography.Text>
      </div>
      <PolicyCalculator
        code={params.get('policy') ?? undefined}
        onCodeChange={(code) => setParams({ policy: code }, { replace: true })}
        signedIn={!!session.data?.user}
      />
    </Space>
  )
}
