import { type ProColumns, ProTable } from '@ant-design/pro-components'
import { Space, Tag, Typography } from 'antd'
import { formatDateTime, fromNow } from '../../../shared/format'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { isRole, roleLabels } from '../../../shared/server-rules'
import { useTableRequest } from '../../../shared/table'
import { type ActiveSession, listSessions } from '../api/list-sessions'

/** A short browser name from a user-agent string, for people who do not read user-agent strings. */
function browserOf(userAgent: string | null): string {
  if (!userAgent) return '未知'
  const ua = userAgent
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : ''
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /MicroMessenger/.test(ua)
      ? '微信'
      : /Chrome|Chromium/.test(ua)
        ? 'Chrome'
        : /Firefox/.test(ua)
          ? 'Firefox'
          : /Safari/.test(ua)
            ? 'Safari'
            : '其他'
  return os ? `${browser} · ${os}` : browser
}

const columnsFor = (compact: boolean): ProColumns<ActiveSession>[] => [
  {
    title: '账号',
    dataIndex: 'username',
    width: 160,
    render: (_, row) => (
      <Space direction="vertical" size={0}>
        <Typography.Text strong className="fm-mono">
          {row.username}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {isRole(row.role) ? roleLabels[row.role] : row.role}
        </Typography.Text>
        {compact ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.ip ?? '—'} · {browserOf(row.userAgent)} · 活动于{fromNow(row.lastSeenAt)}
          </Typography.Text>
        ) : null}
      </Space>
    ),
  },
  {
    title: '来源 IP',
    dataIndex: 'ip',
    width: 140,
    responsive: wideOnly,
    render: (_, row) => <span className="fm-mono">{row.ip ?? '—'}</span>,
  },
  {
    title: '终端',
    dataIndex: 'userAgent',
    width: 160,
    responsive: wideOnly,
    render: (_, row) => <span title={row.userAgent ?? ''}>{browserOf(row.userAgent)}</span>,
  },
  {
    title: '登录时间',
    dataIndex: 'createdAt',
    width: 170,
    responsive: wideOnly,
    render: (_, row) => formatDateTime(row.createdAt),
  },
  {
    title: '最近活动',
    dataIndex: 'lastSeenAt',
    width: 130,
    responsive: wideOnly,
    render: (_, row) => <Tag color="processing">{fromNow(row.lastSeenAt)}</Tag>,
  },
  {
    title: '最迟失效',
    dataIndex: 'expiresAt',
    width: 170,
    responsive: wideOnly,
    render: (_, row) => formatDateTime(row.expiresAt),
  },
]

export function SessionsPage() {
  const compact = useCompact()
  const request = useTableRequest<ActiveSession>(async (params) => {
    const { items } = await listSessions()
    const keyword = typeof params.keyword === 'string' ? params.keyword.trim().toLowerCase() : ''
    const matching = keyword ? items.filter((s) => s.username.toLowerCase().includes(keyword)) : items
    return { items: matching, total: matching.length }
  })
  return (
    <Page title="在线会话" subTitle="当前有效的登录会话；空闲超时或到达 12 小时上限后自动失效">
      <ProTable<ActiveSession>
        rowKey="id"
        columns={columnsFor(compact)}
        search={false}
        request={request}
        pagination={{ defaultPageSize: 20, showTotal: (total) => `共 ${total} 个会话` }}
        scroll={compact ? undefined : { x: 930 }}
        headerTitle="会话列表"
        options={{
          density: false,
          setting: false,
          reload: true,
          fullScreen: false,
          search: { placeholder: '按账号筛选' },
        }}
        locale={{ emptyText: '当前没有在线会话' }}
      />
    </Page>
  )
}
