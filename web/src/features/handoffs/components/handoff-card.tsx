import {
  ProFormDatePicker,
  ProFormRadio,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components'
import { Button, Card, Descriptions, List, Space, Tag, Tooltip, Typography } from 'antd'
import dayjs from 'dayjs'
import { Link } from 'react-router-dom'
import { ActionModal, isoDay, today } from '../../../shared/action-modal'
import { formatDateTime } from '../../../shared/format'
import { type Handoff, useHandoffChanges, useProjectStages } from '../api/handoffs'
import { findingStatusColors, handoffStatusColors, severityColors, severityLabels } from './labels'

type Changes = ReturnType<typeof useHandoffChanges>

/** 承接 / 婉拒: a platform answers an offer; declining needs a reason. */
function RespondActions({ handoff, changes }: { handoff: Handoff; changes: Changes }) {
  return (
    <Space wrap>
      <ActionModal<{ reason?: string }>
        title={`承接中试 · ${handoff.projectTitle}`}
        trigger={<Button type="primary">承接</Button>}
        okText="确认承接"
        done="已承接，项目进入中试"
        onSubmit={(v) =>
          changes.respond.mutateAsync({ id: handoff.id, decision: 'accept', reason: v.reason || undefined })
        }
      >
        <ProFormTextArea name="reason" label="承接说明（选填）" fieldProps={{ rows: 2 }} />
      </ActionModal>
      <ActionModal<{ reason: string }>
        title={`婉拒 · ${handoff.projectTitle}`}
        trigger={<Button danger>婉拒</Button>}
        okText="确认婉拒"
        done="已婉拒，原因已告知验证中心"
        onSubmit={(v) => changes.respond.mutateAsync({ id: handoff.id, decision: 'decline', reason: v.reason })}
      >
        <ProFormTextArea
          name="reason"
          label="婉拒原因"
          rules={[{ required: true, message: '婉拒时请说明原因' }]}
          fieldProps={{ rows: 3 }}
        />
      </ActionModal>
    </Space>
  )
}

/** What the platform running the pilot records: nodes, findings sent back, the end of the pilot. */
function PilotActions({ handoff, changes }: { handoff: Handoff; changes: Changes }) {
  const stages = useProjectStages(handoff.projectId)
  const options = (stages.data?.stages ?? [])
    .filter((s) => ['passed', 'conditionallyPassed', 'active'].includes(s.status))
    .map((s) => ({ value: s.id, label: `${s.label}（${s.statusLabel}）` }))
  return (
    <Space wrap data-testid="pilot-actions">
      <ActionModal<{ title: string; dueDate: string; note?: string }>
        title="添加中试节点"
        trigger={<Button>添加中试节点</Button>}
        done="中试节点已添加"
        initialValues={{ dueDate: dayjs().add(30, 'day').format('YYYY-MM-DD') }}
        onSubmit={(v) =>
          changes.addMilestone.mutateAsync({
            id: handoff.id,
            title: v.title,
            dueDate: isoDay(v.dueDate),
            note: v.note || undefined,
          })
        }
      >
        <ProFormText name="title" label="节点名称" rules={[{ required: true, message: '请填写节点名称' }]} />
        <ProFormDatePicker name="dueDate" label="计划完成日期" rules={[{ required: true, message: '请选择日期' }]} />
        <ProFormTextArea name="note" label="说明" fieldProps={{ rows: 2 }} />
      </ActionModal>
      <ActionModal<{ description: string; severity: string; stageId: string }>
        title="反馈问题至验证中心"
        trigger={<Button>反馈问题</Button>}
        okText="发送反馈"
        done="反馈已发送至验证中心"
        initialValues={{ severity: 'minor', stageId: options.at(-1)?.value }}
        onSubmit={(v) => changes.addFinding.mutateAsync({ id: handoff.id, ...v })}
      >
        <Typography.Paragraph type="secondary">
          中试中发现的问题反馈给概念验证中心，由中心决定重新开启相应验证阶段或关闭为已解决。
        </Typography.Paragraph>
        <ProFormSelect
          name="stageId"
          label="涉及的验证阶段"
          options={options}
          rules={[{ required: true, message: '请选择所涉及的验证阶段' }]}
        />
        <ProFormRadio.Group
          name="severity"
          label="严重程度"
          radioType="button"
          options={Object.entries(severityLabels).map(([value, label]) => ({ value, label }))}
        />
        <ProFormTextArea
          name="description"
          label="问题描述"
          rules={[{ required: true, message: '请描述发现的问题' }]}
          fieldProps={{ rows: 3 }}
        />
      </ActionModal>
      {handoff.completionBlockers.length ? (
        // A disabled button shows no tooltip of its own: the span carries it.
        <Tooltip title={handoff.completionBlockers.join('；')}>
          <span>
            <Button type="primary" disabled>
              完成中试
            </Button>
          </span>
        </Tooltip>
      ) : (
        <ActionModal<{ completedOn: string; note: string }>
          title="完成中试"
          trigger={<Button type="primary">完成中试</Button>}
          done="中试已完成"
          initialValues={{ completedOn: today() }}
          onSubmit={(v) =>
            changes.complete.mutateAsync({ id: handoff.id, completedOn: isoDay(v.completedOn), note: v.note })
          }
        >
          <ProFormDatePicker name="completedOn" label="完成日期" rules={[{ required: true, message: '请选择日期' }]} />
          <ProFormTextArea name="note" label="中试结论" rules={[{ required: true, message: '请填写中试结论' }]} />
        </ActionModal>
      )}
    </Space>
  )
}

/** Why 完成中试 is not possible yet, in words (a tooltip alone is out of reach on a phone). */
function CompletionBlockers({ blockers }: { blockers: string[] }) {
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }} data-testid="completion-blockers">
      暂不能完成中试：{blockers.join('；')}
    </Typography.Paragraph>
  )
}

