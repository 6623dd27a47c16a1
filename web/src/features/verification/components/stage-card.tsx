import { DownloadOutlined, WarningOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, List, Progress, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { formatDate, saveBlob } from '../../../shared/format'
import { errorMessage, http } from '../../../shared/http'
import { formatFen } from '../../../shared/money'
import type { useVerificationChanges } from '../api/change-verification'
import type { Stage, VerificationDetail } from '../api/types'
import { gateColors, stageStatusColors } from './labels'
import {
  CompleteMilestoneAction,
  DelegationAction,
  ExpenseAction,
  GateAction,
  MilestoneAction,
  ReopenAction,
  ResolveConditionAction,
  TrancheAction,
  UploadAction,
} from './stage-actions'

type Changes = ReturnType<typeof useVerificationChanges>

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="fm-stage-section">
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
        {title}
      </Typography.Text>
      {children}
    </div>
  )
}

const None = ({ text }: { text: string }) => (
  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
    {text}
  </Typography.Text>
)

function Deliverables({ stage, canDownload }: { stage: Stage; canDownload: boolean }) {
  const { message } = App.useApp()
  if (!stage.deliverables.length) return <None text="暂无交付成果" />
  return (
    <List
      size="small"
      dataSource={stage.deliverables}
      renderItem={(d) => (
        <List.Item
          actions={
            canDownload
              ? [
                  <Button
                    key="download"
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={async () => {
                      try {
                        const { blob } = await http.download(`/verification-deliverables/${d.id}`)
                        saveBlob(blob, d.fileName)
                      } catch (error) {
                        message.error(errorMessage(error))
                      }
                    }}
                  >
                    下载
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={d.title}
            description={
              <span className="fm-digest">
                {d.fileName} · {(d.sizeBytes / 1024).toFixed(1)} KB · SM3 {d.sm3.slice(0, 16)}…
              </span>
            }
          />
        </List.Item>
      )}
    />
  )
}

function Gates({ stage, changes, canManage }: { stage: Stage; changes: Changes; canManage: boolean }) {
  if (!stage.gates.length) return <None text="尚未评审" />
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {stage.gates.map((g) => (
        <div key={g.id} data-testid="gate">
          <Space wrap size={4}>
            <Tag color={gateColors[g.decision]}>{g.decisionLabel}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              第 {g.round} 轮 · {g.decidedOn} · {g.directorName}（{g.directorRoleLabel}）签署
            </Typography.Text>
          </Space>
          <Typography.Paragraph style={{ margin: '4px 0' }}>{g.reasons}</Typography.Paragraph>
          {g.conditions.map((c) => (
            <div key={c.id} style={{ paddingLeft: 12 }}>
              <Typography.Text>
                条件：{c.text}
                {c.dueDate ? `（${c.dueDate} 前）` : ''}
              </Typography.Text>{' '}
              {c.resolvedOn ? (
                <Tag color="success">已于 {c.resolvedOn} 落实</Tag>
              ) : canManage ? (
                <ResolveConditionAction id={c.id} text={c.text} changes={changes} />
              ) : (
                <Tag color="warning">待落实</Tag>
              )}
            </div>
          ))}
        </div>
      ))}
    </Space>
  )
}

/** One stage of the verification: what was planned, done, spent and decided, and what the center can do next. */
export function StageCard({ stage, detail, changes }: { stage: Stage; detail: VerificationDetail; changes: Changes }) {
  const active = stage.status === 'active'
  const manage = detail.canManage
  const canReopen =
    manage &&
    (stage.status === 'passed' || stage.status === 'conditionallyPassed') &&
    detail.status !== 'running' &&
    detail.status !== 'terminated'
  const planned = stage.status !== 'skipped' && stage.status !== 'notPlanned'
  const percent = stage.budgetFen > 0 ? Math.min(100, Math.round((stage.spentFen / stage.budgetFen) * 100)) : 0
  return (
    <Card
      size="small"
      data-testid={`stage-${stage.stage}`}
      className={active ? 'fm-stage-active' : undefined}
      title={
        <Space wrap size={6}>
          <span>
            {stage.ordinal + 1}. {stage.label}
          </span>
          <Tag color={stageStatusColors[stage.status]} data-testid="stage-status">
            {stage.statusLabel}
          </Tag>
        </Space>
      }
      extra={canReopen ? <ReopenAction stage={stage} changes={changes} /> : null}
    >
      {stage.skipReason ? <Typography.Paragraph>跳过原因：{stage.skipReason}</Typography.Paragraph> : null}
      {planned ? (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label="拨付额度">{formatFen(stage.budgetFen)}</Descriptions.Item>
            <Descriptions.Item label="已支出">
              <Space>
                {formatFen(stage.spentFen)}
                <Progress percent={percent} size="small" style={{ width: 90, margin: 0 }} showInfo={false} />
              </Space>
            </Descriptions.Item>
            {stage.startedAt ? <Descriptions.Item label="开始">{formatDate(stage.startedAt)}</Descriptions.Item> : null}
            {stage.closedAt ? <Descriptions.Item label="结束">{formatDate(stage.closedAt)}</Descriptions.Item> : null}
          </Descriptions>
          {manage && active ? (
            <Space wrap style={{ margin: '4px 0 8px' }} data-testid="stage-actions">
              <MilestoneAction stage={stage} changes={changes} />
              <UploadAction stage={stage} changes={changes} />
              <ExpenseAction stage={stage} changes={changes} />
              <DelegationAction stage={stage} changes={changes} />
              <TrancheAction stage={stage} changes={changes} />
              <GateAction stage={stage} detail={detail} changes={changes} />
            </Space>
          ) : null}
          <Section title="里程碑">
            {stage.milestones.length ? (
              <List
                size="small"
                dataSource={stage.milestones}
                renderItem={(m) => (
                  <List.Item
                    actions={
                      !m.doneDate && manage && active
                        ? [<CompleteMilestoneAction key="done" id={m.id} title={m.title} changes={changes} />]
                        : []
                    }
                  >
                    <Space wrap size={4}>
                      <span>{m.title}</span>
                      {m.doneDate ? (
                        <Tag color="success">{m.doneDate} 完成</Tag>
                      ) : (
                        <Tag color={m.overdue ? 'error' : 'default'} icon={m.overdue ? <WarningOutlined /> : null}>
                          {m.overdue ? '已逾期 · ' : '计划 '}
                          {m.dueDate}
                        </Tag>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <None text="暂无里程碑" />
            )}
          </Section>
          <Section title="交付成果">
            <Deliverables stage={stage} canDownload={detail.canDownload} />
          </Section>
          {stage.expenses.length || stage.delegations.length ? (
            <Section title="支出与代工">
              <List
                size="small"
                dataSource={[
                  ...stage.expenses.map((e) => ({
                    key: e.id,
                    text: `${e.spentOn} ${e.item}${e.payee ? `（${e.payee}）` : ''}`,
                    amount: e.amountFen,
                    tag: null as string | null,
                  })),
                  ...stage.delegations.map((d) => ({
                    key: d.id,
                    text: `${d.performedOn} ${d.work} —— ${d.providerOrgName}${d.instrumentName ? `「${d.instrumentName}」` : ''}`,
                    amount: d.costFen,
                    tag: '代工',
                  })),
                ]}
                renderItem={(row) => (
                  <List.Item extra={formatFen(row.amount)}>
                    <span>
                      {row.tag ? <Tag color="geekblue">{row.tag}</Tag> : null}
                      {row.text}
                    </span>
                  </List.Item>
                )}
              />
            </Section>
          ) : null}
          <Section title="阶段评审">
            <Gates stage={stage} changes={changes} canManage={manage} />
          </Section>
          {stage.reopenings.length ? (
            <Section title="重新开启记录">
              {stage.reopenings.map((r) => (
                <Typography.Paragraph key={r.at} type="warning" style={{ margin: 0 }}>
                  {formatDate(r.at)}：{r.reason}
                </Typography.Paragraph>
              ))}
            </Section>
          ) : null}
        </>
      ) : null}
    </Card>
  )
}
