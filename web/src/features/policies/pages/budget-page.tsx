import { Card, InputNumber, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { useBudget, useLedger } from '../api/budget'
import { usePolicies } from '../api/policies'
import type { BudgetView, LedgerRow } from '../api/types'
import { thisYear } from '../components/labels'

type BudgetItem = BudgetView['items'][number]

function ByLevel({ rows }: { rows: { label: string; committedFen: number; paidFen: number }[] }) {
  const shown = rows.filter((r) => r.committedFen || r.paidFen)
  if (!shown.length) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space direction="vertical" size={0}>
      {shown.map((r) => (
        <span key={r.label} style={{ fontSize: 12 }}>
          {r.label}：核定 {formatFen(r.committedFen)} · 已拨 {formatFen(r.paidFen)}
        </span>
      ))}
    </Space>
  )
}

function BudgetAmount({ b }: { b: BudgetItem }) {
  return b.budgetFen === null ? <Tag color="orange">待定</Tag> : <span>{b.budgetText}</span>
}

function BudgetUse({ b }: { b: BudgetItem }) {
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <span>
        核定 {formatFen(b.committedFen)} · 拨付 {formatFen(b.paidFen)}
      </span>
      {b.budgetFen ? (
        <Progress percent={Math.min(100, Math.round((b.committedFen / b.budgetFen) * 100))} size="small" />
      ) : null}
    </Space>
  )
}

function BudgetTable({ year }: { year: number }) {
  const budget = useBudget(year)
  const compact = useCompact()
  // On a phone one summary column carries budget and use: three fixed-width columns left the policy one character wide.
  const columns: ColumnsType<BudgetItem> = [
    {
      title: '政策',
      dataIndex: 'policyTitle',
      render: (title: string, b) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Typography.Text strong>{title}</Typography.Text>
          <Space size={4} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {b.jurisdictionName} · 申请 {b.applications} 件
            </Typography.Text>
            {/* 区县级财政全额承担, or 市级 30% · 区县级 70%: the server words the shares, never as bare numbers. */}
            <Tag bordered={false} color={b.split === '待定' ? 'orange' : undefined} data-testid="budget-split">
              {b.split === '待定' ? '资金分担比例待定' : b.split}
            </Tag>
          </Space>
          {compact ? (
            <>
              <span>
                年度预算 <BudgetAmount b={b} />
              </span>
              <BudgetUse b={b} />
            </>
          ) : null}
        </Space>
      ),
    },
    {
      title: '年度预算',
      key: 'budget',
      width: 170,
      responsive: wideOnly,
      render: (_, b) => <BudgetAmount b={b} />,
    },
    {
      title: '已核定 / 已拨付',
      key: 'used',
      width: 220,
      responsive: wideOnly,
      render: (_, b) => <BudgetUse b={b} />,
    },
    {
      title: '余额',
      dataIndex: 'remainingFen',
      width: 120,
      responsive: wideOnly,
      render: (fen: number | null) => (fen === null ? '—' : formatFen(fen)),
    },
    { title: '按财政级次', key: 'levels', responsive: wideOnly, render: (_, b) => <ByLevel rows={b.byLevel} /> },
  ]
  return (
    <Table<BudgetItem>
      rowKey="policyCode"
      size="small"
      data-testid="budget"
      loading={budget.isPending}
      dataSource={budget.data?.items ?? []}
      columns={columns}
      pagination={false}
    />
  )
}

function LedgerYear({ r }: { r: LedgerRow }) {
  return (
    <Space direction="vertical" size={0}>
      <span>核定 {formatFen(r.committedFen)}</span>
      <span>已拨 {formatFen(r.paidFen)}</span>
      {r.outstandingFen > 0 ? (
        <Typography.Text type="warning">待拨 {formatFen(r.outstandingFen)}</Typography.Text>
      ) : null}
    </Space>
  )
}

function LedgerTable({ year }: { year: number }) {
  const [policy, setPolicy] = useState<string>()
  const [page, setPage] = useState(1)
  const policies = usePolicies()
  const ledger = useLedger({ year, policy, page, pageSize: 20 })
  const compact = useCompact()
  const columns: ColumnsType<LedgerRow> = [
    {
      title: '主体 / 政策',
      key: 'who',
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{r.subjectName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.policyTitle} · {r.year} 年度
          </Typography.Text>
          {compact ? <LedgerYear r={r} /> : null}
        </Space>
      ),
    },
    { title: '本年度', key: 'year', width: 200, responsive: wideOnly, render: (_, r) => <LedgerYear r={r} /> },
    { title: '按财政级次', key: 'levels', responsive: wideOnly, render: (_, r) => <ByLevel rows={r.byLevel} /> },
    {
      title: '累计与上限',
      key: 'caps',
      responsive: wideOnly,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>
            累计核定 {formatFen(r.totalCommittedFen)}（{r.supportYears.join('、')} 年度）
          </span>
          {r.caps.map((c) => (
            <Typography.Text key={c} type="secondary" style={{ fontSize: 12 }}>
              {c}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
  ]
  return (
    <Space direction="vertical" style={{ display: 'flex' }}>
      <Select
        allowClear
        placeholder="全部政策"
        aria-label="台账政策"
        style={{ width: 280, maxWidth: '100%' }}
        value={policy}
        onChange={(v) => {
          setPolicy(v)
          setPage(1)
        }}
        options={(policies.data?.items ?? []).map((p) => ({ value: p.code, label: p.title }))}
      />
      <Table<LedgerRow>
        rowKey={(r) => `${r.subjectId}:${r.policyCode}:${r.year}`}
        size="small"
        data-testid="ledger"
        loading={ledger.isPending}
        dataSource={ledger.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: '本年度暂无核定记录' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: ledger.data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 条`,
        }}
      />
    </Space>
  )
}

/** 预算与台账: each policy's budget against commitments and payments (city / district), and the ledger per entity. */
export function BudgetPage() {
  const compact = useCompact()
  const [year, setYear] = useState(thisYear())
  return (
    <Page
      title="预算与台账"
      subTitle={compact ? undefined : '按财政级次（市级 / 区县级）统计核定与拨付'}
      extra={[
        <InputNumber
          key="year"
          aria-label="统计年度"
          value={year}
          min={2000}
          max={2100}
          suffix="年度"
          onChange={(v) => setYear(v ?? thisYear())}
        />,
      ]}
    >
      <Card>
        <Tabs
          items={[
            { key: 'budget', label: '政策预算', children: <BudgetTable year={year} /> },
            { key: 'ledger', label: '主体台账', children: <LedgerTable year={year} /> },
          ]}
        />
      </Card>
    </Page>
  )
}
