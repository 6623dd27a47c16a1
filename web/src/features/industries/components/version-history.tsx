import { Button, Table, Tag, Typography } from 'antd'
import { formatDate, formatDateTime } from '../../../shared/format'
import type { IndustrySystem } from '../../../shared/registry/industry-systems'
import { useCompact, wideOnly } from '../../../shared/responsive'

const period = (row: IndustrySystem) =>
  `${row.effectiveFrom ? formatDate(row.effectiveFrom) : '—'} 至 ${row.effectiveTo ? formatDate(row.effectiveTo) : '新版本替代'}`

function NodeCount({ row }: { row: IndustrySystem }) {
  return (
    <span>
      {row.nodes.length} 个节点
      {row.toBeCompleted ? <Typography.Text type="warning">（待补充 {row.toBeCompleted}）</Typography.Text> : null}
    </span>
  )
}

/** 版本历史: every version with its label, period, source and node counts; any one can be viewed. */
export function VersionHistory({
  versions,
  viewing,
  onView,
  loading,
}: {
  versions: readonly IndustrySystem[]
  viewing: number | undefined
  onView: (version: number) => void
  loading: boolean
}) {
  // On a phone the version column carries period, nodes and source: scrolling sideways hid the source.
  const compact = useCompact()
  return (
    <Table<IndustrySystem>
      size="small"
      rowKey="version"
      loading={loading}
      pagination={false}
      dataSource={[...versions]}
      data-testid="version-history"
      scroll={compact ? undefined : { x: 720 }}
      columns={[
        {
          title: '版本',
          dataIndex: 'version',
          width: compact ? undefined : 150,
          render: (version: number, row) => (
            <>
              <span>
                第 {version} 版 · {row.versionLabel}{' '}
                {row.status === 'active' ? (
                  <Tag color="green" bordered={false}>
                    现行
                  </Tag>
                ) : (
                  <Tag bordered={false}>已替代</Tag>
                )}
              </span>
              {compact ? (
                <div className="fm-result-meta">
                  <div>{period(row)}</div>
                  <NodeCount row={row} />
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    依据：{row.source}
                  </Typography.Paragraph>
                </div>
              ) : null}
            </>
          ),
        },
        { title: '有效期', key: 'period', width: 190, responsive: wideOnly, render: (_, row) => period(row) },
        { title: '节点', key: 'nodes', width: 130, responsive: wideOnly, render: (_, row) => <NodeCount row={row} /> },
        {
          title: '依据',
          dataIndex: 'source',
          responsive: wideOnly,
          render: (source: string) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: source }} style={{ marginBottom: 0 }}>
              {source}
            </Typography.Paragraph>
          ),
        },
        {
          title: '保存时间',
          dataIndex: 'createdAt',
          width: 160,
          responsive: wideOnly,
          render: (at: string) => formatDateTime(at),
        },
        {
          title: '',
          key: 'view',
          width: 70,
          render: (_, row) =>
            viewing === row.version ? (
              <Typography.Text type="secondary">查看中</Typography.Text>
            ) : (
              <Button type="link" size="small" onClick={() => onView(row.version)}>
                查看
              </Button>
            ),
        },
      ]}
    />
  )
}
