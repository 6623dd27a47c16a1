import { EditOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Descriptions, Result, Row, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useNavigate, useParams } from 'react-router-dom'
import { formatDate, formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { Page, PageLoading } from '../../../shared/page'
import { ArchiveButton } from '../../../shared/registry/archive-button'
import { ConfidentialityTag, SourceTag } from '../../../shared/registry/confidentiality'
import { DetailHeader } from '../../../shared/registry/detail-header'
import { HistoryTimeline } from '../../../shared/registry/history-timeline'
import { InterestButton } from '../../../shared/registry/interest-button'
import { StatusActions } from '../../../shared/registry/status-actions'
import { useCompact } from '../../../shared/responsive'
import { useSetScenarioArchived } from '../api/archive-scenario'
import { useChangeScenarioStatus } from '../api/change-scenario-status'
import { useScenario } from '../api/get-scenario'
import type { Scenario } from '../api/types'
import { scenarioFieldLabels, scenarioStatusLabels, scenarioTransition, statusActionLabels } from '../components/labels'
import { ScenarioStatusTag } from '../components/scenario-status-tag'

/**
 * 场景详情: what the publisher offers, where and until when, 征集状态 with reasons, history; 编辑 / 归档 for its
 * publisher, 我有意向 for others. `matches` is the 场景找成果 panel the app composes in.
 */
export function ScenarioDetailPage({ matches }: { matches?: (scenario: Scenario) => ReactNode }) {
  const compact = useCompact()
  const { id } = useParams()
  const navigate = useNavigate()
  const scenario = useScenario(id)
  if (scenario.isPending) return <PageLoading />
  if (scenario.isError)
    return (
      <Page title="场景详情">
        <Result
          status="404"
          title="场景不存在或无权查看"
          subTitle="该场景可能已被删除，或为其他单位的保密场景。"
          extra={<Button onClick={() => navigate('/scenarios')}>返回场景列表</Button>}
        />
      </Page>
    )
  const s = scenario.data
  return (
    <Page title="场景详情" subTitle={compact ? undefined : s.ownerOrgName}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={matches ? 14 : 24}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Header scenario={s} />
            <Card title="场景描述" size="small">
              <Typography.Paragraph className="fm-detail-text">{s.description}</Typography.Paragraph>
            </Card>
            <Facts scenario={s} />
            <Card title="修改记录" size="small">
              <HistoryTimeline path={`/scenarios/${s.id}/history`} fieldLabels={scenarioFieldLabels} />
            </Card>
          </Space>
        </Col>
        {matches ? (
          <Col xs={24} xl={10}>
            {matches(s)}
          </Col>
        ) : null}
      </Row>
    </Page>
  )
}

function Header({ scenario: s }: { scenario: Scenario }) {
  const navigate = useNavigate()
  const { message } = App.useApp()
  const archive = useSetScenarioArchived()
  const status = useChangeScenarioStatus()
  const change = async (next: Scenario['status'], reason: string | undefined) => {
    try {
      await status.mutateAsync({ id: s.id, status: next, version: s.version, reason })
      message.success(`场景状态已改为“${scenarioStatusLabels[next]}”`)
    } catch (error) {
      message.error(errorMessage(error))
      throw error
    }
  }
  return (
    <DetailHeader
      title={s.title}
      tags={
        <>
          <ConfidentialityTag level={s.confidentiality} label={s.confidentialityLabel} />
          <SourceTag label={s.sourceLabel} />
          <ScenarioStatusTag status={s.status} label={s.statusLabel} />
          {s.archived ? <Tag>已归档</Tag> : null}
          <Tag bordered={false}>{s.publisherKindLabel}</Tag>
          {s.offerLabels.map((offer) => (
            <Tag key={offer} bordered={false} color="green">
              提供{offer}
            </Tag>
          ))}
        </>
      }
      meta={[
        s.ownerOrgName,
        s.address,
        `截止 ${s.deadline}${s.isPastDeadline ? '（已过期）' : ''}`,
        `更新于 ${formatDate(s.updatedAt)}`,
      ]}
      actions={
        s.canEdit ? (
          <>
            {s.archived ? null : (
              <StatusActions
                current={s.status}
                next={s.nextStatuses}
                labels={scenarioStatusLabels}
                actionLabels={statusActionLabels}
                needsReason={(from, to) => {
                  const rule = scenarioTransition(from, to)
                  return rule.allowed && rule.needsReason
                }}
                onChange={change}
                loading={status.isPending}
              />
            )}
            <Button icon={<EditOutlined />} onClick={() => navigate(`/scenarios/${s.id}/edit`)}>
              编辑
            </Button>
            <ArchiveButton
              archived={s.archived}
              noun="场景"
              loading={archive.isPending}
              onToggle={() => archive.mutateAsync({ id: s.id, archived: !s.archived })}
            />
          </>
        ) : (
          <InterestButton recordType="scenario" recordId={s.id} recordTitle={s.title} ownerOrgId={s.ownerOrgId} />
        )
      }
    />
  )
}

function Facts({ scenario: s }: { scenario: Scenario }) {
  const compact = useCompact()
  return (
    <Card title="基本信息" size="small">
      <Descriptions column={compact ? 1 : 2} size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label="发布单位">{s.ownerOrgName}</Descriptions.Item>
        <Descriptions.Item label="发布主体">{s.publisherKindLabel}</Descriptions.Item>
        <Descriptions.Item label="所在地区">{s.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label="场景地址">{s.address}</Descriptions.Item>
        {s.longitude !== null && s.latitude !== null ? (
          <Descriptions.Item label="经纬度">
            {s.longitude.toFixed(4)}，{s.latitude.toFixed(4)}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="提供条件">{s.offerLabels.join('、')}</Descriptions.Item>
        <Descriptions.Item label="所需技术" span={compact ? 1 : 2}>
          {s.keywords.length
            ? s.keywords.map((k) => (
                <Tag key={k} bordered={false} color="blue">
                  {k}
                </Tag>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="产业分类" span={compact ? 1 : 2}>
          {s.industries.length
            ? s.industries.map((i) => (
                <Tag key={i.code} color="cyan" bordered={false}>
                  {i.name}
                </Tag>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="征集截止">
          {s.deadline}
          {s.isPastDeadline ? <Tag style={{ marginInlineStart: 6 }}>已过期</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="征集状态">
          {s.statusLabel}
          {s.statusChangedAt ? `（${formatDateTime(s.statusChangedAt)}）` : ''}
        </Descriptions.Item>
        {s.statusReason ? (
          <Descriptions.Item label="状态说明" span={compact ? 1 : 2}>
            {s.statusReason}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="公开程度">{s.confidentialityLabel}</Descriptions.Item>
        <Descriptions.Item label="来源">{s.sourceLabel ?? '平台录入'}</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}
