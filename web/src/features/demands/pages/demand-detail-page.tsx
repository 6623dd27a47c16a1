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
import { useSetDemandArchived } from '../api/archive-demand'
import { useChangeDemandStatus } from '../api/change-demand-status'
import { useDemand } from '../api/get-demand'
import type { Demand } from '../api/types'
import { DemandStatusTag } from '../components/demand-status-tag'
import { demandFieldLabels, demandStatusLabels, demandTransition, statusActionLabels } from '../components/labels'

/**
 * 需求详情: every field, the enterprise and its area, 状态流转 with reasons, history; 编辑 / 归档 for its owner,
 * 我有意向 for others. `matches` is the 需求找成果 panel the app composes in.
 */
export function DemandDetailPage({ matches }: { matches?: (demand: Demand) => ReactNode }) {
  const compact = useCompact()
  const { id } = useParams()
  const navigate = useNavigate()
  const demand = useDemand(id)
  if (demand.isPending) return <PageLoading />
  if (demand.isError)
    return (
      <Page title="需求详情">
        <Result
          status="404"
          title="需求不存在或无权查看"
          subTitle="该需求可能已被删除，或为其他单位的保密需求。"
          extra={<Button onClick={() => navigate('/demands')}>返回需求列表</Button>}
        />
      </Page>
    )
  const d = demand.data
  return (
    <Page title="需求详情" subTitle={compact ? undefined : d.ownerOrgName}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={matches ? 14 : 24}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Header demand={d} />
            <Card title="需求描述" size="small">
              <Typography.Paragraph className="fm-detail-text">{d.description}</Typography.Paragraph>
            </Card>
            <Facts demand={d} />
            <Card title="修改记录" size="small">
              <HistoryTimeline path={`/demands/${d.id}/history`} fieldLabels={demandFieldLabels} />
            </Card>
          </Space>
        </Col>
        {matches ? (
          <Col xs={24} xl={10}>
            {matches(d)}
          </Col>
        ) : null}
      </Row>
    </Page>
  )
}

function Header({ demand: d }: { demand: Demand }) {
  const navigate = useNavigate()
  const { message } = App.useApp()
  const archive = useSetDemandArchived()
  const status = useChangeDemandStatus()
  const change = async (next: Demand['status'], reason: string | undefined) => {
    try {
      await status.mutateAsync({ id: d.id, status: next, version: d.version, reason })
      message.success(`需求状态已改为“${demandStatusLabels[next]}”`)
    } catch (error) {
      message.error(errorMessage(error))
      throw error
    }
  }
  return (
    <DetailHeader
      title={d.title}
      tags={
        <>
          <ConfidentialityTag level={d.confidentiality} label={d.confidentialityLabel} />
          <SourceTag label={d.sourceLabel} />
          <DemandStatusTag status={d.status} label={d.statusLabel} />
          {d.archived ? <Tag>已归档</Tag> : null}
          <Tag bordered={false} color="orange">
            预算 {d.budgetLabel}
          </Tag>
          {d.keywords.map((k) => (
            <Tag key={k} bordered={false} color="blue">
              {k}
            </Tag>
          ))}
        </>
      }
      meta={[
        d.ownerOrgName,
        d.jurisdictionName,
        `截止 ${d.deadline}${d.isPastDeadline ? '（已过期）' : ''}`,
        `更新于 ${formatDate(d.updatedAt)}`,
      ]}
      actions={
        d.canEdit ? (
          <>
            {d.archived ? null : (
              <StatusActions
                current={d.status}
                next={d.nextStatuses}
                labels={demandStatusLabels}
                actionLabels={statusActionLabels}
                needsReason={(from, to) => {
                  const rule = demandTransition(from, to)
                  return rule.allowed && rule.needsReason
                }}
                onChange={change}
                loading={status.isPending}
              />
            )}
            <Button icon={<EditOutlined />} onClick={() => navigate(`/demands/${d.id}/edit`)}>
              编辑
            </Button>
            <ArchiveButton
              archived={d.archived}
              noun="需求"
              loading={archive.isPending}
              onToggle={() => archive.mutateAsync({ id: d.id, archived: !d.archived })}
            />
          </>
        ) : (
          <InterestButton recordType="demand" recordId={d.id} recordTitle={d.title} ownerOrgId={d.ownerOrgId} />
        )
      }
    />
  )
}

function Facts({ demand: d }: { demand: Demand }) {
  const compact = useCompact()
  return (
    <Card title="基本信息" size="small">
      <Descriptions column={compact ? 1 : 2} size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label="需求企业">{d.ownerOrgName}</Descriptions.Item>
        <Descriptions.Item label="所在地区">{d.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label="产业分类" span={compact ? 1 : 2}>
          {d.industries.length
            ? d.industries.map((i) => (
                <Tag key={i.code} color="cyan" bordered={false}>
                  {i.name}
                </Tag>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="预算">{d.budgetLabel}</Descriptions.Item>
        <Descriptions.Item label="征集截止">
          {d.deadline}
          {d.isPastDeadline ? <Tag style={{ marginInlineStart: 6 }}>已过期</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label="合作方式">{d.cooperationModeLabels.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="期望 TRL">{d.trlWanted ? `TRL ${d.trlWanted}` : '不限'}</Descriptions.Item>
        <Descriptions.Item label="期望成熟度">{d.maturityWantedLabel ?? '不限'}</Descriptions.Item>
        <Descriptions.Item label="公开程度">{d.confidentialityLabel}</Descriptions.Item>
        <Descriptions.Item label="需求状态">
          {d.statusLabel}
          {d.statusChangedAt ? `（${formatDateTime(d.statusChangedAt)}）` : ''}
        </Descriptions.Item>
        {d.statusReason ? (
          <Descriptions.Item label="状态说明" span={compact ? 1 : 2}>
            {d.statusReason}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="联系人">{d.contact?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{d.contact?.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="电子邮箱">{d.contact?.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="来源">{d.sourceLabel ?? '平台录入'}</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}
