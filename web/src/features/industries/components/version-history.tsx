import { Button, Table, Tag, Typography } from 'antd'
import { formatDate, formatDateTime } from '../../../shared/format'
import type { IndustrySystem } from '../../../shared/registry/industry-systems'

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
  return (
    <Table<IndustrySystem>
      size="small"
      rowKey="version"
      loading={loading}
      pagination={false}
      dataSource={[...versions]}
      data-testid="version-history"
      scroll={{ x: 720 }}
      columns={[
        {
          title: '版本',
          dataIndex: 'version',
          width: 150,
          render: (version: number, row) => (
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
          ),
        },
        {
          title: '有效期',
          key: 'period',
          width: 190,
          render: (_, row) =>
            `${row.effectiveFrom ? formatDate(row.effectiveFrom) : '—'} 至 ${row.effectiveTo ? formatDate(row.effectiveTo) : '新版本替代'}`,
        },
        {
          title: '节点',
          key: 'nodes',
          width: 130,
          render: (_, row) => (
            <span>
              {row.nodes.length} 个
              {row.toBeCompleted ? (
                <Typography.Text type="warning">（待补充 {row.toBeCompleted}）</Typography.Text>
              ) : null}
            </span>
          ),
        },
        {
          title: '依据',
          dataIndex: 'source',
          render: (source: string) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: source }} style={{ marginBottom: 0 }}>
              {source}
            </Typography.Paragraph>
          ),
        },
        { title: '保存时间', dataIndex: 'createdAt', width: 160, render: (at: string) => formatDateTime(at) },
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
