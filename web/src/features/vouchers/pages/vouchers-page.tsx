import { ShoppingCartOutlined } from '@ant-design/icons'
import { Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { useCan } from '../../../shared/session'
import type { Pool, Voucher } from '../api/types'
import { usePools, useVouchers } from '../api/vouchers'
import { CreatePoolButton } from '../components/create-pool-button'
import { IssueDrawer } from '../components/issue-drawer'
import { voucherStatusColors } from '../components/labels'

/** A pool: what may still be issued, what was paid to providers, and a bar of the share issued (not paid). */
function Pools({ pools }: { pools: Pool[] }) {
  if (!pools.length) return null
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="voucher-pools">
      {pools.map((p) => (
        <Col key={p.id} xs={24} md={12} xl={8}>
          <Card size="small" title={p.name} data-testid="voucher-pool">
            <Row gutter={8}>
              <Col span={12}>
                <Statistic title="可发券" value={formatFen(p.availableFen)} valueStyle={{ fontSize: 18 }} />
              </Col>
              <Col span={12}>
                <Statistic title="已拨付服务方" value={formatFen(p.paidOutFen)} valueStyle={{ fontSize: 18 }} />
              </Col>
            </Row>
            <Progress
              data-testid="pool-issued"
              percent={Math.round(((p.totalFen - p.availableFen) / p.totalFen) * 100)}
              format={(percent) => `已发券 ${percent}%`}
              size="small"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.summary}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  )
}

/** 创新券: an enterprise's own vouchers; officers' pools, issuing and the vouchers of their area. */
export function VouchersPage() {
  const compact = useCompact()
  const can = useCan()
  const navigate = useNavigate()
  const [page, setPage] = useState(1)
  const officer = can('voucher.issue')
  const pools = usePools(officer)
  const vouchers = useVouchers({ page, pageSize: 20 })
  const columns: ColumnsType<Voucher> = [
    {
      title: '创新券',
      dataIndex: 'code',
      render: (code: string, v) => (
        <Space direction="vertical" size={2}>
          <Link to={`/vouchers/${v.id}`}>{code}</Link>
          {officer ? <Typography.Text type="secondary">{v.enterpriseName}</Typography.Text> : null}
          <Space size={4} wrap>
            {v.categoryLabels.map((c) => (
              <Tag key={c} bordered={false} color="cyan">
                {c}
              </Tag>
            ))}
            {compact ? <Tag color={voucherStatusColors[v.status]}>{v.statusLabel}</Tag> : null}
          </Space>
        </Space>
      ),
    },
    {
      title: '余额 / 券面',
      key: 'balance',
      width: 200,
      render: (_, v) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>
            {formatFen(v.balanceFen)} / {formatFen(v.amountFen)}
          </Typography.Text>
          {v.heldFen ? <Typography.Text type="warning">兑付审核中 {formatFen(v.heldFen)}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: '有效期',
      key: 'validity',
      width: 210,
      responsive: wideOnly,
      render: (_, v) => `${v.validFrom} 至 ${v.validTo}`,
    },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 90,
      responsive: wideOnly,
      render: (label: string, v) => <Tag color={voucherStatusColors[v.status]}>{label}</Tag>,
    },
  ]
  return (
    <Page
      title={officer ? '创新券发放' : '我的创新券'}
      subTitle={compact ? undefined : '概念验证、中试、检测服务费用可用创新券抵扣'}
      extra={[
        can('voucher.manage') ? <CreatePoolButton key="pool" /> : null,
        officer ? <IssueDrawer key="issue" pools={pools.data?.items ?? []} /> : null,
        can('voucher.order') ? (
          <Button
            key="order"
            type="primary"
            icon={<ShoppingCartOutlined />}
            onClick={() => navigate('/service-orders/new')}
          >
            订购服务
          </Button>
        ) : null,
      ]}
    >
      {officer ? <Pools pools={pools.data?.items ?? []} /> : null}
      <Card>
        <Table<Voucher>
          rowKey="id"
          size={compact ? 'small' : 'middle'}
          data-testid="vouchers"
          loading={vouchers.isPending}
          dataSource={vouchers.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: officer ? '尚未发放创新券' : '暂无创新券，主管部门发放后在此查看' }}
          pagination={{ current: page, pageSize: 20, total: vouchers.data?.total ?? 0, onChange: setPage }}
        />
      </Card>
    </Page>
  )
}
