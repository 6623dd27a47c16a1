import { Alert, Button, Skeleton, Space, Typography } from 'antd'
import { Link, useParams } from 'react-router-dom'
import { errorMessage } from '../../../shared/http'
import { useDocumentTitle } from '../../../shared/page'
import { useSession } from '../../../shared/session'
import { useEvent } from '../api/events'
import { EventBody } from '../components/event-body'

/** One event on the public portal; 报名 leads to the workspace page (after sign-in). */
export function PublicEventPage() {
  const { id } = useParams()
  const event = useEvent(id)
  const session = useSession()
  useDocumentTitle(event.data?.title ?? '活动详情')
  if (event.isPending) return <Skeleton active />
  if (event.isError) return <Alert type="error" showIcon message={errorMessage(event.error)} />
  const e = event.data
  const workspace = `/events/${e.id}`
  return (
    <div>
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {e.title}
        </Typography.Title>
        {e.status === 'open' ? (
          <Link to={session.data?.user ? workspace : `/sign-in?next=${encodeURIComponent(workspace)}`}>
            <Button type="primary" data-testid="portal-sign-up">
              {session.data?.user ? '去报名' : '登录后报名'}
            </Button>
          </Link>
        ) : e.status === 'full' ? (
          <Button disabled data-testid="portal-full">
            名额已满
          </Button>
        ) : null}
      </Space>
      <EventBody event={e} linkOf={(r) => `/portal/${r.recordType}/${r.recordId}`} />
    </div>
  )
}
