import { Card, Col, Descriptions, Rate, Row, Space, Table, Tag, Timeline, Typography } from 'antd'
import { useParams } from 'react-router-dom'
import { formatBytes } from '../../../shared/file-digest'
import { formatDateTime } from '../../../shared/format'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { roleOf, useCan, useCurrentUser } from '../../../shared/session'
import { useOrder } from '../api/orders'
import type { Order } from '../api/types'
import { orderStatusColors } from '../components/labels'
import {
  PayoutButton,
  RateButton,
  RedeemButton,
  ReviewRedemptionButton,
  SimpleAction,
} from '../components/order-actions'

function useOrderActionsFor(order: Order) {
  const can = useCan()
  const user = useCurrentUser()
  const role = roleOf(user)
  const enterprise = can('voucher.order') && order.enterpriseOrgId === user.orgId
  const provider = can('voucher.serve') && order.providerOrgId === user.orgId
  const s = order.status
  const rated = order.rating !== null
  return [
    provider && s === 'ordered' ? <SimpleAction key="accept" order={order} kind="accept" /> : null,
    provider && s === 'ordered' ? <SimpleAction key="decline" order={order} kind="decline" /> : null,
    provider && s === 'accepted' ? <SimpleAction key="deliver" order={order} kind="deliver" /> : null,
    enterprise && (s === 'ordered' || s === 'accepted') ? (
      <SimpleAction key="cancel" order={order} kind="cancel" />
    ) : null,
    enterprise && s === 'delivered' ? <RedeemButton key="redeem" order={order} /> : null,
    enterprise &&
    !rated &&
    ['delivered', 'redemptionSubmitted', 'redeemed', 'paid', 'redemptionRejected'].includes(s) ? (
      <RateButton key="rate" order={order} />
    ) : null,
    can('voucher.review') && s === 'redemptionSubmitted' ? <ReviewRedemptionButton key="review" order={order} /> : null,
    role === 'cityOfficer' && can('voucher.pay') && s === 'redeemed' ? (
      <PayoutButton key="payout" order={order} />
    ) : null,
  ].filter(Boolean)
}

function Proofs({ order }: { order: Order }) {
  const files = [order.contract, order.paymentProof].filter((f): f is NonNullable<typeof f> => !!f)
  if (!files.length) return <Typography.Text type="secondary">服务完成后由企业提交服务合同和付款凭证</Typography.Text>
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      data-testid="order-proofs"
      dataSource={files}
      columns={[
        {
          title: '材料',
          dataIndex: 'key',
          width: 90,
          render: (k: string) => (k === 'contract' ? '服务合同' : '付款凭证'),
        },
        { title: '文件', dataIndex: 'fileName' },
        { title: '大小', dataIndex: 'sizeBytes', width: 90, responsive: ['md'], render: formatBytes },
        {
          title: 'SHA-256',
          dataIndex: 'digest',
          responsive: ['md'],
          render: (d: string) => <Typography.Text code>{d.slice(0, 16)}…</Typography.Text>,
        },
      ]}
    />
  )
}

/** 服务订单: what was ordered, the proof and voucher split of its redemption, its history, and the next step. */
export function OrderDetailPage() {
  const { id = '' } = useParams()
  const compact = useCompact()
  const query = useOrder(id)
  const order = query.data
  const actions = order ? <Actions order={order} /> : null
  if (!order)
    return (
      <Page title="服务订单">
        <RecordState isPending={query.isPending} error={query.error} what="服务订单" backTo="/service-orders" />
      </Page>
    )
  return (
    <Page
      title={order.title}
      content={
        <Space direction="vertical" size={6}>
          <BackLink to="/service-orders" label="返回订单" />
          <Space size={[4, 4]} wrap>
            <Tag color={orderStatusColors[order.status]} data-testid="order-status">
              {order.statusLabel}
            </Tag>
            <Tag color="cyan" bordered={false}>
              {order.categoryLabel}
            </Tag>
            {order.falseClaim ? <Tag color="error">虚假申报</Tag> : null}
          </Space>
        </Space>
      }
      extra={actions}
    >
      <Row gutter={[16, 16]} data-testid="order-detail">
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            <Card size="small" title="订单信息">
              <Descriptions column={compact ? 1 : 2} size="small">
                <Descriptions.Item label="企业">{order.enterpriseName}</Descriptions.Item>
                <Descriptions.Item label="服务方">{order.carrierName}</Descriptions.Item>
                <Descriptions.Item label="报价">{formatFen(order.priceFen)}</Descriptions.Item>
                <Descriptions.Item label="下单时间">{formatDateTime(order.createdAt)}</Descriptions.Item>
                <Descriptions.Item label="服务内容" span={compact ? 1 : 2}>
                  {order.description}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title="兑付">
              <Space direction="vertical" style={{ display: 'flex' }}>
                {order.contractAmountFen !== null ? (
                  <Descriptions column={compact ? 1 : 3} size="small">
                    <Descriptions.Item label="合同金额">{formatFen(order.contractAmountFen)}</Descriptions.Item>
                    <Descriptions.Item label="企业自付">{formatFen(order.enterprisePaidFen ?? 0)}</Descriptions.Item>
                    <Descriptions.Item label="创新券抵扣">
                      <Typography.Text strong data-testid="voucher-amount">
                        {formatFen(order.voucherFen)}
                      </Typography.Text>
                    </Descriptions.Item>
                  </Descriptions>
                ) : null}
                <Proofs order={order} />
                {order.reviewNote ? <Typography.Text>审核意见：{order.reviewNote}</Typography.Text> : null}
                {order.paidOn ? <Typography.Text type="success">已于 {order.paidOn} 拨付服务方</Typography.Text> : null}
              </Space>
            </Card>
            {order.rating !== null ? (
              <Card size="small" title="服务评价" data-testid="order-rating">
                <Rate disabled value={order.rating} /> {order.ratingComment}
              </Card>
            ) : null}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="办理过程">
            <Timeline
              items={order.events.map((e) => ({
                children: (
                  <Space direction="vertical" size={0}>
                    <span>
                      <Tag color={orderStatusColors[e.to as keyof typeof orderStatusColors]}>{e.toLabel}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.createdAt)}
                      </Typography.Text>
                    </span>
                    {e.note ? <Typography.Text style={{ fontSize: 12 }}>{e.note}</Typography.Text> : null}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Page>
  )
}

function Actions({ order }: { order: Order }) {
  const actions = useOrderActionsFor(order)
  return <Space wrap>{actions}</Space>
}
