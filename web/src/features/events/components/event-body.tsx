import { Alert, Card, Descriptions, List, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { MatchmakingEvent } from '../api/events'
import { eventKindLabels, eventStatusTags, seatsText, shanghaiTime, timeSpan } from './labels'

type Featured = MatchmakingEvent['featured'][number]

/** What everyone reads about an event: the facts, and the records it puts on stage (linked by `linkOf`). */
export function EventBody({ event, linkOf }: { event: MatchmakingEvent; linkOf: (record: Featured) => string }) {
  const status = eventStatusTags[event.status]
  return (
    <>
      {event.status === 'cancelled' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="活动已取消"
          description={event.cancelReason ?? undefined}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="event-facts">
          <Descriptions.Item label="活动类型">{eventKindLabels[event.kind]}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={status.color}>{status.label}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="活动时间">{timeSpan(event.startsAt, event.endsAt)}</Descriptions.Item>
          <Descriptions.Item label="报名截止">{shanghaiTime(event.signupDeadline)}</Descriptions.Item>
          <Descriptions.Item label="活动地点">{event.venue}</Descriptions.Item>
          <Descriptions.Item label="主办单位">{event.organizerOrgName}</Descriptions.Item>
          <Descriptions.Item label="报名情况">{seatsText(event)}</Descriptions.Item>
          {event.onlineUrl ? (
            <Descriptions.Item label="线上地址">
              <Typography.Link href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
                {event.onlineUrl}
              </Typography.Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          {event.description}
        </Typography.Paragraph>
      </Card>
      <Card title={`推介项目（${event.featured.length}）`} style={{ marginBottom: 16 }}>
        <List
          data-testid="event-featured"
          locale={{ emptyText: '本活动未列出推介项目' }}
          dataSource={event.featured}
          renderItem={(record) => (
            <List.Item>
              <Tag color={record.recordType === 'achievement' ? 'geekblue' : 'orange'} bordered={false}>
                {record.recordType === 'achievement' ? '科技成果' : '技术需求'}
              </Tag>
              <Link to={linkOf(record)} style={{ flex: 1 }}>
                {record.title}
              </Link>
            </List.Item>
          )}
        />
      </Card>
    </>
  )
}
