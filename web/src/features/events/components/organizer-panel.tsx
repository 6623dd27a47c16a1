import { ModalForm, ProFormTextArea } from '@ant-design/pro-components'
import { Alert, App, Button, Card, Table, Tag } from 'antd'
import { errorMessage } from '../../../shared/http'
import { type EventSignup, type MatchmakingEvent, useCancelEvent, useEventSignups } from '../api/events'
import { shanghaiTime } from './labels'

/** 报名名单 for the organizing organization: who, how to reach them, what they came for. */
export function SignupsCard({ event }: { event: MatchmakingEvent }) {
  const signups = useEventSignups(event.id, event.organizedByMe)
  return (
    <Card title="报名名单" data-testid="event-signups">
      {signups.isError ? (
        <Alert type="error" showIcon message={errorMessage(signups.error)} />
      ) : (
        <Table<EventSignup>
          rowKey="id"
          size="small"
          loading={signups.isPending}
          dataSource={signups.data?.items ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: '暂无报名' }}
          columns={[
            { title: '单位', dataIndex: 'orgName' },
            { title: '联系人', dataIndex: 'contactName', width: 100 },
            { title: '联系电话', dataIndex: 'contactPhone', width: 140 },
            {
              title: '感兴趣的项目',
              dataIndex: 'interested',
              render: (titles: string[]) => (titles.length ? titles.join('；') : '—'),
            },
            { title: '留言', dataIndex: 'note', render: (note: string | null) => note ?? '—' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (status: EventSignup['status']) =>
                status === 'registered' ? <Tag color="green">已报名</Tag> : <Tag>已取消</Tag>,
            },
            { title: '报名时间', dataIndex: 'createdAt', width: 150, render: (at: string) => shanghaiTime(at) },
          ]}
        />
      )}
    </Card>
  )
}

/** 取消活动: the reason is shown to everyone who opens the event. */
export function CancelEventButton({ event }: { event: MatchmakingEvent }) {
  const { message } = App.useApp()
  const cancel = useCancelEvent()
  return (
    <ModalForm<{ reason: string }>
      clearOnDestroy
      title="取消活动"
      width={480}
      trigger={
        <Button danger data-testid="cancel-event">
          取消活动
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '确认取消活动', resetText: '返回' } }}
      onFinish={async ({ reason }) => {
        try {
          await cancel.mutateAsync({ id: event.id, reason })
          message.success('活动已取消')
          return true
        } catch (error) {
          message.error(errorMessage(error))
          return false
        }
      }}
    >
      <ProFormTextArea
        name="reason"
        label="取消原因"
        placeholder="将向所有访问者公示"
        rules={[{ required: true, min: 2, message: '请说明取消原因' }]}
        fieldProps={{ maxLength: 500, rows: 3 }}
      />
    </ModalForm>
  )
}
