import { Card, Descriptions, Space, Tag } from 'antd'
import { useParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { useVoucher } from '../api/vouchers'
import { voucherStatusColors } from '../components/labels'

export function VoucherDetailPage() {
  const { id = '' } = useParams()
  const compact = useCompact()
  const query = useVoucher(id)
  const v = query.data
  if (!v)
    return (
      <Page title="创新券">
        <RecordState isPending={query.isPending} error={query.error} what="创新券" backTo="/vouchers" />
      </Page>
    )
  return (
    <Page title={`创新券 ${v.code}`} content={<BackLink to="/vouchers" label="返回创新券" />}>
      <Card data-testid="voucher-detail">
        <Descriptions column={compact ? 1 : 2} bordered={!compact} size="small">
          <Descriptions.Item label="持券企业">{v.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={voucherStatusColors[v.status]}>{v.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="券面金额">{formatFen(v.amountFen)}</Descriptions.Item>
          <Descriptions.Item label="可用余额">{formatFen(v.balanceFen)}</Descriptions.Item>
          <Descriptions.Item label="兑付审核中">{formatFen(v.heldFen)}</Descriptions.Item>
          <Descriptions.Item label="有效期">
            {v.validFrom} 至 {v.validTo}
          </Descriptions.Item>
          <Descriptions.Item label="可兑付服务">
            <Space size={4}>
              {v.categoryLabels.map((c) => (
                <Tag key={c} color="cyan" bordered={false}>
                  {c}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="发放时间">{formatDateTime(v.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Page>
  )
}
