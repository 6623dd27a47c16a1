import { LockOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd'
import { useNavigate, useParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { formatFen } from '../../../shared/money'
import { Page, PageLoading } from '../../../shared/page'
import { DetailHeader } from '../../../shared/registry/detail-header'
import '../../../shared/registry/registry.css'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { useInvitation } from '../api/invitations'
import type { InvitationDetail } from '../api/types'
import { assignmentStatusColors } from '../components/labels'
import { RespondButtons } from '../components/respond-buttons'
import { ScoreForm } from '../components/score-form'

/**
 * One invitation: the parties first (to judge a conflict of interest), the project's content only after 确认无利益冲突,
 * then 接受 and 在线评分.
 */
export function InvitationPage() {
  const { id } = useParams()
  const navigate = useNavigate()
  const invitation = useInvitation(id)
  if (invitation.isPending) return <PageLoading />
  if (invitation.isError)
    return (
      <Page title="评审任务">
        <Result
          status="404"
          title="评审邀请不存在或已撤回"
          extra={<Button onClick={() => navigate('/evaluation-invitations')}>返回评审任务</Button>}
        />
      </Page>
    )
  const i = invitation.data
  return (
    <Page title="评审任务">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <DetailHeader
          title={i.project.title}
          tags={
            <>
              <Tag color={assignmentStatusColors[i.status]} data-testid="invitation-status">
                {i.statusLabel}
              </Tag>
              <Tag bordered={false}>担任：{i.roleLabel}</Tag>
            </>
          }
          meta={[
            i.roundTitle,
            i.centerOrgName,
            `截止 ${i.deadline}${i.workdaysLeft !== null ? `（剩 ${i.workdaysLeft} 个工作日）` : ''}`,
          ]}
          actions={<RespondButtons invitation={i} />}
        />
        {i.status === 'invited' ? (
          <Alert
            type="warning"
            showIcon
            message="请先确认利益冲突"
            description="根据回避规定，请核对下方申报单位与团队成员。确认与本项目无利益冲突后方可查看项目材料；如存在冲突请申报回避。"
          />
        ) : null}
        <Parties invitation={i} />
        {i.detail ? (
          <Content invitation={i} />
        ) : (
          <Card size="small">
            <Typography.Text type="secondary">
              <LockOutlined /> 项目材料将在确认无利益冲突后显示
            </Typography.Text>
          </Card>
        )}
        {i.canScore ? <ScoreForm invitation={i} /> : null}
        {i.status === 'confirmed' ? <Alert type="info" showIcon message="接受评审邀请后即可在线评分" /> : null}
        {i.status === 'submitted' ? <Submitted invitation={i} /> : null}
      </Space>
    </Page>
  )
}

function Parties({ invitation: i }: { invitation: InvitationDetail }) {
  const compact = useCompact()
  return (
    <Card size="small" title="利益冲突核对信息">
      <Descriptions column={compact ? 1 : 2} size="small">
        <Descriptions.Item label="申报单位">{i.project.applicantOrgName}</Descriptions.Item>
        <Descriptions.Item label="产业领域">{i.project.industries.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="团队成员" span={compact ? 1 : 2}>
          <Space size={[4, 4]} wrap>
            {i.project.team.map((m) => (
              <Tag key={`${m.name}-${m.role ?? ''}`}>
                {m.name}
                {m.role ? ` · ${m.role}` : ''}
                {m.organization ? ` · ${m.organization}` : ''}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function Content({ invitation: i }: { invitation: InvitationDetail }) {
  const compact = useCompact()
  const d = i.detail!
  return (
    <Card size="small" title="项目材料" data-testid="project-material">
      <Typography.Paragraph className="fm-detail-text">{d.summary}</Typography.Paragraph>
      <Descriptions column={compact ? 1 : 2} size="small">
        <Descriptions.Item label="申请的验证类型">{d.requestedTypeLabels.join('、')}</Descriptions.Item>
        <Descriptions.Item label="学科">{d.disciplines.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="验证预算">{formatFen(d.budgetFen)}</Descriptions.Item>
        <Descriptions.Item label="技术就绪度">{d.trl ? `TRL ${d.trl}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="关联成果">{d.achievementIds.length} 项</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function Submitted({ invitation: i }: { invitation: InvitationDetail }) {
  // On a phone one column holds criterion, weight, score and comment: beside three fixed columns the comment was
  // left 44 px wide.
  const compact = useCompact()
  return (
    <Card size="small" title={`已提交的评分（${formatDateTime(i.submittedAt)}）`}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={i.criteria}
        columns={[
          {
            title: '指标',
            dataIndex: 'name',
            width: compact ? undefined : 140,
            render: (name: string, c) =>
              compact ? (
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>
                    {name} · 权重 {c.weight}% · 得分 {i.scores[c.key] ?? '—'}
                  </Typography.Text>
                  <span>{i.comments[c.key] ?? '—'}</span>
                </Space>
              ) : (
                name
              ),
          },
          { title: '权重', dataIndex: 'weight', width: 70, responsive: wideOnly, render: (v: number) => `${v}%` },
          { title: '得分', key: 'score', width: 70, responsive: wideOnly, render: (_, c) => i.scores[c.key] ?? '—' },
          { title: '意见', key: 'comment', responsive: wideOnly, render: (_, c) => i.comments[c.key] ?? '—' },
        ]}
      />
      {i.overallComment ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          <Typography.Text strong>综合意见：</Typography.Text>
          {i.overallComment}
        </Typography.Paragraph>
      ) : null}
    </Card>
  )
}
