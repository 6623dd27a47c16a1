import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import './registry.css'
import './record-parts.css'
import { type Marked, MarkedSnippet, MarkedText } from './marked-text'

/** One search result: the highlighted name linking to the record, tags, the highlighted snippet, a meta line. */
export function ResultItem({
  to,
  name,
  title,
  tags,
  snippet,
  meta,
  aside,
}: {
  to: string
  name: Marked
  /** Plain name, when the search marked nothing. */
  title: string
  tags?: ReactNode
  snippet?: Marked
  meta?: ReactNode[]
  aside?: ReactNode
}) {
  return (
    <div className="fm-result-body" data-testid="result">
      <div className="fm-result-head">
        <div className="fm-result-title">
          <Link to={to} data-testid="result-link">
            {name.length ? <MarkedText parts={name} /> : title}
          </Link>
        </div>
        {aside}
      </div>
      {tags ? <div className="fm-result-tags">{tags}</div> : null}
      <MarkedSnippet parts={snippet} />
      {meta?.length ? (
        <div className="fm-result-meta">
          {meta.filter(Boolean).map((item, index) => (
            <span key={typeof item === 'string' ? item : index}>{item}</span>
          ))}
        </div>
      ) : null}
    </div>
  )
}
