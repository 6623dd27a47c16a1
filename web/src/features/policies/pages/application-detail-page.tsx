import { Card, Col, Collapse, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd'
import { Link, useParams } from 'react-router-dom'
import { formatBytes } from '../../../shared/file-digest'
import { formatDateTime } from '../../../shared/format'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { BackLink, RecordState } from '../../../shared/registry/detail-parts'
import { useCompact } from '../../../shared/responsive'
import { roleLabels } from '../../../shared/server-rules'
import { useApplication } from '../api/applications'
import type { ApplicationDetail } from '../api/types'
import { ComputationView } from '../components/computation-view'
import { PayButton, ReviewButton, WithdrawButton } from '../components/decision-forms'
import { applicationStatusColors } from '../components/labels'

function Figures({ a }: { a: ApplicationDetail }) {
  const compact = useCompact()
  return (
    <Row gutter={[12, 12]}>
      <Col xs={8}>
        <Statistic
          title="测算金额"
          value={a.computedFen === null ? '待定' : formatFen(a.computedFen)}
          valueStyle={{ fontSize: compact ? 16 : 22 }}
        />
      </Col>
      <Col xs={8}>
        <Statistic
          title="核定金额"
          value={a.approvedFen === null ? '—' : formatFen(a.approvedFen)}
          valueStyle={{ fontSize: compact ? 16 : 22, color: '#1456c8' }}
        />
      </Col>
      <Col xs={8}>
        <Statistic
          title="已拨付"
          value={formatFen(a.paidFen)}
          valueStyle={{ fontSize: compact ? 16 : 22, color: a.paidFen ? '#389e0d' : undefined }}
        />
      </Col>
    </Row>
  )
}

function Declared({ a }: { a: ApplicationDetail }) {
  const labels = new Map(a.computation.facts.map((f) => [f.fact, f]))
  const declared = Object.keys(a.declared)
  return (
    <Space direction="vertical" size={12} style={{ display: 'flex' }}>
      {declared.length ? (
        <Descriptions size="small" column={1} bordered>
          {declared.map((key) => (
            <Descriptions.Item key={key} label={labels.get(key as never)?.label ?? key}>
              {labels.get(key as never)?.value ?? String(a.declared[key])}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
      {a.costItems.length ? (
        <Table
          size="small"
          pagination={false}
          rowKey="reference"
          dataSource={a.costItems}
          columns={[
            { title: '发票号 / 合同号', dataIndex: 'reference' },
            { title: '费用说明', dataIndex: 'description', responsive: ['md'] },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
          ]}
        />
      ) : null}
      {a.evidence.length ? (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          data-testid="evidence"
          dataSource={a.evidence}
          columns={[
            { title: '材料', dataIndex: 'fileName' },
            { title: '大小', dataIndex: 'sizeBytes', width: 90, render: formatBytes, responsive: ['md'] },
            {
              title: 'SHA-256',
              dataIndex: 'digest',
              render: (d: string) => (
                <Typography.Text code copyable={{ text: d }} style={{ fontSize: 12 }}>
                  {d.slice(0, 16)}…
                </Typography.Text>
              ),
            },
          ]}
        />
      ) : null}
      {a.note ? <Typography.Paragraph>说明：{a.note}</Typography.Paragraph> : null}
      {!declared.length && !a.costItems.length && !a.evidence.length ? (
        <Empty description={a.mode === 'automatic' ? '免申即享：依平台数据办理，无申报材料' : '无申报材料'} />
      ) : null}
    </Space>
  )
}

function History({ a }: { a: ApplicationDetail }) {
  return (
    <Timeline
      data-testid="application-events"
      items={a.events.map((e) => ({
        color: e.toStatus === 'rejected' ? 'red' : e.toStatus === 'returned' ? 'orange' : 'blue',
        children: (
          <Space direction="vertical" size={2} style={{ display: 'flex' }}>
            <span>
              <Tag color={applicationStatusColors[e.toStatus as keyof typeof applicationStatusColors]}>
                {e.toStatusLabel}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.createdAt)}
                {e.actorRole ? ` · ${roleLabels[e.actorRole as keyof typeof roleLabels] ?? '系统'}` : ''}
                {e.policyVersion ? ` · 政策第 ${e.policyVersion} 版` : ''}
              </Typography.Text>
            </span>
            {e.amountFen !== null ? <span>金额：{formatFen(e.amountFen)}</span> : null}
            {e.note ? <span>{e.action === 'pay' ? e.note : `意见：${e.note}`}</span> : null}
            {e.explanation.length ? (
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'steps',
                    label: '当时的计算过程',
                    children: (
                      <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                        {e.explanation.map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ol>
                    ),
                  },
                ]}
              />
            ) : null}
          </Space>
        ),
      }))}
    />
  )
}

function Ledger({ a }: { a: ApplicationDetail }) {
  if (!a.ledger.length) return <Empty description="核定后记入台账" image={Empty.PRESENTED_IMAGE_SIMPLE} />
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(l) => `${l.kind}:${l.createdAt}:${l.financeLevel}`}
      data-testid="application-ledger"
      dataSource={a.ledger}
      columns={[
        {
          title: '类型',
          dataIndex: 'kind',
          render: (k: string) =>
            k === 'commitment' ? <Tag color="gold">核定承诺</Tag> : <Tag color="success">拨付</Tag>,
        },
        { title: '财政级次', dataIndex: 'financeLevelLabel' },
        {
          title: '金额',
          dataIndex: 'amountFen',
          align: 'right',
          render: (fen: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(fen)}</span>,
        },
        {
          title: '拨付日期 / 凭证',
          key: 'ref',
          responsive: ['md'],
          render: (_, l) => (l.paidOn ? `${l.paidOn} · ${l.reference}` : '—'),
        },
      ]}
    />
  )
}

