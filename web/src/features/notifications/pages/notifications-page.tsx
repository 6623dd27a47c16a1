import { Badge, Button, Card, List, Segmented, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { fromNow } from '../../../shared/format'
import { Page } from '../../../shared/page'
import { type Notification, useMarkRead, useNotifications } from '../api/notifications'

const kindLabels: Record<string, { label: string; color: string }> = {
  'policy.push': { label: '政策推送', color: 'blue' },
  'policy.entitled': { label: '免申即享', color: 'green' },
  'policy.decision': { label: '政策办理', color: 'gold' },
  'voucher.issued': { label: '创新券', color: 'cyan' },
  'voucher.order': { label: '服务订单', color: 'purple' },
  'voucher.redemption': { label: '创新券兑付', color: 'gold' },
  'voucher.payout': { label: '创新券拨付', color: 'green' },
  'event.cancelled': { label: '活动通知', color: 'red' },
  'event.changed': { label: '活动通知', color: 'orange' },
}

/** 站内消息: policy pushes with the reason and what is missing, decisions, voucher events, cancelled events; opening one marks it read. */
export function NotificationsPage() {
  const navigate = useNavigate()
  const [status, setStatus] = useState<'unread' | 'all'>('all')
  const [page, setPage] = useState(1)
  const list = useNotifications({ status, page, pageSize: 20 })
  const markRead = useMarkRead()
  const open = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id)
    if (n.link) navigate(n.link)
  }
  return (
    <Page title="站内消息">
      <Card>
        <Space direction="vertical" style={{ display: 'flex' }}>
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(v as 'unread' | 'all')
              setPage(1)
            }}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: `未读（${list.data?.unread ?? 0}）` },
            ]}
          />
          <List<Notification>
            data-testid="notifications"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: status === 'unread' ? '没有未读消息' : '暂无消息' }}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            renderItem={(n) => (
              <List.Item
                data-testid="notification"
                actions={[
                  n.link ? (
                    <Button key="open" type="link" size="small" onClick={() => open(n)}>
                      查看
                    </Button>
                  ) : !n.read ? (
                    <Button key="read" type="link" size="small" onClick={() => markRead.mutate(n.id)}>
                      标为已读
                    </Button>
                  ) : null,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      <Badge status={n.read ? 'default' : 'processing'} />
                      <Tag color={kindLabels[n.kind]?.color} bordered={false}>
                        {kindLabels[n.kind]?.label ?? '消息'}
                      </Tag>
                      <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <Space direction="vertical" size={2}>
                      <Typography.Text>{n.body}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {fromNow(n.createdAt)}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Space>
      </Card>
    </Page>
  )
}
