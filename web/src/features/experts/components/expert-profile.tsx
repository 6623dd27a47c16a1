import { Card, Col, Descriptions, List, Row, Space, Table, Tag, Timeline, Typography } from 'antd'
import type { ReactNode } from 'react'
import { formatDate } from '../../../shared/format'
import { ConfidentialityTag } from '../../../shared/registry/confidentiality'
import { DetailHeader } from '../../../shared/registry/detail-header'
import { NoneYet, RecordFacts, TagList } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import type { Expert } from '../api/types'

type Personal = NonNullable<Expert['personal']>

/** `2011-07-01 – 2020-12-31`, `2021-01-01 至今`, or nothing when no dates were given. */
export function periodText(from: string | null, to: string | null): string {
  if (!from && !to) return '时间未填'
  return `${from ? formatDate(from) : '？'} – ${to ? formatDate(to) : '至今'}`
}

function Affiliations({ expert }: { expert: Expert }) {
  const items = [...expert.affiliations].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
  if (!items.length && !expert.currentOrganization) return <NoneYet text="暂无任职经历" />
  return (
    <Timeline
      data-testid="affiliations"
      items={[
        ...(expert.currentOrganization
          ? [
              {
                color: 'green',
                children: (
                  <div>
                    <Typography.Text strong>{expert.currentOrganization.name}</Typography.Text>
                    <div className="fm-result-meta">现任{expert.title ? ` · ${expert.title}` : ''}</div>
                  </div>
                ),
              },
            ]
          : []),
        ...items.map((a) => ({
          color: a.to ? 'gray' : 'blue',
          children: (
            <div>
              <Typography.Text strong>{a.organizationName}</Typography.Text>
              {a.position ? <Typography.Text type="secondary"> · {a.position}</Typography.Text> : null}
              <div className="fm-result-meta">{periodText(a.from, a.to)}</div>
            </div>
          ),
        })),
      ]}
    />
  )
}

function Relationships({ items }: { items: Personal['relationships'] }) {
  if (!items.length) return <NoneYet text="未申报社会关系" />
  return (
    <Table<Personal['relationships'][number]>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.kind}:${r.personName}:${r.organizationName ?? ''}`}
      dataSource={items}
      data-testid="relationships"
      columns={[
        { title: '关系', dataIndex: 'kindLabel', width: 90, render: (label: string) => <Tag>{label}</Tag> },
        { title: '对方', dataIndex: 'personName' },
        { title: '单位', dataIndex: 'organizationName', render: (name: string | null) => name ?? '—' },
        { title: '说明', dataIndex: 'note', responsive: ['md'], render: (note: string | null) => note ?? '—' },
      ]}
    />
  )
}

function EnterpriseTies({ items }: { items: Personal['enterpriseTies'] }) {
  if (!items.length) return <NoneYet text="未申报与企业的关联" />
  return (
    <Timeline
      data-testid="enterprise-ties"
      items={[...items]
        .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
        .map((t) => ({
          color: t.to ? 'gray' : 'orange',
          children: (
            <div>
              <Tag color="orange" bordered={false}>
                {t.kindLabel}
              </Tag>
              <Typography.Text strong>{t.organizationName}</Typography.Text>
              <div className="fm-result-meta">
                <span>{periodText(t.from, t.to)}</span>
                {t.note ? <span>{t.note}</span> : null}
              </div>
            </div>
          ),
        }))}
    />
  )
}

function Conflicts({ items }: { items: Personal['declaredConflicts'] }) {
  if (!items.length) return <NoneYet text="未申报利益冲突" />
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="declared-conflicts"
      renderItem={(c) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <span>{c.text}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.organizationName ? `涉及单位：${c.organizationName} · ` : ''}申报于 {formatDate(c.declaredOn)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  )
}

/** An expert's page body: header with the given actions, fields, affiliations and (for those allowed) personal. */
export function ExpertProfile({ expert, actions }: { expert: Expert; actions: ReactNode }) {
  const compact = useCompact()
  const personal = expert.personal
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="expert-detail">
      <DetailHeader
        title={`${expert.name}${expert.title ? `（${expert.title}）` : ''}`}
        tags={
          <>
            <ConfidentialityTag level={expert.confidentiality} label={expert.confidentialityLabel} />
            {expert.thinkTankLabels.map((label) => (
              <Tag key={label} color="purple" bordered={false}>
                {label}智库
              </Tag>
            ))}
            <Tag color={expert.availability === 'available' ? 'green' : 'default'} bordered={false}>
              {expert.availabilityLabel}
              {expert.availability === 'busy' && expert.busyUntil ? `（至 ${formatDate(expert.busyUntil)}）` : ''}
            </Tag>
            {expert.isSelf ? <Tag color="blue">本人</Tag> : null}
            {expert.archived ? <Tag>已归档</Tag> : null}
          </>
        }
        meta={[expert.currentOrganization?.name, expert.jurisdictionName, `登记单位：${expert.ownerOrgName}`]}
        actions={actions}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            <Card title="专业领域" size="small">
              <Descriptions column={1} size="small" className="fm-detail" bordered={!compact}>
                <Descriptions.Item label="学科门类">
                  <TagList items={expert.categories} />
                </Descriptions.Item>
                <Descriptions.Item label="一级学科">
                  <TagList items={expert.disciplines} color="cyan" />
                </Descriptions.Item>
                <Descriptions.Item label="产业领域">
                  <TagList items={expert.industries.map((i) => i.name)} color="blue" />
                </Descriptions.Item>
                <Descriptions.Item label="研究方向">
                  <TagList items={expert.keywords} color="geekblue" />
                </Descriptions.Item>
                <Descriptions.Item label="专家智库">
                  <TagList items={expert.thinkTankLabels} color="purple" />
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title="任职经历" size="small">
              <Affiliations expert={expert} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            {personal ? (
              <>
                <Card title="联系方式" size="small">
                  <Descriptions column={1} size="small" data-testid="expert-contact">
                    <Descriptions.Item label="联系电话">{personal.contactPhone ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="电子邮箱">{personal.contactEmail ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="平台账号">
                      {personal.linkedAccount ? '已关联' : '未关联'}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
                <Card
                  title="申报的社会关系"
                  size="small"
                  extra={<Typography.Text type="secondary">回避用</Typography.Text>}
                >
                  <Relationships items={personal.relationships} />
                </Card>
                <Card title="与企业的关联" size="small">
                  <EnterpriseTies items={personal.enterpriseTies} />
                </Card>
                <Card title="申报的利益冲突" size="small">
                  <Conflicts items={personal.declaredConflicts} />
                </Card>
              </>
            ) : (
              <Card title="个人信息" size="small">
                <Typography.Text type="secondary" data-testid="personal-hidden">
                  联系方式、社会关系与利益冲突申报属于个人信息，仅专家本人、登记单位和辖区科技管理部门可见。
                </Typography.Text>
              </Card>
            )}
            <RecordFacts
              createdAt={expert.createdAt}
              updatedAt={expert.updatedAt}
              version={expert.version}
              source={expert.source}
              sourceLabel={expert.sourceLabel}
            />
          </Space>
        </Col>
      </Row>
    </Space>
  )
}
