import { Space, Tag } from 'antd'
import { Link } from 'react-router-dom'
import { formatDate } from '../../../shared/format'
import { ConfidentialityTag, SourceTag } from '../../../shared/registry/confidentiality'
import { MarkedSnippet, MarkedText } from '../../../shared/registry/marked-text'
import type { ScenarioListItem } from '../api/types'
import { ScenarioStatusTag } from './scenario-status-tag'

/** One scenario in a result list: highlighted title and snippet, what it offers, where, until when. */
export function ScenarioResult({ item, to }: { item: ScenarioListItem; to: string }) {
  return (
    <div style={{ width: '100%' }} data-testid="result">
      <Link to={to} className="fm-result-title">
        <MarkedText parts={item.titleMarked} />
      </Link>
      <Space size={[4, 4]} wrap style={{ margin: '6px 0' }}>
        <ConfidentialityTag level={item.confidentiality} label={item.confidentialityLabel} />
        <SourceTag label={item.sourceLabel} />
        <ScenarioStatusTag status={item.status} label={item.statusLabel} />
        <Tag bordered={false}>{item.publisherKindLabel}</Tag>
        {item.offerLabels.map((offer) => (
          <Tag key={offer} bordered={false} color="green">
            提供{offer}
          </Tag>
        ))}
        {item.industries.slice(0, 3).map((industry) => (
          <Tag key={industry.code} bordered={false} color="cyan">
            {industry.name}
          </Tag>
        ))}
      </Space>
      <MarkedSnippet parts={item.snippet} />
      <div className="fm-result-meta">
        <span>{item.ownerOrgName}</span>
        <span>{item.address}</span>
        <span style={item.isPastDeadline ? { color: '#cf1322' } : undefined}>
          截止 {item.deadline}
          {item.isPastDeadline ? '（已过期）' : ''}
        </span>
        <span>更新于 {formatDate(item.updatedAt)}</span>
      </div>
    </div>
  )
}
