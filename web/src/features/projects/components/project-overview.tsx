import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { formatDate } from '../../../shared/format'
import { formatFen } from '../../../shared/money'
import { useCompact } from '../../../shared/responsive'
import { useSourceAchievements } from '../api/source-achievements'
import type { ProjectDetail } from '../api/types'

/** 项目概况: summary, facts, team and the achievements it comes from. */
export function ProjectOverview({ project: p }: { project: ProjectDetail }) {
  const compact = useCompact()
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="项目简介" size="small">
        <Typography.Paragraph className="fm-detail-text" style={{ marginBottom: 0 }}>
          {p.summary}
        </Typography.Paragraph>
      </Card>
      <Card title="基本信息" size="small">
        <Descriptions
          column={compact ? 1 : 2}
          size="small"
          styles={{ label: { width: 120 } }}
          data-testid="project-facts"
        >
          <Descriptions.Item label="项目来源">{p.channelLabel}</Descriptions.Item>
          <Descriptions.Item label="申报单位">{p.applicantOrgName}</Descriptions.Item>
          <Descriptions.Item label="负责中心">{p.centerOrgName}</Descriptions.Item>
          <Descriptions.Item label="所在地区">{p.jurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="申请的验证类型" span={compact ? 1 : 2}>
            <Space size={[4, 4]} wrap>
              {p.requestedTypeLabels.map((t) => (
                <Tag key={t} color="geekblue" bordered={false}>
                  {t}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="产业领域" span={compact ? 1 : 2}>
            {p.industries.length
              ? p.industries.map((i) => (
                  <Tag key={i.code} color="cyan" bordered={false}>
                    {i.name}
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="学科">{p.disciplines.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="技术就绪度">{p.trl ? `TRL ${p.trl}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="验证预算">{formatFen(p.budgetFen)}</Descriptions.Item>
          <Descriptions.Item label="申报时间">{formatDate(p.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`项目团队（${p.team.length}）`} size="small">
        <Space size={[8, 8]} wrap data-testid="project-team">
          {p.team.map((m) => (
            <Tag key={`${m.name}-${m.role ?? ''}`} style={{ padding: '4px 10px' }}>
              <Typography.Text strong>{m.name}</Typography.Text>
              {m.role ? ` · ${m.role}` : ''}
              {m.organization ? ` · ${m.organization}` : ''}
            </Tag>
          ))}
        </Space>
      </Card>
      <SourceAchievements ids={p.achievementIds} />
    </Space>
  )
}

function SourceAchievements({ ids }: { ids: string[] }) {
  const results = useSourceAchievements(ids)
  return (
    <Card title={`源自成果（${ids.length}）`} size="small">
      {ids.length ? (
        <List
          size="small"
          data-testid="source-achievements"
          dataSource={ids.map((id, i) => ({ id, result: results[i] }))}
          renderItem={({ id, result }) => (
            <List.Item>
              {result?.data ? (
                <Space direction="vertical" size={0}>
                  <Link to={`/achievements/${id}`}>{result.data.title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {result.data.ownerOrgName} · TRL {result.data.trl}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {result?.isPending ? '正在加载…' : '该成果为保密成果或已删除，无权查看'}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未关联成果库中的成果" />
      )}
    </Card>
  )
}