/** 申请详情: amounts with the engine's explanation, materials, the decisions so far, the ledger, and what may be done next. */
export function ApplicationDetailPage() {
  const { id = '' } = useParams()
  const query = useApplication(id)
  const a = query.data
  if (!a)
    return (
      <Page title="申请详情">
        <RecordState isPending={query.isPending} error={query.error} what="申请" backTo="/policies/applications" />
      </Page>
    )
  // The server says what this person may do next, by the same rules it applies to the decisions.
  const actions = [
    a.can.reviewDistrict ? <ReviewButton key="d" application={a} stage="district" /> : null,
    a.can.reviewCity ? <ReviewButton key="c" application={a} stage="city" /> : null,
    a.can.pay ? <PayButton key="p" application={a} /> : null,
    a.can.withdraw ? <WithdrawButton key="w" application={a} /> : null,
  ].filter(Boolean)
  return (
    <Page
      title={a.policyTitle}
      content={
        <Space direction="vertical" size={6}>
          <BackLink to="/policies/applications" label="返回申请列表" />
          <Space size={[4, 4]} wrap>
            <Tag color={applicationStatusColors[a.status]} data-testid="application-status">
              {a.statusLabel}
            </Tag>
            <Tag color={a.mode === 'automatic' ? 'green' : 'default'}>{a.modeLabel}</Tag>
            <Tag bordered={false}>{a.subjectName}</Tag>
            <Tag bordered={false}>{a.year} 年度</Tag>
            <Link to={`/policies/${a.policyCode}`}>查看政策</Link>
          </Space>
        </Space>
      }
      extra={actions}
    >
      <Row gutter={[16, 16]} data-testid="application-detail">
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            <Card size="small">
              <Figures a={a} />
            </Card>
            <ComputationView computation={a.computation} title="测算与核定依据" />
            <Card size="small" title="申报材料">
              <Declared a={a} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            <Card size="small" title="办理过程">
              <History a={a} />
            </Card>
            <Card size="small" title="资金台账">
              <Ledger a={a} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Page>
  )
}
