import { Space, Tag } from 'antd'
import { Link } from 'react-router-dom'
import { SourceTag } from '../../../shared/registry/confidentiality'
import { MarkedSnippet, MarkedText } from '../../../shared/registry/marked-text'
import type { CatalogueItem } from '../api/catalogue'

/** A catalogue row: highlighted title and snippet, a few tags, whose and where. */
export function CatalogueCard({ item, to }: { item: CatalogueItem; to: string }) {
  return (
    <div style={{ width: '100%' }} data-testid="result">
      <Link to={to} className="fm-result-title">
        <MarkedText parts={item.titleMarked} />
      </Link>
      <Space size={[4, 4]} wrap style={{ margin: '6px 0' }}>
        <SourceTag label={item.sourceLabel} />
        {item.tags.map((tag) => (
          <Tag key={tag.text} bordered={false} color={tag.color}>
            {tag.text}
          </Tag>
        ))}
      </Space>
      <MarkedSnippet parts={item.snippet} />
      <div className="fm-result-meta">
        {item.meta.filter(Boolean).map((text) => (
          <span key={text}>{text}</span>
        ))}
      </div>
    </div>
  )
}
