import { Card, Tabs } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { Page } from '../../../shared/page'
import { useSession } from '../../../shared/session'
import { ChangePasswordForm } from '../components/change-password-form'
import { ProfileCard } from '../components/profile-card'
import { SessionInfo } from '../components/session-info'
import { TotpSettings } from '../components/totp-settings'

const tabs = ['profile', 'password', 'totp', 'session'] as const
type Tab = (typeof tabs)[number]

export function AccountPage() {
  const { data: session } = useSession()
  const [params, setParams] = useSearchParams()
  const requested = params.get('tab')
  const active: Tab = tabs.find((t) => t === requested) ?? 'profile'
  const user = session?.user
  if (!session || !user) return null
  return (
    <Page title="账号设置" subTitle="个人信息、登录密码与两步验证">
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'profile', label: '基本信息', children: <ProfileCard user={user} /> },
            { key: 'password', label: '修改密码', children: <ChangePasswordForm username={user.username} /> },
            { key: 'totp', label: '两步验证', children: <TotpSettings user={user} /> },
            { key: 'session', label: '登录会话', children: <SessionInfo session={session} /> },
          ]}
        />
      </Card>
    </Page>
  )
}
