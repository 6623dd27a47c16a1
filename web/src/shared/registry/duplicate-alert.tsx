import { Alert, Typography } from 'antd'
import { Link } from 'react-router-dom'

export type Duplicate = { id: string; title: string; similarity: number; reason: string }

/** 疑似重复: a warning with links to the similar records, never a refusal. */
export function DuplicateAlert({
  duplicates,
  linkTo,
  title = '发现相似记录，请确认不是重复录入',
}: {
  duplicates: readonly Duplicate[]
  linkTo: (id: string) => string
  title?: string
}) {
  if (!duplicates.length) return null
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicates"
      message={title}
      description={
        <ul className="fm-duplicates">
          {duplicates.map((d) => (
            <li key={d.id}>
              <Link to={linkTo(d.id)} target="_blank">
                {d.title}
              </Link>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                相似度 {Math.round(d.similarity * 100)}% · {d.reason}
              </Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  )
}
