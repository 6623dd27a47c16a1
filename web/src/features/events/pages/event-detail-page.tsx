import { Alert, App, Button, Popconfirm, Skeleton, Space, Tag } from 'antd'
import { useParams } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { useCan, useCurrentUser } from '../../../shared/session'
import { type MatchmakingEvent, useCancelSignup, useEvent } from '../api/events'
import { EventBody } from '../components/event-body'
import { EventForm } from '../components/event-form'
import { CancelEventButton, SignupsCard } from '../components/organizer-panel'
import { SignupForm } from '../components/signup-form'

const recordLink = (r: MatchmakingEvent['featured'][number]) =>
  `/${r.recordType === 'achievement' ? 'achievements' : 'demands'}/${r.recordId}`

/** One event in the workspace: its facts and records; 报名 / 取消报名; for the organizer, 修改活动, the list and 取消活动. */
export function EventDetailPage() {
  const { id } = useParams()
  const event = useEvent(id)
  if (event.isPending) return <Skeleton active style={{ padding: 24 }} />
  if (event.isError) return <Alert type="error" showIcon message={errorMessage(event.error)} style={{ margin: 24 }} />
  const e = event.data
  return (
    <Page title={e.title} extra={<EventActions event={e} />}>
      <EventBody event={e} linkOf={recordLink} />
      {e.organizedByMe ? <SignupsCard event={e} /> : null}
    </Page>
  )
}

function EventActions({ event }: { event: MatchmakingEvent }) {
  const { message } = App.useApp()
  const can = useCan()
  const user = useCurrentUser()
  const cancelSignup = useCancelSignup()
  const actions = []
  if (event.organizedByMe) {
    if (['open', 'full', 'signupClosed', 'ongoing'].includes(event.status))
      actions.push(<EventForm key="edit" event={event} />, <CancelEventButton key="cancel" event={event} />)
  } else if (event.mySignup?.status === 'registered') {
    actions.push(
      <Tag key="signed" color="green" data-testid="signed-up">
        已报名
      </Tag>,
    )
    if (['open', 'full', 'signupClosed'].includes(event.status))
      actions.push(
        <Popconfirm
          key="withdraw"
          title="取消报名？"
          okText="取消报名"
          cancelText="返回"
          onConfirm={async () => {
            try {
              await cancelSignup.mutateAsync(event.id)
              message.success('已取消报名')
            } catch (error) {
              message.error(errorMessage(error))
            }
          }}
        >
          <Button data-testid="withdraw">取消报名</Button>
        </Popconfirm>,
      )
  } else if (event.status === 'full' && can('event.signup')) {
    actions.push(
      <Button key="full" disabled data-testid="event-full">
        名额已满
      </Button>,
    )
  } else if (event.status === 'open' && can('event.signup')) {
    actions.push(<SignupForm key="sign-up" event={event} defaultName={user.displayName} />)
  }
  return <Space wrap>{actions}</Space>
}
