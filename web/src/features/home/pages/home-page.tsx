import { Alert, Col, Row, Space } from 'antd'
import { errorMessage } from '../../../shared/http'
import { Page } from '../../../shared/page'
import { roleOf, type SessionUser, useCan, useSession } from '../../../shared/session'
import { useHomeSummary } from '../api/get-home-summary'
import { AccountStatus } from '../components/account-status'
import { Greeting } from '../components/greeting'
import { QuickActions, quickActionsFor } from '../components/quick-actions'
import { SummaryCards } from '../components/summary-cards'
import { TodoList } from '../components/todo-list'

type Focus = { scope: string; actionsTitle: string }

/** Administrators see administration, officers their jurisdiction, everyone else their own work. */
function focusOf(user: SessionUser): Focus {
  switch (roleOf(user)) {
    case 'systemAdmin':
    case 'securityAdmin':
    case 'auditAdmin':
      return { scope: '平台管理', actionsTitle: '管理入口' }
    case 'cityOfficer':
      return { scope: `辖区：${user.jurisdictionName}（含下辖区县）`, actionsTitle: '辖区工作' }
    case 'districtOfficer':
      return { scope: `辖区：${user.jurisdictionName}`, actionsTitle: '辖区工作' }
    default:
      return { scope: `所在地区：${user.jurisdictionName}`, actionsTitle: '我的工作' }
  }
}

export function HomePage() {
  const { data: session } = useSession()
  const can = useCan()
  const summary = useHomeSummary()
  const user = session?.user
  if (!session || !user) return null
  const focus = focusOf(user)
  return (
    <Page title="工作台" breadcrumbRender={false} content={<Greeting user={user} scope={focus.scope} />}>
      <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="home">
        {summary.isError ? (
          <Alert type="error" showIcon message={`工作台数据加载失败：${errorMessage(summary.error)}`} />
        ) : null}
        {summary.data?.notices.map((notice) => (
          <Alert key={notice.key} type={notice.level} showIcon message={notice.text} />
        ))}
        <SummaryCards cards={summary.data?.cards} loading={summary.isPending} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Space direction="vertical" size={16} style={{ display: 'flex' }}>
              <TodoList todos={summary.data?.todos} loading={summary.isPending} />
              <QuickActions title={focus.actionsTitle} actions={quickActionsFor(can)} />
            </Space>
          </Col>
          <Col xs={24} lg={9}>
            <AccountStatus session={session} />
          </Col>
        </Row>
      </Space>
    </Page>
  )
}
