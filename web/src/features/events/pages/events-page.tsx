import { Alert, Card, Empty, List, Skeleton, Tabs } from 'antd'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { useCan, useCurrentUser } from '../../../shared/session'
import { type EventScope, useEvents } from '../api/events'
import { EventCard } from '../components/event-card'
import { EventForm } from '../components/event-form'

const scopes: { key: EventScope; label: string }[] = [
  { key: 'all', label: '本市活动' },
  { key: 'joined', label: '我报名的' },
  { key: 'organized', label: '本单位主办' },
]

/** 路演与对接会: the city's events, the ones the person signed up for, and the ones their organization runs. */
export function EventsPage() {
  const can = useCan()
  const user = useCurrentUser()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const scope = (scopes.find((s) => s.key === params.get('scope'))?.key ?? 'all') as EventScope
  const events = useEvents({ city: scope === 'all' ? user.jurisdictionCode : undefined, scope })
  const visible = scopes.filter((s) => s.key !== 'organized' || can('event.manage'))
  return (
    <Page
      title="路演与对接会"
      subTitle="项目路演、成果对接会：发布、报名与报名名单"
      extra={can('event.manage') ? [<EventForm key="new" onCreated={(id) => navigate(`/events/${id}`)} />] : undefined}
    >
      <Tabs
        activeKey={scope}
        onChange={(key) => setParams({ scope: key }, { replace: true })}
        items={visible.map((s) => ({ key: s.key, label: s.label }))}
      />
      {events.isPending ? (
        <Skeleton active />
      ) : events.isError ? (
        <Alert type="error" showIcon message={errorMessage(events.error)} />
      ) : events.data.items.length === 0 ? (
        <Card>
          <Empty description={scope === 'joined' ? '您还没有报名活动' : '暂无活动'} />
        </Card>
      ) : (
        <List
          data-testid="events"
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={events.data.items}
          renderItem={(event) => (
            <List.Item>
              <EventCard event={event} to={`/events/${event.id}`} />
            </List.Item>
          )}
        />
      )}
    </Page>
  )
}
