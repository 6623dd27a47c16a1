import { ArrowLeftOutlined, CalculatorOutlined, FormOutlined } from '@ant-design/icons'
import { Button, Card, Result, Skeleton, Space, Typography } from 'antd'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { useDocumentTitle } from '../../../shared/page'
import { usePolicy } from '../api/policies'
import { PolicySummary, PolicyTags } from '../components/policy-summary'

/** A policy's public page: its rules, parameters (待定 marked), the seed's words; the way to the calculator. */
export function PublicPolicyDetailPage() {
  const { code = '' } = useParams()
  const navigate = useNavigate()
  const policy = usePolicy(code)
  useDocumentTitle(policy.data?.title ?? '政策详情')
  if (policy.isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (policy.isError)
    return (
      <Result
        status="404"
        title="政策不存在或已废止"
        extra={<Button onClick={() => navigate('/portal/policies')}>返回政策兑现</Button>}
      />
    )
  const p = policy.data
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }} data-testid="public-policy-detail">
      <Link to="/portal/policies">
        <ArrowLeftOutlined /> 政策兑现
      </Link>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="policy-title">
          {p.title}
        </Typography.Title>
        <PolicyTags policy={p} />
        <Space wrap style={{ marginTop: 12, display: 'flex' }}>
          {p.kind !== 'voucher' ? (
            <Link to={`/portal/policy-calculator?policy=${p.code}`}>
              <Button type="primary" icon={<CalculatorOutlined />}>
                测算可获金额
              </Button>
            </Link>
          ) : null}
          {p.kind !== 'voucher' && !p.automatic ? (
            <Link to={`/policies/${p.code}/apply`}>
              <Button icon={<FormOutlined />}>登录后在线申报</Button>
            </Link>
          ) : null}
        </Space>
      </Card>
      <PolicySummary policy={p} />
    </Space>
  )
}
