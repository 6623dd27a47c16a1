import { WarningOutlined } from '@ant-design/icons'
import { Alert, Card, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { errorMessage } from '../../../shared/http'
import { useCompact } from '../../../shared/responsive'
import { useResults } from '../api/results'
import type { ResultItem, RoundDetail } from '../api/types'
import { DecisionButton } from './decision-modal'

type Review = ResultItem['reviews'][number]

/** 结果排名: normalized means (per-reviewer normalization), criterion means, outlier flags, and the decisions. */
export function ResultsPanel({ round }: { round: RoundDetail }) {
  const compact = useCompact()
  const results = useResults(round.id)
  if (results.isPending) return <Skeleton active />
  if (results.isError) return <Alert type="error" showIcon message={errorMessage(results.error)} />
  const r = results.data
  const decisions = new Map(round.items.map((i) => [i.projectId, i]))
  return (
    <Card
      size="small"
      title="评审结果排名"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.admissionThreshold !== null ? `入库分数线 ${r.admissionThreshold} 分 · ` : ''}偏离超过 {r.outlierThreshold}{' '}
          分标记为异常
        </Typography.Text>
      }
    >
      <Table<ResultItem>
        size="small"
        rowKey="projectId"
        data-testid="results"
        pagination={false}
        dataSource={r.items}
        scroll={{ x: compact ? 640 : 1000 }}
        expandable={{
          rowExpandable: (item) => item.reviews.length > 0,
          expandedRowRender: (item) => <Reviews reviews={item.reviews} />,
        }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' },
          {
            title: '项目',
            dataIndex: 'title',
            width: compact ? 180 : 240,
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{item.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  已评 {item.submitted} · 待评 {item.pending}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '标准化得分',
            dataIndex: 'normalizedMean',
            width: 100,
            render: (v: number | null) => (v === null ? '—' : <Typography.Text strong>{v.toFixed(2)}</Typography.Text>),
          },
          {
            title: '原始均分',
            dataIndex: 'rawMean',
            width: 90,
            responsive: ['md'],
            render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
          },
          ...r.criteria.map((c) => ({
            title: `${c.name}（${c.weight}%）`,
            key: c.key,
            width: 96,
            responsive: ['lg' as const],
            render: (_: unknown, item: ResultItem) => item.criterionMeans[c.key]?.toFixed(1) ?? '—',
          })),
          {
            title: '异常评分',
            dataIndex: 'outliers',
            width: 90,
            render: (v: number) =>
              v ? (
                <Tag color="orange" icon={<WarningOutlined />}>
                  {v} 份
                </Tag>
              ) : (
                '—'
              ),
          },
          {
            title: '决定',
            width: 110,
            fixed: compact ? undefined : 'right',
            render: (_, item) => {
              const decided = decisions.get(item.projectId)
              if (item.decision)
                return (
                  <Tooltip title={decided?.decisionExplanation}>
                    <Tag color={item.decision === 'admitted' ? 'green' : 'red'} data-testid="decision">
                      {item.decision === 'admitted' ? '入库' : '不予入库'}
                    </Tag>
                  </Tooltip>
                )
              return round.status === 'open' ? (
                <DecisionButton roundId={round.id} item={item} threshold={r.admissionThreshold} />
              ) : (
                '—'
              )
            },
          },
        ]}
      />
      {round.items.some((i) => i.decisionExplanation) ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          {round.items
            .filter((i) => i.decisionExplanation)
            .map((i) => (
              <Alert
                key={i.projectId}
                type={i.decision === 'admitted' ? 'success' : 'warning'}
                message={`${i.title}：${i.decisionLabel}`}
                description={<span className="fm-detail-text">{i.decisionExplanation}</span>}
              />
            ))}
        </Space>
      ) : null}
    </Card>
  )
}

function Reviews({ reviews }: { reviews: Review[] }) {
  return (
    <Table<Review>
      size="small"
      rowKey="assignmentId"
      pagination={false}
      dataSource={reviews}
      columns={[
        { title: '专家', dataIndex: 'expertName', width: 100 },
        { title: '原始分', dataIndex: 'raw', width: 80, render: (v: number) => v.toFixed(1) },
        { title: '标准化分', dataIndex: 'normalized', width: 90, render: (v: number) => v.toFixed(1) },
        {
          title: '说明',
          dataIndex: 'why',
          render: (_, rev) => (
            <Space direction="vertical" size={0}>
              <Typography.Text style={{ fontSize: 12 }}>{rev.why}</Typography.Text>
              {rev.outlier ? (
                <Tag color="orange" icon={<WarningOutlined />} style={{ whiteSpace: 'normal' }}>
                  {rev.outlierWhy ?? '异常评分'}
                </Tag>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  )
}
