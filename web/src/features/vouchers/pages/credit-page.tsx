import { Alert, Card, Table, Tag, Typography } from 'antd'
import { formatDateTime } from '../../../shared/format'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { useCredit } from '../api/orders'
import type { CreditRecord } from '../api/types'

/** 服务方信用: providers flagged for repeated bad ratings or a false claim, and why. */
export function CreditPage() {
  const compact = useCompact()
  const credit = useCredit()
  return (
    <Page title="服务方信用" subTitle={compact ? undefined : '差评与虚假申报记录'}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="平台规则：近一年内 2 次评价为 2 星及以下，或 1 次兑付审核认定虚假申报，即标记为信用异常（种子文件未规定“多次”的标准，由平台设定）。"
      />
      <Card>
        <Table<CreditRecord>
          rowKey="providerOrgId"
          size={compact ? 'small' : 'middle'}
          data-testid="credit"
          loading={credit.isPending}
          dataSource={credit.data?.items ?? []}
          locale={{ emptyText: '暂无信用记录' }}
          columns={[
            {
              title: '服务方',
              dataIndex: 'providerName',
              render: (name: string, r) => (
                <span>
                  <Typography.Text strong>{name}</Typography.Text>{' '}
                  {r.flagged ? <Tag color="error">信用异常</Tag> : <Tag color="success">正常</Tag>}
                </span>
              ),
            },
            { title: '差评', dataIndex: 'badRatings', width: 70 },
            { title: '虚假申报', dataIndex: 'falseClaims', width: 90 },
            { title: '说明', dataIndex: 'reason', responsive: wideOnly },
            { title: '标记时间', dataIndex: 'flaggedAt', width: 170, responsive: ['lg'], render: formatDateTime },
          ]}
        />
      </Card>
    </Page>
  )
}
