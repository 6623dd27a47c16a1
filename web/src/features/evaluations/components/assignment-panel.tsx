import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { useCompact, wrappingCardTitle } from '../../../shared/responsive'
import { useRemovePairRule, useRunAssignment } from '../api/assignment'
import { useUpdateRoundProject } from '../api/rounds'
import type { Assignment, RoundDetail, RoundItem, Run } from '../api/types'
import { assignmentStatusColors, sourceLabels } from './labels'
import { PairRuleButton } from './pair-rule-modal'

/** 评审分配: run the optimal conflict-free assignment, see seats, shortfalls and exclusions, pin or forbid and rerun. */
export function AssignmentPanel({ round }: { round: RoundDetail }) {
  const { message } = App.useApp()
  const run = useRunAssignment()
  const open = round.status === 'open'
  const hasRun = !!round.lastRun
  const start = async () => {
    try {
      const view = await run.mutateAsync(round.id)
      const r = view.run
      message.success(r ? `分配完成：${r.objective.reviews}/${r.objective.seats} 个评审席位已安排` : '分配完成')
    } catch (error) {
      message.error(errorMessage(error))
    }
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title="专家分配"
        extra={
          open ? (
            hasRun ? (
              <Popconfirm
                title="重新分配？"
                description="已固定和已确认、已接受、已评分的专家保持不变，其余席位重新优化。"
                okText="重新分配"
                cancelText="取消"
                onConfirm={() => void start()}
              >
                <Button type="primary" loading={run.isPending}>
                  重新分配
                </Button>
              </Popconfirm>
            ) : (
              <Button type="primary" loading={run.isPending} onClick={() => void start()}>
                运行分配
              </Button>
            )
          ) : null
        }
      >
        {round.lastRun ? (
          <RunSummary run={round.lastRun} />
        ) : (
          <Typography.Text type="secondary">
            尚未分配。运行后系统从专家库匹配候选专家，排除有利益冲突者，在评审上限和专家智库覆盖要求下求解总匹配度最优的分配。
          </Typography.Text>
        )}
      </Card>
      {round.items.map((item) => (
        <ProjectSeats key={item.projectId} round={round} item={item} />
      ))}
      {round.lastRun ? <Exclusions run={round.lastRun} /> : null}
    </Space>
  )
}

