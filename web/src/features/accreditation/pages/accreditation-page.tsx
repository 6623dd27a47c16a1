import { Card, Tabs } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { useCan, useCurrentUser } from '../../../shared/session'
import { AccreditationsPanel } from '../components/accreditations-panel'
import { ApplicationsPanel } from '../components/applications-panel'
import { CallsPanel } from '../components/calls-panel'
import { statusOptions } from '../components/labels'
import { NoticesPanel } from '../components/notices-panel'

/** The city a person works in: a district's parent city (GB/T 2260: the first four digits). */
export const cityOfArea = (code: string) => `${code.slice(0, 4)}00`

/**
 * 认定管理: 通知发布 → 自主申报 → 县区审核推荐 → 市科技局汇总、拟认定名单 → 公示 → 正式认定 (指引 三), one tab per
 * part; each role starts where its work is.
 */
export function AccreditationPage() {
  const user = useCurrentUser()
  const can = useCan()
  const [params, setParams] = useSearchParams()
  const city = cityOfArea(user.jurisdictionCode)
  // A 待办 link names the queue (?status=submitted); otherwise each role starts from its own.
  const asked = statusOptions.find((o) => o.value === params.get('status'))?.value
  const queue =
    asked ?? (user.role === 'districtOfficer' ? 'submitted' : user.role === 'cityOfficer' ? 'recommended' : undefined)
  const tab = params.get('tab') ?? 'applications'
  return (
    <Page title="认定管理">
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'applications',
              label: can('accreditation.apply') ? '我的申报' : can('accreditation.manage') ? '申报汇总' : '审核推荐',
              children: <ApplicationsPanel key={queue ?? 'all'} initialStatus={queue} />,
            },
            { key: 'calls', label: '认定通知', children: <CallsPanel city={city} /> },
            { key: 'notices', label: '公示', children: <NoticesPanel city={city} /> },
            { key: 'certificates', label: '认定名录', children: <AccreditationsPanel city={city} /> },
          ]}
        />
      </Card>
    </Page>
  )
}
