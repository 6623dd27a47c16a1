import { App as AntApp } from 'antd'
import { type ComponentType, lazy } from 'react'
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router-dom'
import { RequirePermission, RequireSignIn } from './guards'
import { AppLayout } from './layout/app-layout'
import { ForbiddenPage } from './pages/forbidden-page'
import { NotFoundPage } from './pages/not-found-page'
import { portalRoutes, registryRoutes } from './registry-routes'
import { resourceRoutes } from './resource-routes'
import { publicVerificationRoutes } from './verification-routes'

/** A route's page, loaded when first visited so the sign-in screen stays light. */
function page(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }))
  return <Component />
}

/** An old or alternative address of a page, keeping its filters. */
function KeepSearchRedirect({ to }: { to: string }) {
  const { search } = useLocation()
  return <Navigate to={`${to}${search}`} replace />
}

/**
 * antd's message, modal and notification of every page, rendered inside the router: a modal whose content holds
 * a <Link> (say, to a similar record) needs the router's context, which the App in providers.tsx lies outside of.
 */
function RouterScopedApp() {
  return (
    <AntApp component={false}>
      <Outlet />
    </AntApp>
  )
}

export const router = createBrowserRouter([
  {
    element: <RouterScopedApp />,
    children: [
      {
        path: '/sign-in',
        element: page(() => import('../features/auth/pages/sign-in-page').then((m) => m.SignInPage)),
      },
      ...portalRoutes,
      ...publicVerificationRoutes,
      {
        element: <RequireSignIn />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Navigate to="/home" replace /> },
              { path: 'home', element: page(() => import('../features/home/pages/home-page').then((m) => m.HomePage)) },
              {
                element: <RequirePermission action="cockpit.read" />,
                children: [
                  {
                    path: 'cockpit',
                    element: page(() => import('../features/cockpit/pages/cockpit-page').then((m) => m.CockpitPage)),
                  },
                ],
              },
              {
                path: 'account',
                element: page(() => import('../features/account/pages/account-page').then((m) => m.AccountPage)),
              },
              {
                element: <RequirePermission action="organization.read" />,
                children: [
                  {
                    path: 'organizations',
                    element: page(() =>
                      import('../features/organizations/pages/organizations-page').then((m) => m.OrganizationsPage),
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission action="user.manage" />,
                children: [
                  {
                    path: 'admin/users',
                    element: page(() => import('../features/users/pages/users-page').then((m) => m.UsersPage)),
                  },
                ],
              },
              {
                element: <RequirePermission action="calendar.manage" />,
                children: [
                  {
                    path: 'admin/calendar',
                    element: page(() => import('../features/calendar/pages/calendar-page').then((m) => m.CalendarPage)),
                  },
                ],
              },
              {
                element: <RequirePermission action="user.unlock" />,
                children: [
                  {
                    path: 'security/users',
                    element: page(() =>
                      import('../features/security/pages/account-security-page').then((m) => m.AccountSecurityPage),
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission action="security.policy.read" />,
                children: [
                  {
                    path: 'security/policy',
                    element: page(() =>
                      import('../features/security/pages/password-policy-page').then((m) => m.PasswordPolicyPage),
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission action="security.sessions.read" />,
                children: [
                  {
                    path: 'security/sessions',
                    element: page(() => import('../features/security/pages/sessions-page').then((m) => m.SessionsPage)),
                  },
                ],
              },
              {
                element: <RequirePermission action="audit.read" />,
                children: [
                  {
                    path: 'audit',
                    element: page(() => import('../features/audit/pages/audit-page').then((m) => m.AuditPage)),
                  },
                ],
              },
              ...registryRoutes,
              ...resourceRoutes,
              { path: 'admin/organizations', element: <KeepSearchRedirect to="/organizations" /> },
              { path: 'forbidden', element: <ForbiddenPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
])
