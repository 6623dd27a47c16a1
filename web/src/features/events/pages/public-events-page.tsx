import { Alert, Empty, List, Skeleton, Typography } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { useDocumentTitle } from '../../../shared/page'
import { useEvents } from '../api/events'
import { EventCard } from '../components/event-card'

/** 路演活动 on the public portal: the city's roadshows and matchmaking events, newest first. */
export function PublicEventsPage() {
  useDocumentTitle('路演与对接会')
  const [params] = useSearchParams()
  const city = params.get('city') ?? '330300'
  const events = useEvents({ city })
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        路演与对接会
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        概念验证中心与科技部门组织的项目路演、成果对接会。报名需登录，所选项目的发布单位会收到您的意向。
      </Typography.Paragraph>
      {events.isPending ? (
        <Skeleton active />
      ) : events.isError ? (
        <Alert type="error" showIcon message={errorMessage(events.error)} />
      ) : events.data.items.length === 0 ? (
        <Empty description="本市暂无活动" />
      ) : (
        <List
          data-testid="public-events"
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={events.data.items}
          renderItem={(event) => (
            <List.Item>
              <EventCard event={event} to={`/portal/events/${event.id}?city=${city}`} />
            </List.Item>
          )}
        />
      )}
    </div>
  )
}
