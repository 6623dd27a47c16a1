import { ShoppingCartOutlined } from '@ant-design/icons'
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { useCan } from '../../../shared/session'
import { useOrders } from '../api/orders'
import type { OrderItem, ServiceOrderStatus } from '../api/types'
import { orderStatusColors } from '../components/labels'

const statusOptions: { value: ServiceOrderStatus; label: string }[] = [
  { value: 'ordered', label: '已下单' },
  { value: 'accepted', label: '服务方已接单' },
  { value: 'delivered', label: '服务已完成' },
  { value: 'redemptionSubmitted', label: '兑付审核中' },
  { value: 'redeemed', label: '兑付已核准' },
  { value: 'paid', label: '已向服务方拨付' },
  { value: 'redemptionRejected', label: '兑付未通过' },
  { value: 'cancelled', label: '已取消' },
]

/**
 * The status filter from `?status=` (a link from a 待办 opens on it): one of the options, `all`, or when absent
 * the page's default (officers start on the redemptions to review). Anything else reads as absent.
 */
function useStatusFilter(fallback: ServiceOrderStatus | undefined) {
  const [params, setParams] = useSearchParams()
  const value = params.get('status')
  const status = value === 'all' ? undefined : (statusOptions.find((o) => o.value === value)?.value ?? fallback)
  const setStatus = (next: ServiceOrderStatus | undefined) =>
    setParams(
      (current) => {
        current.set('status', next ?? 'all')
        return current
      },
      { replace: true },
    )
  return [status, setStatus] as const
}

/** 科技服务订单: an enterprise's orders, a provider's received orders, officers' redemptions to review and pay. */
export function ServiceOrdersPage() {
  const compact = useCompact()
  const can = useCan()
  const navigate = useNavigate()
  const officer = can('voucher.review')
  const [status, setStatus] = useStatusFilter(officer ? 'redemptionSubmitted' : undefined)
  const [page, setPage] = useState(1)
  const orders = useOrders({ status, page, pageSize: 20 })
  const columns: ColumnsType<OrderItem> = [
    {
      title: '服务',
      dataIndex: 'title',
      render: (title: string, o) => (
        <Space direction="vertical" size={2}>
          <Link to={`/service-orders/${o.id}`}>{title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.enterpriseName} → {o.carrierName}
          </Typography.Text>
          <Space size={4} wrap>
            <Tag bordered={false} color="cyan">
              {o.categoryLabel}
            </Tag>
            {compact ? <Tag color={orderStatusColors[o.status]}>{o.statusLabel}</Tag> : null}
            {o.rating ? <Tag bordered={false}>评价 {o.rating} 星</Tag> : null}
          </Space>
        </Space>
      ),
    },
    {
      title: '报价 / 创新券抵扣',
      key: 'money',
      width: 190,
      responsive: wideOnly,
      render: (_, o) => (
        <Space direction="vertical" size={0}>
          <span>报价 {formatFen(o.priceFen)}</span>
          {o.voucherFen ? <Typography.Text type="success">创新券 {formatFen(o.voucherFen)}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 130,
      responsive: wideOnly,
      render: (label: string, o) => <Tag color={orderStatusColors[o.status]}>{label}</Tag>,
    },
    { title: '下单时间', dataIndex: 'createdAt', width: 170, responsive: ['lg'], render: formatDateTime },
  ]
  return (
    <Page
      title="科技服务订单"
      subTitle={compact ? undefined : '下单、服务、凭合同与付款凭证兑付创新券、评价'}
      extra={[
        can('voucher.order') ? (
          <Button
            key="new"
            type="primary"
            icon={<ShoppingCartOutlined />}
            onClick={() => navigate('/service-orders/new')}
          >
            订购服务
          </Button>
        ) : null,
      ]}
    >
      <Card>
        <Select
          allowClear
          aria-label="按状态筛选"
          placeholder="全部状态"
          style={{ width: 180, marginBottom: 12 }}
          value={status}
          onChange={(v) => {
            setStatus(v)
            setPage(1)
          }}
          options={statusOptions}
        />
        <Table<OrderItem>
          rowKey="id"
          size={compact ? 'small' : 'middle'}
          data-testid="service-orders"
          loading={orders.isPending}
          dataSource={orders.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: status ? '没有该状态的订单' : '暂无订单' }}
          pagination={{ current: page, pageSize: 20, total: orders.data?.total ?? 0, onChange: setPage }}
        />
      </Card>
    </Page>
  )
}
