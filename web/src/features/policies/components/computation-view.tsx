import { ExclamationCircleOutlined } from '@ant-design/icons'
import { Alert, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd'
import { useCompact } from '../../../shared/responsive'
import type { Computation } from '../api/types'
import { computationStatusColors, originLabels } from './labels'

function stepColor(step: string): string | undefined {
  if (step.startsWith('✓')) return '#389e0d'
  if (step.startsWith('✗')) return '#cf1322'
  if (step.startsWith('？') || step.includes('待定')) return '#d46b08'
  return undefined
}

/** 待定 parameters called out: the amount is not invented, a city officer sets it in a new version. */
export function PendingParameters({ items }: { items: Computation['pendingParameters'] }) {
  if (!items.length) return null
  return (
    <Alert
      type="warning"
      showIcon
      icon={<ExclamationCircleOutlined />}
      data-testid="pending-parameters"
      message={`待定参数：${items.map((p) => `“${p.label}”`).join('、')}`}
      description={
        <Space direction="vertical" size={2}>
          {items.map((p) => (
            <span key={p.key}>
              <Tag color="orange" bordered={false}>
                待定
              </Tag>
              {p.label}
              {p.note ? `：${p.note}` : ''}
            </span>
          ))}
          <Typography.Text type="secondary">
            文件未规定的参数由市级科技主管部门设定（形成政策新版本）后方可核定金额。
          </Typography.Text>
        </Space>
      }
    />
  )
}

/**
 * One computation as the engine explains it: amount and status, the one-line arithmetic, every step in Chinese,
 * 待定 parameters and missing data called out, the policy version and the inputs with where each came from.
 */
export function ComputationView({ computation: c, title = '测算结果' }: { computation: Computation; title?: string }) {
  const compact = useCompact()
  return (
    <Card
      title={title}
      size="small"
      data-testid="computation"
      extra={
        <Tag bordered={false} data-testid="policy-version">
          《{c.policyTitle}》第 {c.policyVersion} 版
        </Tag>
      }
    >
      <Space direction="vertical" size={12} style={{ display: 'flex' }}>
        <Descriptions column={compact ? 1 : 3} size="small">
          <Descriptions.Item label="测算状态">
            <Tag color={computationStatusColors[c.status]} data-testid="computation-status">
              {c.statusLabel}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="金额">
            <Typography.Text strong style={{ fontSize: 18, color: '#1456c8' }} data-testid="computation-amount">
              {c.amountText ?? (c.status === 'pending' ? '待定' : '—')}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="年度">
            {c.year} 年{c.supportYear ? `（第 ${c.supportYear} 个支持年度）` : ''}
          </Descriptions.Item>
        </Descriptions>
        {c.summary ? (
          <Alert
            type={c.status === 'computed' ? 'success' : 'info'}
            message={c.summary}
            data-testid="computation-summary"
          />
        ) : null}
        <PendingParameters items={c.pendingParameters} />
        {c.missing.length ? (
          <Alert
            type="info"
            showIcon
            data-testid="computation-missing"
            message="还缺少以下数据"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {c.missing.map((m) => (
                  <li key={m.fact}>
                    {m.label}
                    {m.evidence ? `（证明材料：${m.evidence}）` : ''}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <div>
          <Typography.Text strong>计算过程</Typography.Text>
          <List
            size="small"
            data-testid="computation-steps"
            dataSource={c.steps}
            renderItem={(step, i) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Typography.Text style={{ color: stepColor(step) }}>
                  {i + 1}. {step}
                </Typography.Text>
              </List.Item>
            )}
          />
        </div>
        {c.facts.length ? (
          <div>
            <Typography.Text strong>依据的数据</Typography.Text>
            <Table
              size="small"
              pagination={false}
              rowKey="fact"
              dataSource={c.facts}
              columns={[
                { title: '事项', dataIndex: 'label' },
                { title: '取值', dataIndex: 'value' },
                {
                  title: '来源',
                  dataIndex: 'origin',
                  responsive: ['md'],
                  render: (origin: string, f) => (
                    <Space size={4} wrap>
                      <Tag color={originLabels[origin]?.color} bordered={false}>
                        {originLabels[origin]?.label ?? origin}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {f.source}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]}
            />
          </div>
        ) : null}
        {c.basis ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            测算依据：{c.basis}。测算结果仅供参考，以主管部门核定为准。
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  )
}
