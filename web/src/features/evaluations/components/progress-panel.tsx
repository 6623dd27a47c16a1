import { Card, Col, Progress, Row, Statistic, Table, Tag, Typography } from 'antd'
import { formatDateTime } from '../../../shared/format'
import type { RoundDetail } from '../api/types'
import { assignmentStatusColors } from './labels'

/** 评审进度: where every seat stands — to confirm, accepted, submitted, declined, conflicts — per project. */
export function ProgressPanel({ round }: { round: RoundDetail }) {
  const p = round.progress
  const percent = p.seats ? Math.round((100 * p.submitted) / p.seats) : 0
  return (
    <Card size="small" title="评审进度" data-testid="progress">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={6}>
          <Progress type="dashboard" percent={percent} format={() => `${p.submitted}/${p.seats}`} size={110} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="待确认回避" value={p.invited} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="已确认 / 已接受" value={p.confirmed + p.accepted} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="已提交评分" value={p.submitted} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="谢绝 / 回避" value={p.declined + p.conflicts} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        评审截止 {round.deadline}，截止前 {round.reminderWorkdays}{' '}
        个工作日提醒未完成的专家；专家谢绝或申报回避后系统自动补选。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="projectId"
        pagination={false}
        dataSource={round.items}
        columns={[
          { title: '项目', dataIndex: 'title', width: '35%' },
          {
            title: '评审专家',
            render: (_, item) =>
              item.assignments.length
                ? item.assignments.map((a) => (
                    <Tag key={a.id} color={assignmentStatusColors[a.status]} style={{ marginBottom: 4 }}>
                      {a.expertName} · {a.statusLabel}
                      {a.submittedAt ? ` · ${formatDateTime(a.submittedAt).slice(5, 16)}` : ''}
                    </Tag>
                  ))
                : '—',
          },
          {
            title: '完成',
            width: 80,
            render: (_, item) => `${item.assignments.filter((a) => a.status === 'submitted').length}/${item.reviewers}`,
          },
        ]}
      />
    </Card>
  )
}
