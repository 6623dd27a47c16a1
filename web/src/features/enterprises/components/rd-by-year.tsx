import { Table, Typography } from 'antd'
import { formatFen } from '../../../shared/registry/money'
import type { Enterprise } from '../api/types'

type Year = Enterprise['yearly'][number]

/** R&D spending by year as a table with a bar per year (and revenue, intensity and staff when given). */
export function RdByYear({ yearly }: { yearly: readonly Year[] }) {
  const rows = [...yearly].sort((a, b) => b.year - a.year)
  const max = Math.max(1, ...rows.map((r) => r.rdSpendingFen))
  return (
    <Table<Year>
      size="small"
      rowKey="year"
      pagination={false}
      dataSource={rows}
      data-testid="rd-by-year"
      locale={{ emptyText: '暂无年度研发投入数据' }}
      columns={[
        { title: '年度', dataIndex: 'year', width: 64 },
        {
          title: '研发投入',
          dataIndex: 'rdSpendingFen',
          render: (fen: number) => (
            <div className="fm-bar-cell">
              <div className="fm-bar" style={{ width: `${4 + (fen / max) * 56}%` }} />
              <span>{formatFen(fen)}</span>
            </div>
          ),
        },
        {
          title: '营业收入',
          dataIndex: 'revenueFen',
          responsive: ['sm'],
          render: (fen: number | null) => (fen === null ? '—' : formatFen(fen)),
        },
        {
          title: '研发强度',
          key: 'intensity',
          width: 84,
          render: (_, row) =>
            row.revenueFen ? (
              `${((row.rdSpendingFen / row.revenueFen) * 100).toFixed(1)}%`
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: '从业人数',
          dataIndex: 'employees',
          width: 84,
          responsive: ['md'],
          render: (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN')),
        },
      ]}
    />
  )
}
