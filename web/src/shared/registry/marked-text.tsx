import { Typography } from 'antd'
import type { CSSProperties } from 'react'

/** A title or snippet the search marked: `[{ text, hit }]`, hits highlighted. */
export type Marked = { text: string; hit: boolean }[]

export function MarkedText({ parts, style }: { parts: Marked | undefined; style?: CSSProperties }) {
  if (!parts?.length) return null
  return (
    <span style={style}>
      {parts.map((part, index) =>
        part.hit ? (
          <mark key={index} className="fm-hit">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  )
}

/** A snippet under a result's title: two lines at most. */
export function MarkedSnippet({ parts }: { parts: Marked | undefined }) {
  if (!parts?.length) return null
  return (
    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
      <MarkedText parts={parts} />
    </Typography.Paragraph>
  )
}
