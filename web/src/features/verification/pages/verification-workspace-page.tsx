import { Alert, Card, Col, Descriptions, Row, Space, Steps, Tabs, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useParams, useSearchParams } from 'react-router-dom'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { useVerificationChanges } from '../api/change-verification'
import { useProject } from '../api/get-project'
import { useVerification } from '../api/get-verification'
import type { Project, VerificationDetail } from '../api/types'
import { projectStatusColors } from '../components/labels'
import { ReportPanel } from '../components/report-panel'
import { StageCard } from '../components/stage-card'
import { StartVerification } from '../components/start-verification'
import '../components/verification.css'

export type WorkspaceSlots = {
  /** 中试对接: offers, pilot progress and findings (composed in app/ from the hand-offs feature). */
  handoffs?: (project: Project, detail: VerificationDetail | null) => ReactNode
  /** 转化落地: the project's outcomes (composed in app/ from the outcomes feature). */
  outcomes?: (project: Project) => ReactNode
}

const stepStatus = (status: string): 'wait' | 'process' | 'finish' | 'error' =>
  status === 'active'
    ? 'process'
    : status === 'passed' || status === 'conditionallyPassed'
      ? 'finish'
      : status === 'terminated'
        ? 'error'
        : 'wait'

function Stages({ detail }: { detail: VerificationDetail }) {
  const changes = useVerificationChanges(detail.projectId)
  const compact = useCompact()
  const active = detail.stages.findIndex((s) => s.status === 'active')
  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }}>
      <Card size="small">
        <Steps
          size="small"
          direction={compact ? 'vertical' : 'horizontal'}
          current={active < 0 ? detail.stages.length : active}
          items={detail.stages.map((s) => ({
            title: s.label,
            description: s.statusLabel,
            status: stepStatus(s.status),
            disabled: s.status === 'skipped' || s.status === 'notPlanned',
          }))}
        />
      </Card>
      {detail.stages
        .filter((s) => s.status !== 'notPlanned')
        .map((s) => (
          <StageCard key={s.id} stage={s} detail={detail} changes={changes} />
        ))}
    </Space>
  )
}

function Summary({ project, detail }: { project: Project; detail: VerificationDetail | null }) {
  const compact = useCompact()
  return (
    <Card size="small">
      <Descriptions size="small" column={compact ? 1 : 3}>
        <Descriptions.Item label="申报单位">{project.applicantOrgName}</Descriptions.Item>
        <Descriptions.Item label="负责中心">{project.centerOrgName}</Descriptions.Item>
        <Descriptions.Item label="所在地区">{project.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label="项目预算">{formatFen(project.budgetFen)}</Descriptions.Item>
        {detail ? (
          <>
            <Descriptions.Item label="阶段拨付合计">{formatFen(detail.trancheTotalFen)}</Descriptions.Item>
            <Descriptions.Item label="已支出">{formatFen(detail.spentTotalFen)}</Descriptions.Item>
            <Descriptions.Item label="验证状态">
              <Tag color={detail.status === 'terminated' ? 'error' : 'processing'}>{detail.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="报告类型">{detail.reportKindLabel}</Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
    </Card>
  )
}

/** 验证工作台 of one project: its stages, report, hand-off to pilot platforms and landing outcomes. */
export function VerificationWorkspacePage({ handoffs, outcomes }: WorkspaceSlots) {
  const { id = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const projectQuery = useProject(id)
  const verificationQuery = useVerification(id)
  const changes = useVerificationChanges(id)
  const project = projectQuery.data
  if (!project || verificationQuery.isPending)
    return (
      <Page title="验证工作台">
        <RecordState
          isPending={projectQuery.isPending || verificationQuery.isPending}
          error={projectQuery.error}
          what="项目"
          backTo="/verification"
        />
      </Page>
    )
  const detail = verificationQuery.data ?? null
  const canStart = !detail && project.canManage && project.status === 'admitted'
  const stagesTab = detail ? (
    <Stages detail={detail} />
  ) : canStart ? (
    <StartVerification project={project} changes={changes} />
  ) : (
    <Alert
      type="info"
      showIcon
      message={project.status === 'admitted' ? '负责的概念验证中心尚未开始验证' : '该项目没有阶段验证记录'}
    />
  )
  const tabs = [
    { key: 'stages', label: '阶段验证', children: stagesTab },
    ...(detail ? [{ key: 'report', label: '验证报告', children: <ReportPanel detail={detail} /> }] : []),
    ...(handoffs ? [{ key: 'handoffs', label: '中试对接', children: handoffs(project, detail) }] : []),
    ...(outcomes ? [{ key: 'outcomes', label: '转化落地', children: outcomes(project) }] : []),
  ]
  return (
    <Page
      title="验证工作台"
      content={
        <Space direction="vertical" size={4} style={{ display: 'flex' }}>
          <BackLink to="/verification" label="返回" />
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="workspace-title">
              {project.title}
            </Typography.Title>
            <Tag color={projectStatusColors[project.status] ?? 'default'} data-testid="project-status">
              {project.statusLabel}
            </Tag>
          </Space>
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Summary project={project} detail={detail} />
        </Col>
        <Col span={24}>
          <Tabs
            activeKey={params.get('tab') ?? 'stages'}
            onChange={(tab) => setParams({ tab }, { replace: true })}
            items={tabs}
          />
        </Col>
      </Row>
    </Page>
  )
}
