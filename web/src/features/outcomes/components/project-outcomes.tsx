import { Alert, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd'
import { errorMessage } from '../../../shared/http'
import { formatFen } from '../../../shared/money'
import { useCompact } from '../../../shared/responsive'
import { type OutcomeItem, type RecordOutcomeInput, useOutcomes } from '../api/outcomes'
import { outcomeKindColors } from './labels'
import { RecordOutcomeButton } from './record-outcome'

type Kind = RecordOutcomeInput['kind']
const ALL: Kind[] = ['sample', 'product', 'company', 'license', 'transfer', 'equity', 'funding', 'serviceFee']

/**
 * 转化落地 of a project: samples, products, landings, follow-on funding and service revenue, dated; those who
 * may record outcomes record them here (服务收入 only the center in charge).
 */
export function ProjectOutcomes({
  projectId,
  projectArea,
  canRecord,
  isCenter,
}: {
  projectId: string
  projectArea: string
  canRecord: boolean
  isCenter: boolean
}) {
  const query = useOutcomes(projectId)
  const compact = useCompact()
  const data = query.data
  const kinds = isCenter ? ALL : ALL.filter((k) => k !== 'serviceFee')
  return (
    <Card
      size="small"
      title="转化落地"
      data-testid="project-outcomes"
      extra={canRecord ? <RecordOutcomeButton projectId={projectId} projectArea={projectArea} kinds={kinds} /> : null}
    >
      {query.isError ? <Alert type="error" showIcon message={`加载失败：${errorMessage(query.error)}`} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={8}>
          <Statistic
            title="落地状态"
            valueRender={() =>
              data?.landed ? (
                <Tag color="success" style={{ fontSize: 16, padding: '2px 8px' }} data-testid="landed">
                  已落地
                </Tag>
              ) : (
                <Tag style={{ fontSize: 16, padding: '2px 8px' }}>尚未落地</Tag>
              )
            }
          />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title="后续融资" value={formatFen(data?.fundingFen ?? 0)} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title="服务收入" value={formatFen(data?.serviceRevenueFen ?? 0)} />
        </Col>
      </Row>
      <Table<OutcomeItem>
        size="small"
        rowKey="id"
        loading={query.isPending}
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '尚未登记转化成果' }}
        columns={[
          { title: '日期', dataIndex: 'occurredOn', width: 110 },
          {
            title: '类型',
            dataIndex: 'kindLabel',
            width: 130,
            render: (label: string, o) => <Tag color={outcomeKindColors[o.kind]}>{label}</Tag>,
          },
          {
            title: '内容',
            dataIndex: 'summary',
            render: (summary: string, o) => (
              <Space direction="vertical" size={0}>
                <span>{summary}</span>
                {o.details.note ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {String(o.details.note)}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          ...(compact
            ? []
            : [
                {
                  title: '金额',
                  dataIndex: 'amountFen',
                  width: 140,
                  align: 'right' as const,
                  render: (fen: number | null) => (fen === null ? '—' : formatFen(fen)),
                },
              ]),
        ]}
      />
    </Card>
  )
}
