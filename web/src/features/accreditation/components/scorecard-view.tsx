import { Alert, Card, Descriptions, Space, Table, Tag, Timeline, Typography } from 'antd'
import type { Evaluation, Scorecard } from '../api/types'
import { bandColors } from './labels'

type Line = Scorecard['lines'][number]

/** 年度绩效评价 scorecard: every line says where its number came from and how it became points. */
export function ScorecardView({ evaluation }: { evaluation: Evaluation }) {
  const card = evaluation.scorecard as Scorecard | null
  return (
    <Card
      size="small"
      data-testid={`evaluation-${evaluation.year}`}
      title={
        <Space wrap>
          <span>{evaluation.year} 年度绩效评价</span>
          {evaluation.band ? (
            <Tag color={bandColors[evaluation.band]} data-testid="evaluation-band">
              {evaluation.bandLabel}
            </Tag>
          ) : (
            <Tag>{evaluation.bandLabel}</Tag>
          )}
          {evaluation.total !== null ? (
            <Typography.Text strong>{evaluation.total.toFixed(2)} 分</Typography.Text>
          ) : null}
        </Space>
      }
      extra={<Typography.Text type="secondary">评价日期 {evaluation.evaluatedOn}</Typography.Text>}
    >
      <Space direction="vertical" size={12} style={{ display: 'flex' }}>
        {evaluation.participation === 'skipped' ? (
          <Alert
            type={evaluation.goodReason ? 'info' : 'error'}
            showIcon
            message={`未参加评价：${evaluation.skipReason ?? ''}`}
            description={evaluation.goodReason ? '经认定属于正当理由' : '无正当理由'}
          />
        ) : null}
        {card ? (
          <>
            <Table<Line>
              size="small"
              pagination={false}
              rowKey="indicator"
              dataSource={card.lines}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '维度', dataIndex: 'dimensionLabel', width: 90 },
                { title: '指标', dataIndex: 'label' },
                { title: '数值', dataIndex: 'valueLabel', width: 120 },
                {
                  title: '来源',
                  dataIndex: 'source',
                  render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text>,
                },
                {
                  title: '得分',
                  width: 110,
                  render: (_, l) => `${(l.pointsCenti / 100).toFixed(2)} / ${l.maxPoints}`,
                },
                {
                  title: '计算',
                  dataIndex: 'because',
                  render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text>,
                },
              ]}
            />
            <Descriptions size="small" column={1} bordered>
              {card.dimensions.map((d) => (
                <Descriptions.Item key={d.key} label={d.label}>
                  {(d.pointsCenti / 100).toFixed(2)} / {d.maxPoints} 分
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="等次">
                {card.bandLabel}：{card.because}
              </Descriptions.Item>
              <Descriptions.Item label="分数线约定">{card.boundaryConvention}</Descriptions.Item>
              <Descriptions.Item label="依据">{card.ruleVersion}</Descriptions.Item>
            </Descriptions>
          </>
        ) : null}
        {evaluation.consequence.length ? (
          <Timeline
            items={evaluation.consequence.map((s) => ({
              children: (
                <>
                  <Typography.Text strong>{s.step}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">{s.because}</Typography.Text>
                  </div>
                </>
              ),
            }))}
          />
        ) : null}
      </Space>
    </Card>
  )
}