function FindingActions({ id, status, changes }: { id: string; status: string; changes: Changes }) {
  return (
    <Space wrap size={4}>
      {status === 'open' ? (
        <ActionModal<{ note: string }>
          title="重新开启验证"
          trigger={
            <Button size="small" danger>
              重新开启验证
            </Button>
          }
          done="已重新开启相应验证阶段，项目回到验证中"
          onSubmit={(v) => changes.respondToFinding.mutateAsync({ id, action: 'reopen', note: v.note })}
        >
          <ProFormTextArea name="note" label="处理说明" rules={[{ required: true, message: '请填写处理说明' }]} />
        </ActionModal>
      ) : null}
      <ActionModal<{ note: string }>
        title="关闭反馈"
        trigger={
          <Button size="small" type="primary">
            关闭为已解决
          </Button>
        }
        done="反馈已关闭"
        onSubmit={(v) => changes.respondToFinding.mutateAsync({ id, action: 'resolve', note: v.note })}
      >
        <ProFormTextArea name="note" label="处理说明" rules={[{ required: true, message: '请填写处理说明' }]} />
      </ActionModal>
    </Space>
  )
}

/** One hand-off as both sides see it, with what the caller may do next. */
export function HandoffCard({ handoff, showProject = false }: { handoff: Handoff; showProject?: boolean }) {
  const changes = useHandoffChanges()
  const running = handoff.status === 'accepted'
  return (
    <Card
      size="small"
      data-testid="handoff"
      title={
        <Space wrap size={6}>
          <span>{showProject ? handoff.projectTitle : handoff.platformName}</span>
          <Tag color={handoffStatusColors[handoff.status]} data-testid="handoff-status">
            {handoff.statusLabel}
          </Tag>
        </Space>
      }
      extra={
        handoff.canManage && handoff.status === 'offered' ? (
          <ActionModal<{ reason: string }>
            title="撤回推送"
            trigger={<Button size="small">撤回</Button>}
            done="推送已撤回"
            onSubmit={(v) => changes.withdraw.mutateAsync({ id: handoff.id, reason: v.reason })}
          >
            <ProFormTextArea name="reason" label="撤回原因" rules={[{ required: true, message: '请填写撤回原因' }]} />
          </ActionModal>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        {showProject ? (
          <Descriptions.Item label="项目">
            <Link to={`/projects/${handoff.projectId}/verification`}>{handoff.projectTitle}</Link>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="概念验证中心">{handoff.centerOrgName}</Descriptions.Item>
        <Descriptions.Item label="中试平台">
          {handoff.platformName}
          {handoff.platformOrgName !== handoff.platformName ? `（${handoff.platformOrgName}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="推送时间">{formatDateTime(handoff.offeredAt)}</Descriptions.Item>
        {handoff.respondedOn ? <Descriptions.Item label="答复日期">{handoff.respondedOn}</Descriptions.Item> : null}
        <Descriptions.Item label="推送说明" span={2}>
          {handoff.message}
        </Descriptions.Item>
        {handoff.responseReason ? (
          <Descriptions.Item label={handoff.status === 'withdrawn' ? '撤回原因' : '答复说明'} span={2}>
            {handoff.responseReason}
          </Descriptions.Item>
        ) : null}
        {handoff.completionNote ? (
          <Descriptions.Item label="中试结论" span={2}>
            {handoff.completedOn}：{handoff.completionNote}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {handoff.canRespond && handoff.status === 'offered' ? (
        <RespondActions handoff={handoff} changes={changes} />
      ) : null}
      {handoff.canRespond && running ? <PilotActions handoff={handoff} changes={changes} /> : null}
      {handoff.canRespond && running && handoff.completionBlockers.length ? (
        <CompletionBlockers blockers={handoff.completionBlockers} />
      ) : null}
      {handoff.milestones.length ? (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
            中试节点
          </Typography.Text>
          <List
            size="small"
            dataSource={handoff.milestones}
            renderItem={(m) => (
              <List.Item
                data-testid="pilot-milestone"
                actions={
                  handoff.canRespond && running && !m.doneDate
                    ? [
                        <ActionModal<{ doneDate: string; note?: string }>
                          key="done"
                          title={`完成节点 · ${m.title}`}
                          trigger={
                            <Button size="small" type="link">
                              标记完成
                            </Button>
                          }
                          done="节点已完成"
                          initialValues={{ doneDate: today() }}
                          onSubmit={(v) =>
                            changes.completeMilestone.mutateAsync({
                              id: m.id,
                              doneDate: isoDay(v.doneDate),
                              note: v.note || undefined,
                            })
                          }
                        >
                          <ProFormDatePicker name="doneDate" label="完成日期" />
                          <ProFormTextArea name="note" label="完成情况" />
                        </ActionModal>,
                      ]
                    : []
                }
              >
                <Space wrap size={4}>
                  <span>{m.title}</span>
                  {m.doneDate ? (
                    <Tag color="success">{m.doneDate} 完成</Tag>
                  ) : m.dueDate < dayjs().format('YYYY-MM-DD') ? (
                    <Tag color="error">已逾期 · 计划 {m.dueDate}</Tag>
                  ) : (
                    <Tag>计划 {m.dueDate}</Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </>
      ) : null}
      {handoff.findings.length ? (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
            中试反馈
          </Typography.Text>
          <List
            size="small"
            dataSource={handoff.findings}
            renderItem={(f) => (
              <List.Item
                data-testid="finding"
                actions={
                  handoff.canManage && f.status !== 'resolved'
                    ? [<FindingActions key="act" id={f.id} status={f.status} changes={changes} />]
                    : []
                }
              >
                <Space direction="vertical" size={2}>
                  <Space wrap size={4}>
                    <Tag color={severityColors[f.severity]}>{f.severityLabel}</Tag>
                    <Tag>{f.stageLabel}</Tag>
                    <Tag color={findingStatusColors[f.status]} data-testid="finding-status">
                      {f.statusLabel}
                    </Tag>
                  </Space>
                  <span>{f.description}</span>
                  {f.responseNote ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      中心处理：{f.responseNote}
                    </Typography.Text>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  )
}
