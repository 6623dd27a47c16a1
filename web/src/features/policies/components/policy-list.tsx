import { CalculatorOutlined, RightOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, Row, Segmented, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { usePolicies } from '../api/policies'
import type { Policy } from '../api/types'
import { PolicyTags } from './policy-summary'

/** 政策库 as cards, by area: what each pays for, its document, and the way into details and the calculator. */
export function PolicyList({
  detailPath,
  calculatorPath,
}: {
  detailPath: (code: string) => string
  calculatorPath: (code: string) => string
}) {
  const policies = usePolicies()
  const [area, setArea] = useState('all')
  if (policies.isPending) return <Skeleton active paragraph={{ rows: 8 }} />
  if (policies.isError) return <Alert type="error" showIcon message={`加载失败：${errorMessage(policies.error)}`} />
  const items = policies.data.items
  const areas = [...new Map(items.map((p) => [p.jurisdictionCode, p.jurisdictionName])).entries()]
  const shown = area === 'all' ? items : items.filter((p) => p.jurisdictionCode === area)
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }}>
      <div style={{ overflowX: 'auto' }}>
        <Segmented
          value={area}
          onChange={(v) => setArea(String(v))}
          options={[
            { value: 'all', label: `全部（${items.length}）` },
            ...areas.map(([value, label]) => ({ value, label })),
          ]}
        />
      </div>
      {shown.length === 0 ? <Empty description="暂无政策" /> : null}
      <Row gutter={[12, 12]} data-testid="policy-list">
        {shown.map((p) => (
          <Col key={p.code} xs={24} md={12} xl={8}>
            <PolicyCard policy={p} detailPath={detailPath(p.code)} calculatorPath={calculatorPath(p.code)} />
          </Col>
        ))}
      </Row>
    </Space>
  )
}

function PolicyCard({
  policy,
  detailPath,
  calculatorPath,
}: {
  policy: Policy
  detailPath: string
  calculatorPath: string
}) {
  const formula = policy.rules.filter((r) => r.startsWith('计算：') || r.startsWith('可兑付服务：'))
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="policy-card">
      <Space direction="vertical" size={8} style={{ display: 'flex' }}>
        <Link to={detailPath}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {policy.title}
          </Typography.Text>
        </Link>
        <PolicyTags policy={policy} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {policy.issuer} · {policy.document}
        </Typography.Text>
        {formula.map((line) => (
          <Typography.Text key={line} style={{ fontSize: 13 }}>
            {line}
          </Typography.Text>
        ))}
        <Space wrap>
          <Link to={detailPath}>
            <Button size="small" icon={<RightOutlined />}>
              查看详情
            </Button>
          </Link>
          {policy.kind !== 'voucher' ? (
            <Link to={calculatorPath}>
              <Button size="small" type="primary" ghost icon={<CalculatorOutlined />}>
                测算可获金额
              </Button>
            </Link>
          ) : null}
        </Space>
      </Space>
    </Card>
  )
}
