import { Navigate, Outlet, useLocation } from 'react-router-dom'
import { PageLoading } from '../shared/page'
import type { Action } from '../shared/server-rules'
import { useCan, useSession } from '../shared/session'
import { ForbiddenPage } from './pages/forbidden-page'
import { ServerUnavailable } from './pages/server-unavailable'

/** Everything below needs a session; without one the person goes to sign-in and comes back afterwards. */
export function RequireSignIn() {
  const location = useLocation()
  const { data, isPending, isError, refetch } = useSession()
  if (isPending) return <PageLoading tip="正在确认登录状态…" />
  if (isError) return <ServerUnavailable onRetry={() => void refetch()} />
  if (!data.user) {
    const next = `${location.pathname}${location.search}`
    // A visitor at the site's root lands on the public portal; any other page asks to sign in first.
    if (next === '/') return <Navigate to="/portal" replace />
    const target = next === '/home' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`
    return <Navigate to={target} replace />
  }
  return <Outlet />
}

/** A page whose action the role may not perform shows the no-permission page (the server refuses it too). */
export function RequirePermission({ action }: { action: Action }) {
  const can = useCan()
  return can(action) ? <Outlet /> : <ForbiddenPage />
}
