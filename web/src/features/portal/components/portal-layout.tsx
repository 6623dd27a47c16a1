import { AppstoreOutlined, LoginOutlined } from '@ant-design/icons'
import { Button, Grid, Select } from 'antd'
import { Suspense } from 'react'
import { Link, NavLink, Outlet, useSearchParams } from 'react-router-dom'
import { PageLoading } from '../../../shared/page'
import { useSession } from '../../../shared/session'
import { usePortalCities } from '../api/summary'
import { portalTypes } from '../api/types'
import './portal.css'
import '../../../shared/registry/registry.css'
import { usePortalCity } from './use-portal-city'

/** The portal's frame: brand, city switch, 登录 / 进入工作台, the kinds of record, footer. */
export function PortalLayout() {
  const screens = Grid.useBreakpoint()
  const session = useSession()
  const cities = usePortalCities()
  const [city, setCity] = usePortalCity()
  const [params] = useSearchParams()
  const type = params.get('type')
  const signedIn = !!session.data?.user
  return (
    <div className="fm-portal">
      <header className="fm-portal-header">
        <div className="fm-portal-bar">
          <Link to={`/portal?city=${city}`} className="fm-portal-brand">
            <img src="/favicon.svg" alt="" width={26} height={26} />
            首公里
            {screens.md ? <small>科技成果转化公共服务门户</small> : null}
          </Link>
          <div className="fm-portal-spacer" />
          <Select
            aria-label="切换城市"
            data-testid="city-switch"
            size="small"
            value={city}
            onChange={setCity}
            style={{ width: 92 }}
            options={(cities.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
          {signedIn ? (
            <Link to="/home">
              <Button size="small" icon={<AppstoreOutlined />}>
                {screens.sm ? '进入工作台' : '工作台'}
              </Button>
            </Link>
          ) : (
            <Link to="/sign-in?next=/home">
              <Button
                size="small"
                type="primary"
                ghost
                icon={<LoginOutlined />}
                style={{ color: '#fff', borderColor: '#fff' }}
              >
                登录
              </Button>
            </Link>
          )}
        </div>
        <nav className="fm-portal-nav" aria-label="门户栏目">
          <NavLink to={`/portal?city=${city}`} end className={({ isActive }) => (isActive ? 'active' : '')}>
            首页
          </NavLink>
          {portalTypes.map((t) => (
            <NavLink
              key={t.type}
              to={`/portal/search?type=${t.type}&city=${city}`}
              className={() => (type === t.type ? 'active' : '')}
            >
              {t.label}
            </NavLink>
          ))}
          <NavLink to={`/portal/events?city=${city}`}>路演活动</NavLink>
          <NavLink to="/portal/policies">政策兑现</NavLink>
        </nav>
      </header>
      <main className="fm-portal-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="fm-portal-footer">首公里 · 概念验证与科技成果转化服务平台 · 公开信息由发布单位提供</footer>
    </div>
  )
}
