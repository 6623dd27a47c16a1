import { LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { type MenuDataItem, ProLayout } from '@ant-design/pro-components'
import { Alert, App, Dropdown, Grid, Tag } from 'antd'
import { Suspense, useEffect, useState } from 'react'
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom'
import { useSignOut } from '../../features/auth/api/sign-out'
import { navIcons } from '../../shared/nav-icons'
import { visibleNavigation } from '../../shared/navigation'
import { PageLoading } from '../../shared/page'
import { useCan, useCurrentUser, useSession } from '../../shared/session'
import { BrandLogo, platformFullName, platformName } from './brand'
import { IdleWatch } from './idle-watch'

function useMenuRoute(): MenuDataItem {
  const can = useCan()
  const groups = visibleNavigation(can)
  const toItem = (item: (typeof groups)[number]['items'][number]): MenuDataItem => ({
    path: item.path,
    name: item.label,
    icon: navIcons[item.icon],
  })
  const routes: MenuDataItem[] = groups.flatMap((group) =>
    group.label
      ? [{ path: `/__group/${group.key}`, name: group.label, key: group.key, children: group.items.map(toItem) }]
      : group.items.map(toItem),
  )
  return { path: '/', children: routes }
}

function UserMenu({ dom }: { dom: React.ReactNode }) {
  const navigate = useNavigate()
  const { message } = App.useApp()
  const signOut = useSignOut()
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: '账号设置' },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutOutlined />, label: '退出登录', danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate('/account')
          if (key === 'signOut') {
            signOut.mutate(undefined, {
              onSettled: () => {
                message.success('已安全退出')
                navigate('/sign-in', { replace: true })
              },
            })
          }
        },
      }}
    >
      <span data-testid="user-menu">{dom}</span>
    </Dropdown>
  )
}

function IdentityTags() {
  const user = useCurrentUser()
  return (
    <div className="fm-identity" data-testid="identity">
      <Tag color="gold" bordered={false} style={{ marginInlineEnd: 0 }}>
        {user.roleLabel}
      </Tag>
      <span className="fm-identity-org" title={user.orgName}>
        {user.orgName}
      </span>
    </div>
  )
}

function SessionWarnings() {
  const { data } = useSession()
  const warnings = data?.warnings ?? []
  if (warnings.length === 0) return null
  return (
    <div className="fm-warnings" data-testid="session-warnings">
      {warnings.map((text) => (
        <Alert key={text} type="warning" showIcon banner message={text} />
      ))}
    </div>
  )
}

export function AppLayout() {
  const location = useLocation()
  const user = useCurrentUser()
  const route = useMenuRoute()
  const screens = Grid.useBreakpoint()
  const isPhone = screens.md === false
  // Controlled: ProLayout's own first guess depends on a media query that may not have settled yet.
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 768)
  useEffect(() => setCollapsed(isPhone), [isPhone])
  // On a phone the menu is a drawer: choosing a page closes it.
  useEffect(() => {
    if (isPhone) setCollapsed(true)
  }, [location.pathname])
  return (
    <ProLayout
      collapsed={collapsed}
      onCollapse={setCollapsed}
      title={platformName}
      logo={<BrandLogo size={30} />}
      layout="mix"
      siderMenuType="group"
      menu={{ type: 'group', locale: false, defaultOpenAll: true }}
      fixSiderbar
      fixedHeader
      siderWidth={220}
      route={route}
      location={{ pathname: location.pathname }}
      token={{
        header: {
          colorBgHeader: '#0f3a8a',
          colorHeaderTitle: '#ffffff',
          colorTextRightActionsItem: 'rgba(255,255,255,0.92)',
          colorBgRightActionsItemHover: 'rgba(255,255,255,0.12)',
          colorTextMenu: 'rgba(255,255,255,0.85)',
        },
        sider: {
          colorMenuBackground: '#ffffff',
          colorTextMenuTitle: '#0f3a8a',
          colorBgMenuItemSelected: '#e8f0fe',
          colorTextMenuSelected: '#1456c8',
        },
        pageContainer: { paddingBlockPageContainerContent: 16, paddingInlinePageContainerContent: 24 },
        bgLayout: '#f3f5f9',
      }}
      headerTitleRender={(logo) => (
        <Link to="/home" className="fm-brand">
          {logo}
          <span className="fm-brand-name">{platformName}</span>
          {screens.md ? <span className="fm-brand-full">{platformFullName}</span> : null}
        </Link>
      )}
      menuItemRender={(item, dom) =>
        item.path ? (
          <Link to={item.path} data-menu-path={item.path}>
            {dom}
          </Link>
        ) : (
          dom
        )
      }
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        style: { backgroundColor: '#3f7ae0' },
        title: <span data-testid="current-user-name">{user.displayName}</span>,
        render: (_props, dom) => <UserMenu dom={dom} />,
      }}
      actionsRender={() => (screens.lg ? [<IdentityTags key="identity" />] : [])}
      footerRender={() => (
        <div className="fm-footer">
          {platformName} · {platformFullName}
        </div>
      )}
    >
      <IdleWatch />
      <SessionWarnings />
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  )
}
