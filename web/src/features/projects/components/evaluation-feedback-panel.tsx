import { Alert, Card, Descriptions, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd'
import { errorMessage } from '../../../shared/http'
import { useEvaluationFeedback } from '../api/evaluation-feedback'

/** 评审意见反馈: the decision with its explanation and each reviewer's scores as 评审专家 A/B/C — never a name. */
export function EvaluationFeedbackPanel({ projectId }: { projectId: string }) {
  const feedback = useEvaluationFeedback(projectId, true)
  if (feedback.isPending) return <Skeleton active />
  if (feedback.isError) return <Alert type="warning" showIcon message={errorMessage(feedback.error)} />
  const rounds = feedback.data.rounds
  if (!rounds.length)
    return (
      <Card size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="项目尚未参加入库评价" />
      </Card>
    )
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="evaluation-feedback">
      {rounds.map((r) => (
        <Card key={r.roundTitle} size="small" title={r.roundTitle}>
          {r.decided ? (
            <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
              <Descriptions.Item label="评价结论">
                <Tag color={r.decisionLabel === '入库' ? 'green' : 'red'}>{r.decisionLabel}</Tag>
              </Descriptions.Item>
              {r.score !== null ? <Descriptions.Item label="综合得分">{r.score}</Descriptions.Item> : null}
              {r.explanation ? (
                <Descriptions.Item label="决定说明">
                  <span className="fm-detail-text">{r.explanation}</span>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          ) : (
            <Alert type="info" showIcon message="评价进行中，作出入库决定后反馈评审意见" style={{ marginBottom: 12 }} />
          )}
          {r.reviewers.map((rev) => (
            <Card key={rev.label} type="inner" size="small" title={rev.label} style={{ marginBottom: 8 }}>
              <Table
                size="small"
                pagination={false}
                rowKey="criterion"
                dataSource={rev.scores}
                columns={[
                  { title: '评价指标', dataIndex: 'criterion', width: 130 },
                  { title: '得分', dataIndex: 'score', width: 70, render: (v: number | null) => v ?? '—' },
                  { title: '意见', dataIndex: 'comment', render: (v: string | null) => v ?? '—' },
                ]}
              />
              {rev.overallComment ? (
                <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                  <Typography.Text strong>综合意见：</Typography.Text>
                  {rev.overallComment}
                </Typography.Paragraph>
              ) : null}
            </Card>
          ))}
        </Card>
      ))}
    </Space>
  )
}
