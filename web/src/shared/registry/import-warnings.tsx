import { Alert, Table, Typography } from 'antd'
import { Link } from 'react-router-dom'

/** A row that would create a record very like one on file (`similarId`) or like an earlier row of the file. */
export type ImportWarning = {
  row: number
  similarTitle: string
  similarId: string | null
  similarRow: number | null
  similarity: number
  reason: string
}

/**
 * 疑似重复: the rows of a dry run that look like a record on file or another row of the file — shown apart from
 * the errors, because they do not stop the import.
 */
export function ImportWarnings({ warnings, base }: { warnings: readonly ImportWarning[]; base: string }) {
  if (!warnings.length) return null
  const rows = new Set(warnings.map((w) => w.row)).size
  return (
    <div data-testid="import-warnings">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message={`${rows} 行疑似重复：与已有记录或文件中的其他行高度相似`}
        description="相似提示不影响导入：请核对下表，确认不是重复录入后即可确认导入；若确是同一条，请从文件中删除该行。"
      />
      <Table
        size="small"
        rowKey={(w) => `${w.row}-${w.similarId ?? `row${w.similarRow}`}`}
        dataSource={[...warnings]}
        pagination={warnings.length > 10 ? { pageSize: 10, size: 'small' } : false}
        columns={[
          { title: '行号', dataIndex: 'row', width: 70 },
          {
            title: '相似记录',
            key: 'similar',
            render: (_, w) =>
              w.similarId ? (
                <Link to={`${base}/${w.similarId}`} target="_blank">
                  {w.similarTitle}
                </Link>
              ) : (
                <span>
                  <Typography.Text type="secondary">文件第 {w.similarRow} 行：</Typography.Text>
                  {w.similarTitle}
                </span>
              ),
          },
          {
            title: '相似度',
            dataIndex: 'similarity',
            width: 80,
            render: (similarity: number) => `${Math.round(similarity * 100)}%`,
          },
          { title: '原因', dataIndex: 'reason' },
        ]}
      />
    </div>
  )
}
