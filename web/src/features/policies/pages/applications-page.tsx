import { Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { Link, useSearchParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { formatFen } from '../../../shared/money'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { roleOf, useCan, useCurrentUser } from '../../../shared/session'
import { useApplications } from '../api/applications'
import { usePolicies } from '../api/policies'
import type { Application, PolicyApplicationStatus } from '../api/types'
import { applicationStatusColors, applicationStatusOptions } from '../components/labels'

const amount = (fen: number | null) => (fen === null ? '待定' : formatFen(fen))

/** 申报办理: an applicant's own applications (and 免申即享 entitlements); officers' review and payment queues. */
export function ApplicationsPage() {
  const compact = useCompact()
  const can = useCan()
  const role = roleOf(useCurrentUser())
  const [params, setParams] = useSearchParams()
  const policies = usePolicies()
  const officer = can('policy.review')
  const queue: PolicyApplicationStatus | undefined = officer
    ? role === 'cityOfficer'
      ? 'districtApproved'
      : 'submitted'
    : undefined
  const tab = params.get('tab') ?? (officer ? 'todo' : 'all')
  const status = (params.get('status') as PolicyApplicationStatus | null) ?? undefined
  const policy = params.get('policy') ?? undefined
  const page = Number(params.get('page') ?? 1)
  const effective = tab === 'todo' ? queue : tab === 'pay' ? 'approved' : status
  const list = useApplications({ status: effective, policy, page, pageSize: 20 })
  const set = (next: Record<string, string | undefined>) => {
    const merged = { ...Object.fromEntries(params), ...next }
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as Record<string, string>, {
      replace: true,
    })
  }
  const columns: ColumnsType<Application> = [
    {
      title: '申请',
      dataIndex: 'policyTitle',
      render: (_, a) => (
        <Space direction="vertical" size={2}>
          <Link to={`/policies/applications/${a.id}`}>{a.policyTitle}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.subjectName} · {a.year} 年度 · 第 {a.policyVersion} 版
          </Typography.Text>
          {compact ? (
            <Space size={4} wrap>
              <Tag color={applicationStatusColors[a.status]}>{a.statusLabel}</Tag>
              <span>{amount(a.approvedFen ?? a.computedFen)}</span>
            </Space>
          ) : null}
        </Space>
      ),
    },
    {
      title: '方式',
      dataIndex: 'modeLabel',
      width: 100,
      responsive: wideOnly,
      render: (label: string, a) => <Tag color={a.mode === 'automatic' ? 'green' : 'default'}>{label}</Tag>,
    },
    {
      title: '测算 / 核定',
      key: 'amount',
      width: 160,
      responsive: wideOnly,
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <span>测算 {amount(a.computedFen)}</span>
          {a.approvedFen !== null ? <Typography.Text strong>核定 {formatFen(a.approvedFen)}</Typography.Text> : null}
          {a.paidFen > 0 ? <Typography.Text type="success">已拨 {formatFen(a.paidFen)}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 120,
      responsive: wideOnly,
      render: (label: string, a) => <Tag color={applicationStatusColors[a.status]}>{label}</Tag>,
    },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, responsive: ['lg'], render: formatDateTime },
  ]
  const filters = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder="全部政策"
        aria-label="按政策筛选"
        style={{ width: 260 }}
        value={policy}
        onChange={(v) => set({ policy: v, page: undefined })}
        options={(policies.data?.items ?? []).map((p) => ({ value: p.code, label: p.title }))}
      />
      {tab === 'all' ? (
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="按状态筛选"
          style={{ width: 160 }}
          value={status}
          onChange={(v) => set({ status: v, page: undefined })}
          options={applicationStatusOptions}
        />
      ) : null}
    </Space>
  )
  const table = (
    <>
      {filters}
      <Table<Application>
        rowKey="id"
        data-testid="applications"
        size={compact ? 'small' : 'middle'}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: tab === 'todo' ? '暂无待办申请' : '暂无申请' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 件`,
          onChange: (p) => set({ page: String(p) }),
        }}
      />
    </>
  )
  const tabs = officer
    ? [
        { key: 'todo', label: role === 'cityOfficer' ? '待市级审核' : '待区县审核', children: table },
        ...(can('policy.pay') ? [{ key: 'pay', label: '待拨付', children: table }] : []),
        { key: 'all', label: '全部申请', children: table },
      ]
    : [{ key: 'all', label: '我的申报（含免申即享）', children: table }]
  return (
    <Page
      title={officer ? '申报审核' : '我的申报'}
      subTitle={compact ? undefined : officer ? '区县审核 → 市级核定 → 拨付' : '申报进度、测算与核定金额、拨付记录'}
    >
      <Card>
        <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key, ...(policy ? { policy } : {}) })} items={tabs} />
      </Card>
    </Page>
  )
}