function RunSummary({ run }: { run: Run }) {
  const compact = useCompact()
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="run-summary">
      <Descriptions size="small" column={compact ? 1 : 3}>
        <Descriptions.Item label="最近一次">
          {formatDateTime(run.at)} · {run.triggerLabel}
          {run.actorName ? `（${run.actorName}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="已安排席位">
          {run.objective.reviews} / {run.objective.seats}
        </Descriptions.Item>
        <Descriptions.Item label="总匹配度">{run.objective.totalAffinity.toFixed(2)}</Descriptions.Item>
        <Descriptions.Item label="最优性">
          {run.certified ? <Tag color="green">已验证为最优解</Tag> : <Tag color="orange">未验证</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="本次变化">
          新邀请 {run.changes.invited} · 保留 {run.changes.kept} · 撤回 {run.changes.withdrawn}
        </Descriptions.Item>
        <Descriptions.Item label="用时">{run.ms} 毫秒</Descriptions.Item>
      </Descriptions>
      {run.notes.map((n) => (
        <Alert key={n} type="info" showIcon message={n} />
      ))}
      {run.shortProjects.map((s) => (
        <Alert
          key={s.projectId}
          type="warning"
          showIcon
          data-testid="short-project"
          message={`“${s.projectTitle}”专家不足：需要 ${s.needed} 人，已安排 ${s.assigned} 人${s.missingTankLabels.length ? `，缺少${s.missingTankLabels.join('、')}专家` : ''}`}
          description={s.reasons.map((r) => r.message).join('；') || undefined}
        />
      ))}
      {run.rejectedFixed.map((r) => (
        <Alert
          key={`${r.projectId}-${r.expertId}`}
          type="error"
          showIcon
          message={`未能保留 ${r.expertName}：${r.message}`}
        />
      ))}
    </Space>
  )
}

function ProjectSeats({ round, item }: { round: RoundDetail; item: RoundItem }) {
  const { message } = App.useApp()
  const compact = useCompact()
  const update = useUpdateRoundProject()
  const remove = useRemovePairRule()
  const rules = round.pairRules.filter((r) => r.projectId === item.projectId)
  const editable = round.status === 'open' && !item.decision
  return (
    <Card
      size="small"
      data-testid="round-project"
      styles={wrappingCardTitle}
      title={item.title}
      extra={editable ? <PairRuleButton roundId={round.id} item={item} /> : null}
    >
      <Space wrap size={[16, 8]} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{item.applicantOrgName}</Typography.Text>
        <span>
          需要智库：
          {item.tankLabels.map((t) => (
            <Tag key={t} bordered={false} color="geekblue">
              {t}
            </Tag>
          ))}
        </span>
        <Space size={4}>
          评审人数
          <InputNumber
            size="small"
            min={Math.max(1, item.tanks.length)}
            max={9}
            precision={0}
            value={item.reviewers}
            disabled={!editable || update.isPending}
            aria-label={`${item.title} 评审人数`}
            onChange={async (value) => {
              if (!value || value === item.reviewers) return
              try {
                await update.mutateAsync({ id: round.id, projectId: item.projectId, reviewers: value })
                message.success('已调整，重新分配后生效')
              } catch (error) {
                message.error(errorMessage(error))
              }
            }}
            style={{ width: 64 }}
          />
        </Space>
        {item.decisionLabel ? (
          <Tag color={item.decision === 'admitted' ? 'green' : 'red'}>{item.decisionLabel}</Tag>
        ) : null}
      </Space>
      {rules.length ? (
        <div style={{ marginBottom: 8 }}>
          {rules.map((r) => (
            <Tag
              key={r.expertId}
              color={r.kind === 'pin' ? 'blue' : 'red'}
              closable={editable}
              onClose={async (e) => {
                e.preventDefault()
                try {
                  await remove.mutateAsync({ id: round.id, projectId: r.projectId, expertId: r.expertId })
                } catch (error) {
                  message.error(errorMessage(error))
                }
              }}
            >
              {r.kind === 'pin' ? '固定' : '禁止'}：{r.expertName}
              {r.note ? `（${r.note}）` : ''}
            </Tag>
          ))}
        </div>
      ) : null}
      {item.assignments.length ? (
        <Table<Assignment>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={item.assignments}
          columns={[
            {
              title: '专家',
              dataIndex: 'expertName',
              width: compact ? undefined : 110,
              render: (_, a) =>
                compact ? (
                  <Space direction="vertical" size={0}>
                    <Typography.Text>{a.expertName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.roleLabel} · {sourceLabels[a.source] ?? a.source} · {a.affinity.toFixed(2)}
                    </Typography.Text>
                  </Space>
                ) : (
                  a.expertName
                ),
            },
            { title: '角色', dataIndex: 'roleLabel', width: 90, responsive: ['md'] },
            {
              title: '来源',
              dataIndex: 'source',
              width: 100,
              responsive: ['md'],
              render: (v: string) => sourceLabels[v] ?? v,
            },
            {
              title: '匹配度',
              dataIndex: 'affinity',
              width: 70,
              responsive: ['md'],
              render: (v: number) => v.toFixed(2),
            },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (_, a) => (
                <Space direction="vertical" size={0}>
                  <Tag color={assignmentStatusColors[a.status]}>{a.statusLabel}</Tag>
                  {a.note ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.note}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未安排评审专家" />
      )}
    </Card>
  )
}

function Exclusions({ run }: { run: Run }) {
  const compact = useCompact()
  return (
    <Card size="small" title={`回避与排除（${run.exclusions.length}）`}>
      {run.exclusions.length ? (
        <Table
          size="small"
          rowKey={(x) => `${x.projectId}-${x.expertId}`}
          dataSource={run.exclusions}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
          data-testid="exclusions"
          columns={[
            {
              title: compact ? '项目 / 专家' : '项目',
              dataIndex: 'projectTitle',
              width: compact ? 130 : 200,
              render: (_, x) =>
                compact ? (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{x.expertName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {x.projectTitle}
                    </Typography.Text>
                  </Space>
                ) : (
                  x.projectTitle
                ),
            },
            { title: '专家', dataIndex: 'expertName', width: 100, responsive: ['md'] },
            {
              title: '原因',
              render: (_, x) => (
                <Space direction="vertical" size={2}>
                  {x.forbidden ? <Tag color="red">组织者禁止{x.note ? `：${x.note}` : ''}</Tag> : null}
                  {x.reasons.map((r) => (
                    <Typography.Text key={r.detail} style={{ fontSize: 12 }}>
                      {r.detail}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">本次分配没有排除的专家</Typography.Text>
      )}
    </Card>
  )
}
