import { NotificationOutlined, SearchOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { useCurrentUser } from '../../../shared/session'
import { usePolicies } from '../api/policies'
import { useCandidates, usePush } from '../api/push'
import type { Candidate } from '../api/types'
import { candidateStatusColors, thisYear } from '../components/labels'

function Reasons({ c }: { c: Candidate }) {
  return (
    <Space direction="vertical" size={2} style={{ display: 'flex' }}>
      {c.missing.map((m) => (
        <Typography.Text key={m} type="warning">
          缺：{m}
        </Typography.Text>
      ))}
      {c.reasons.map((r) => (
        <Typography.Text
          key={r}
          type={r.startsWith('✗') ? 'danger' : r.startsWith('✓') ? 'success' : undefined}
          style={{ fontSize: 12 }}
        >
          {r}
        </Typography.Text>
      ))}
    </Space>
  )
}

/**
 * 政策精准推送: for a policy and a year, every entity of the officer's area assessed on platform data — eligible,
 * nearly eligible (what is missing) or not — then a push to the first two into their platform inbox.
 */
export function PushPage() {
  const { message } = App.useApp()
  const compact = useCompact()
  const user = useCurrentUser()
  const [params, setParams] = useSearchParams()
  const [year, setYear] = useState(thisYear())
  const [run, setRun] = useState(false)
  const policies = usePolicies(user.jurisdictionCode)
  const code = params.get('policy') ?? undefined
  const candidates = useCandidates(code, year, run)
  const push = usePush(code ?? '')
  const items = candidates.data?.items ?? []
  const reachable = items.filter((c) => c.status !== 'ineligible')
  const columns: ColumnsType<Candidate> = [
    {
      title: '主体',
      dataIndex: 'subjectName',
      width: compact ? undefined : 240,
      render: (name: string, c) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{name}</Typography.Text>
          <Space size={4} wrap>
            <Tag color={candidateStatusColors[c.status]}>{c.statusLabel}</Tag>
            {c.notified ? <Tag color="blue">已推送</Tag> : null}
            {c.amountText ? <Tag bordered={false}>预计 {c.amountText}</Tag> : null}
          </Space>
          {compact ? <Reasons c={c} /> : null}
        </Space>
      ),
    },
    { title: '理由与欠缺', key: 'reasons', responsive: wideOnly, render: (_, c) => <Reasons c={c} /> },
  ]
  return (
    <Page title="精准推送" subTitle={compact ? undefined : '依平台数据找出符合或接近符合条件的主体，说明理由和欠缺'}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            aria-label="推送政策"
            data-testid="push-policy"
            placeholder="选择政策"
            style={{ width: compact ? 300 : 360 }}
            value={code}
            onChange={(v) => {
              setRun(false)
              setParams({ policy: v }, { replace: true })
            }}
            options={(policies.data?.items ?? [])
              .filter((p) => p.kind !== 'voucher')
              .map((p) => ({ value: p.code, label: `${p.title}（${p.jurisdictionName}）` }))}
          />
          <InputNumber
            aria-label="年度"
            value={year}
            min={2000}
            max={2100}
            suffix="年度"
            onChange={(v) => {
              setRun(false)
              setYear(v ?? thisYear())
            }}
          />
          <Button
            icon={<SearchOutlined />}
            disabled={!code}
            onClick={() => setRun(true)}
            loading={candidates.isFetching}
          >
            查找符合条件的主体
          </Button>
          <Button
            type="primary"
            icon={<NotificationOutlined />}
            disabled={!code || !candidates.data || reachable.length === 0}
            loading={push.isPending}
            onClick={() =>
              push.mutate(year, {
                onSuccess: (list) =>
                  message.success(`已推送 ${list.items.filter((c) => c.notified).length} 个主体（同一版本不重复推送）`),
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          >
            推送站内消息
          </Button>
        </Space>
      </Card>
      {candidates.isError ? <Alert type="error" showIcon message={errorMessage(candidates.error)} /> : null}
      {candidates.data ? (
        <Card
          size="small"
          title={`第 ${candidates.data.policyVersion} 版 · ${year} 年度：符合 ${items.filter((c) => c.status === 'eligible').length} 个，接近符合 ${items.filter((c) => c.status === 'nearlyEligible').length} 个，共评估 ${items.length} 个`}
        >
          <Table<Candidate>
            rowKey="subjectId"
            size="small"
            data-testid="candidates"
            dataSource={items}
            columns={columns}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </Card>
      ) : (
        <Alert
          type="info"
          showIcon
          message="选择政策和年度后查找；查找只做评估，不发送消息。推送后主体在平台“站内消息”中收到理由与欠缺事项。"
        />
      )}
    </Page>
  )
}
