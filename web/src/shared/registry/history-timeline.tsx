import { useQuery } from '@tanstack/react-query'
import { Empty, Skeleton, Tag, Timeline, Typography } from 'antd'
import { formatDateTime } from '../format'
import { http } from '../http'

export type Revision = {
  version: number
  changedFields: string[]
  changedBy: string | null
  changedAt: string
  note: string | null
}

/** 修改记录 of a registry record (`GET …/:id/history`), newest first, field names in Chinese. */
export function HistoryTimeline({
  path,
  fieldLabels,
}: {
  /** e.g. `/achievements/<id>/history` */
  path: string
  fieldLabels: Record<string, string>
}) {
  const history = useQuery({ queryKey: ['history', path], queryFn: () => http.get<{ items: Revision[] }>(path) })
  if (history.isPending) return <Skeleton active paragraph={{ rows: 3 }} />
  if (history.isError) return <Typography.Text type="danger">修改记录加载失败</Typography.Text>
  const items = [...history.data.items].sort((a, b) => b.version - a.version)
  if (!items.length) return <Empty description="暂无修改记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
  return (
    <Timeline
      data-testid="history"
      items={items.map((revision) => ({
        key: revision.version,
        color: revision.version === 1 ? 'green' : 'blue',
        children: (
          <div>
            <Typography.Text strong>
              第 {revision.version} 版 · {revision.version === 1 ? '创建' : '修改'}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {formatDateTime(revision.changedAt)}
              {revision.changedBy ? ` · ${revision.changedBy}` : ''}
            </Typography.Text>
            {revision.version > 1 && revision.changedFields.length ? (
              <div style={{ marginTop: 4 }}>
                {revision.changedFields.map((field) => (
                  <Tag key={field} bordered={false}>
                    {fieldLabels[field] ?? field}
                  </Tag>
                ))}
              </div>
            ) : null}
            {revision.note ? (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                说明：{revision.note}
              </Typography.Paragraph>
            ) : null}
          </div>
        ),
      }))}
    />
  )
}
