import { Space, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { formatDate } from '../../../shared/format'
import { ConfidentialityTag, SourceTag } from '../../../shared/registry/confidentiality'
import { MarkedSnippet, MarkedText } from '../../../shared/registry/marked-text'
import type { AchievementListItem } from '../api/types'

/** One search result: highlighted title and snippet, what kind of result it is, whose and where. */
export function AchievementResult({ item, to }: { item: AchievementListItem; to: string }) {
  return (
    <div style={{ width: '100%' }} data-testid="result">
      <Link to={to} className="fm-result-title">
        <MarkedText parts={item.titleMarked} />
      </Link>
      <Space size={[4, 4]} wrap style={{ margin: '6px 0' }}>
        <ConfidentialityTag level={item.confidentiality} label={item.confidentialityLabel} />
        <SourceTag label={item.sourceLabel} />
        <Tag bordered={false} color="geekblue">
          TRL {item.trl}
        </Tag>
        <Tag bordered={false}>{item.maturityLabel}</Tag>
        {item.category ? <Tag bordered={false}>{item.discipline ?? item.category}</Tag> : null}
        {item.industries.slice(0, 3).map((industry) => (
          <Tag key={industry.code} bordered={false} color="cyan">
            {industry.name}
          </Tag>
        ))}
      </Space>
      <MarkedSnippet parts={item.snippet} />
      <div className="fm-result-meta">
        <span>{item.ownerOrgName}</span>
        <span>{item.jurisdictionName}</span>
        {item.transferModeLabels.length ? <span>转化方式：{item.transferModeLabels.join('、')}</span> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          更新于 {formatDate(item.updatedAt)}
        </Typography.Text>
      </div>
    </div>
  )
}
