import { EditOutlined } from '@ant-design/icons'
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Table, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useNavigate, useParams } from 'react-router-dom'
import { formatDate } from '../../../shared/format'
import { Page, PageLoading } from '../../../shared/page'
import { ArchiveButton } from '../../../shared/registry/archive-button'
import { ConfidentialityTag, SourceTag } from '../../../shared/registry/confidentiality'
import { DetailHeader } from '../../../shared/registry/detail-header'
import { HistoryTimeline } from '../../../shared/registry/history-timeline'
import { InterestButton } from '../../../shared/registry/interest-button'
import { priceRange } from '../../../shared/registry/money'
import { useCompact } from '../../../shared/responsive'
import { useSetAchievementArchived } from '../api/archive-achievement'
import { useAchievement } from '../api/get-achievement'
import type { Achievement, IpItem } from '../api/types'
import { achievementFieldLabels, ipKindLabels, ipStatusLabels, patentTypeLabels, trlLabels } from '../components/labels'

/**
 * 成果详情: every field, owner and area, industries, IP, team, history; 编辑 / 归档 for its owner, 我有意向 for
 * others. `matches` is the 匹配推荐 panel the app composes in (features do not import each other).
 */
export function AchievementDetailPage({ matches }: { matches?: (achievement: Achievement) => ReactNode }) {
  const compact = useCompact()
  const { id } = useParams()
  const navigate = useNavigate()
  const achievement = useAchievement(id)
  if (achievement.isPending) return <PageLoading />
  if (achievement.isError)
    return (
      <Page title="成果详情">
        <Result
          status="404"
          title="成果不存在或无权查看"
          subTitle="该成果可能已被删除，或为其他单位的保密成果。"
          extra={<Button onClick={() => navigate('/achievements')}>返回成果列表</Button>}
        />
      </Page>
    )
  const a = achievement.data
  return (
    <Page title="成果详情" subTitle={compact ? undefined : a.ownerOrgName}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={matches ? 14 : 24}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Header achievement={a} />
            <Card title="成果简介" size="small">
              <Typography.Paragraph className="fm-detail-text">{a.summary}</Typography.Paragraph>
            </Card>
            <Facts achievement={a} />
            <IpTable items={a.ipItems} />
            <Team achievement={a} />
            <Card title="修改记录" size="small">
              <HistoryTimeline path={`/achievements/${a.id}/history`} fieldLabels={achievementFieldLabels} />
            </Card>
          </Space>
        </Col>
        {matches ? (
          <Col xs={24} xl={10}>
            {matches(a)}
          </Col>
        ) : null}
      </Row>
    </Page>
  )
}

function Header({ achievement: a }: { achievement: Achievement }) {
  const navigate = useNavigate()
  const archive = useSetAchievementArchived()
  return (
    <DetailHeader
      title={a.title}
      tags={
        <>
          <ConfidentialityTag level={a.confidentiality} label={a.confidentialityLabel} />
          <SourceTag label={a.sourceLabel} />
          {a.archived ? <Tag>已归档</Tag> : null}
          <Tag bordered={false} color="geekblue">
            TRL {a.trl}
          </Tag>
          <Tag bordered={false}>{a.maturityLabel}</Tag>
          {a.keywords.map((k) => (
            <Tag key={k} bordered={false} color="blue">
              {k}
            </Tag>
          ))}
        </>
      }
      meta={[a.ownerOrgName, a.jurisdictionName, `更新于 ${formatDate(a.updatedAt)}`]}
      actions={
        a.canEdit ? (
          <>
            <Button icon={<EditOutlined />} onClick={() => navigate(`/achievements/${a.id}/edit`)}>
              编辑
            </Button>
            <ArchiveButton
              archived={a.archived}
              noun="成果"
              loading={archive.isPending}
              onToggle={() => archive.mutateAsync({ id: a.id, archived: !a.archived })}
            />
          </>
        ) : (
          <InterestButton recordType="achievement" recordId={a.id} recordTitle={a.title} ownerOrgId={a.ownerOrgId} />
        )
      }
    />
  )
}

function Facts({ achievement: a }: { achievement: Achievement }) {
  const compact = useCompact()
  return (
    <Card title="基本信息" size="small">
      <Descriptions column={compact ? 1 : 2} size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label="所属机构">{a.ownerOrgName}</Descriptions.Item>
        <Descriptions.Item label="所在地区">{a.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label="学科门类">{a.category ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="一级学科">{a.discipline ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="产业分类" span={compact ? 1 : 2}>
          {a.industries.length
            ? a.industries.map((i) => (
                <Tag key={i.code} color="cyan" bordered={false}>
                  {i.name}
                </Tag>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="技术就绪度">
          TRL {a.trl} · {trlLabels[a.trl] ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="成熟度">{a.maturityLabel}</Descriptions.Item>
        <Descriptions.Item label="转化方式">{a.transferModeLabels.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="价格预期">
          {priceRange(a.priceNegotiable, a.priceMinFen, a.priceMaxFen)}
        </Descriptions.Item>
        <Descriptions.Item label="公开程度">{a.confidentialityLabel}</Descriptions.Item>
        <Descriptions.Item label="来源">{a.sourceLabel ?? '平台录入'}</Descriptions.Item>
        <Descriptions.Item label="录入时间">{formatDate(a.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="当前版本">第 {a.version} 版</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function IpTable({ items }: { items: IpItem[] }) {
  return (
    <Card title={`知识产权（${items.length}）`} size="small">
      {items.length ? (
        <Table<IpItem>
          size="small"
          rowKey={(item) => `${item.kind}-${item.number ?? ''}-${item.title ?? ''}`}
          dataSource={items}
          pagination={false}
          scroll={{ x: 520 }}
          columns={[
            { title: '类型', dataIndex: 'kind', width: 110, render: (_, item) => ipKindLabels[item.kind] },
            { title: '编号', dataIndex: 'number', width: 150, render: (v: string | null) => v ?? '—' },
            { title: '名称', dataIndex: 'title', render: (v: string | null) => v ?? '—' },
            {
              title: '专利类型',
              dataIndex: 'patentType',
              width: 100,
              render: (_, item) => (item.patentType ? patentTypeLabels[item.patentType] : '—'),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (_, item) => (item.status ? ipStatusLabels[item.status] : '—'),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记知识产权" />
      )}
    </Card>
  )
}

function Team({ achievement: a }: { achievement: Achievement }) {
  return (
    <Card title={`团队成员（${a.team.length}）`} size="small">
      {a.team.length ? (
        <Space size={[8, 8]} wrap>
          {a.team.map((m) => (
            <Tag key={`${m.name}-${m.organization ?? ''}`} style={{ padding: '4px 10px' }}>
              <Typography.Text strong>{m.name}</Typography.Text>
              {m.title ? ` · ${m.title}` : ''}
              {m.organization ? ` · ${m.organization}` : ''}
            </Tag>
          ))}
        </Space>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未填写团队成员" />
      )}
    </Card>
  )
}
