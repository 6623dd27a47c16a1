import { App, Badge, Button, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { Link, useSearchParams } from 'react-router-dom'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { useCompact, wideOnly } from '../../../shared/responsive'
import { type Lead, type LeadBox, type LeadStatus, useLeads, useSetLeadStatus } from '../api/leads'

const statusLook: Record<LeadStatus, { label: string; color: string }> = {
  new: { label: '待联系', color: 'processing' },
  contacted: { label: '已联系', color: 'success' },
  closed: { label: '已关闭', color: 'default' },
}

/** Where the record a lead is about is shown in the workspace. */
const recordPath: Record<string, string> = {
  achievement: '/achievements',
  demand: '/demands',
  scenario: '/scenarios',
  carrier: '/carriers',
  instrument: '/instruments',
  enterprise: '/enterprises',
}

/** 意向对接: 收到的意向 on my organization's records (mark contacted / close) and 我的意向 I sent. */
export function LeadsPage() {
  const compact = useCompact()
  const [params, setParams] = useSearchParams()
  const box: LeadBox = params.get('box') === 'sent' ? 'sent' : 'received'
  const received = useLeads('received')
  const waiting = (received.data?.items ?? []).filter((l) => l.status === 'new').length
  return (
    <Page title="意向对接" subTitle={compact ? undefined : '“我有意向”与“有意向并联系”产生的对接线索'}>
      <Card>
        <Tabs
          activeKey={box}
          onChange={(key) => setParams(key === 'sent' ? { box: 'sent' } : {}, { replace: true })}
          items={[
            {
              key: 'received',
              label: (
                <Badge count={waiting} size="small" offset={[8, -2]}>
                  收到的意向
                </Badge>
              ),
              children: <LeadTable box="received" />,
            },
            { key: 'sent', label: '我的意向', children: <LeadTable box="sent" /> },
          ]}
        />
      </Card>
    </Page>
  )
}

function LeadTable({ box }: { box: LeadBox }) {
  const { message } = App.useApp()
  const compact = useCompact()
  const leads = useLeads(box)
  const setStatus = useSetLeadStatus()
  const change = (lead: Lead, status: 'contacted' | 'closed') =>
    setStatus.mutate(
      { id: lead.id, status },
      {
        onSuccess: () => message.success(status === 'contacted' ? '已标记为已联系' : '已关闭该意向'),
        onError: (error) => message.error(errorMessage(error)),
      },
    )
  const record = (lead: Lead) => {
    const base = recordPath[lead.recordType]
    return base ? <Link to={`${base}/${lead.recordId}`}>{lead.recordTitle}</Link> : lead.recordTitle
  }
  const columns: ColumnsType<Lead> = [
    {
      title: '对接记录',
      dataIndex: 'recordTitle',
      render: (_, lead) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <span>
            <Tag bordered={false}>{lead.recordTypeLabel}</Tag>
            {record(lead)}
          </span>
          {compact ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {box === 'received' ? `来自 ${lead.fromOrgName}` : `发往 ${lead.ownerOrgName}`} ·{' '}
              {formatDateTime(lead.createdAt)}
            </Typography.Text>
          ) : null}
          {lead.message ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
              留言：{lead.message}
            </Typography.Paragraph>
          ) : null}
          {compact ? <Tag color={statusLook[lead.status].color}>{statusLook[lead.status].label}</Tag> : null}
        </Space>
      ),
    },
    {
      title: box === 'received' ? '意向方' : '记录所属单位',
      width: 200,
      responsive: wideOnly,
      render: (_, lead) => (box === 'received' ? lead.fromOrgName : lead.ownerOrgName),
    },
    {
      title: '时间',
      dataIndex: 'createdAt',
      width: 170,
      responsive: wideOnly,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      responsive: wideOnly,
      render: (status: LeadStatus) => <Tag color={statusLook[status].color}>{statusLook[status].label}</Tag>,
    },
    ...(box === 'received'
      ? [
          {
            title: '操作',
            key: 'actions',
            width: compact ? 92 : 170,
            render: (_: unknown, lead: Lead) =>
              lead.status === 'closed' ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <Space size={4} wrap>
                  {lead.status === 'new' ? (
                    <Button size="small" type="link" onClick={() => change(lead, 'contacted')}>
                      标记已联系
                    </Button>
                  ) : null}
                  <Button size="small" type="link" onClick={() => change(lead, 'closed')}>
                    关闭
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ]
  return (
    <Table<Lead>
      data-testid={`leads-${box}`}
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      loading={leads.isPending}
      dataSource={leads.data?.items ?? []}
      columns={columns}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              box === 'received' ? '暂未收到意向。本单位的成果、需求和场景被关注时会出现在这里' : '您还没有表达过意向'
            }
          />
        ),
      }}
    />
  )
}
