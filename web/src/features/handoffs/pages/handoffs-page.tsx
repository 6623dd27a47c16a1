import { Badge, Card, Segmented, Space, Table, Tag, Typography } from 'antd'
import { Link, useSearchParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { useCompact } from '../../../shared/responsive'
import { useCan } from '../../../shared/session'
import { type Handoff, type HandoffStatus, useMyHandoffs } from '../api/handoffs'
import { handoffStatusColors } from '../components/labels'

const filters: { value: HandoffStatus | 'all'; label: string }[] = [
  { value: 'offered', label: '待答复' },
  { value: 'accepted', label: '中试中' },
  { value: 'completed', label: '已完成' },
  { value: 'all', label: '全部' },
]

/** 中试对接: a pilot platform's inbox of offers, or a center's offers with the findings that came back. */
export function HandoffsPage() {
  const can = useCan()
  const isPlatform = can('handoff.respond')
  const compact = useCompact()
  const [params, setParams] = useSearchParams()
  const status = (params.get('status') ?? (isPlatform ? 'offered' : 'all')) as HandoffStatus | 'all'
  const query = useMyHandoffs(status === 'all' ? undefined : status)
  const openFindings = (h: Handoff) => h.findings.filter((f) => f.status === 'open').length
  return (
    <Page title={isPlatform ? '中试承接' : '中试推送与反馈'}>
      <Card size="small">
        <Space direction="vertical" style={{ display: 'flex' }}>
          <Typography.Text type="secondary">
            {isPlatform
              ? '概念验证中心推送给本平台的项目：答复承接或婉拒，承接后记录中试节点并把发现的问题反馈给验证中心。'
              : '本中心推送至中试平台的项目、平台答复与中试反馈。'}
          </Typography.Text>
          <Segmented value={status} options={filters} onChange={(value) => setParams({ status: String(value) })} />
          <Table<Handoff>
            rowKey="id"
            size="small"
            loading={query.isPending}
            dataSource={query.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: query.isError ? `加载失败：${errorMessage(query.error)}` : '暂无记录' }}
            columns={[
              {
                title: '项目',
                dataIndex: 'projectTitle',
                render: (title: string, h) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/handoffs/${h.id}`}>{title}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {isPlatform ? h.centerOrgName : h.platformName}
                      {compact ? ` · ${h.statusLabel}` : ''}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '状态',
                dataIndex: 'statusLabel',
                width: 140,
                responsive: ['md'],
                render: (label: string, h) => <Tag color={handoffStatusColors[h.status]}>{label}</Tag>,
              },
              {
                title: '待处理反馈',
                width: 110,
                responsive: ['md'],
                render: (_: unknown, h) => (
                  <Badge count={openFindings(h)} showZero color={openFindings(h) ? 'red' : '#d9d9d9'} />
                ),
              },
              {
                title: '推送时间',
                dataIndex: 'offeredAt',
                width: 170,
                responsive: ['lg'],
                render: (at: string) => formatDateTime(at),
              },
            ]}
          />
        </Space>
      </Card>
    </Page>
  )
}
