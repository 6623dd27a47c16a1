import { CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons'
import { Card, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { wrappingCardTitle } from '../../../shared/responsive'
import type { MatchmakingEvent } from '../api/events'
import { eventKindLabels, eventStatusTags, seatsText, timeSpan } from './labels'

/** One event in a list: kind, state, when, where, who runs it and how many have signed up. */
export function EventCard({ event, to }: { event: MatchmakingEvent; to: string }) {
  const status = eventStatusTags[event.status]
  return (
    <Card
      size="small"
      data-testid={`event-${event.id}`}
      styles={wrappingCardTitle}
      title={<Link to={to}>{event.title}</Link>}
      extra={<Tag color={status.color}>{status.label}</Tag>}
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space size={[4, 4]} wrap>
          <Tag color={event.kind === 'roadshow' ? 'purple' : 'cyan'} bordered={false}>
            {eventKindLabels[event.kind]}
          </Tag>
          {event.mySignup?.status === 'registered' ? <Tag color="green">已报名</Tag> : null}
          {event.organizedByMe ? <Tag color="gold">本单位主办</Tag> : null}
        </Space>
        <Typography.Text>
          <CalendarOutlined /> {timeSpan(event.startsAt, event.endsAt)}
        </Typography.Text>
        <Typography.Text>
          <EnvironmentOutlined /> {event.venue}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <TeamOutlined /> {event.organizerOrgName} 主办 · {seatsText(event)} · 推介 {event.featured.length} 项
        </Typography.Text>
      </Space>
    </Card>
  )
}
