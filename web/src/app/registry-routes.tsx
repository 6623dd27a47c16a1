import { type ComponentType, lazy } from 'react'
import type { RouteObject } from 'react-router-dom'
import { RequirePermission } from './guards'
import { publicPolicyRoutes } from './policy-routes'

/** A page loaded when first visited. */
function page(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }))
  return <Component />
}

const matchPanel = () => import('../features/matching/components/match-panel').then((m) => m.MatchPanel)

/**
 * 资源库 (成果、需求、场景), 匹配推荐 and 意向对接 in the workspace. A record's page gets its 匹配推荐 panel here,
 * where features are composed (features never import each other).
 */
export const registryRoutes: RouteObject[] = [
  {
    element: <RequirePermission action="lead.create" />,
    children: [
      {
        path: 'achievements',
        element: page(() => import('../features/achievements/pages/achievements-page').then((m) => m.AchievementsPage)),
      },
      {
        path: 'achievements/:id',
        element: page(async () => {
          const [{ AchievementDetailPage }, MatchPanel] = await Promise.all([
            import('../features/achievements/pages/achievement-detail-page'),
            matchPanel(),
          ])
          return () => (
            <AchievementDetailPage
              matches={(a) => (
                <MatchPanel
                  key={a.id}
                  fromType="achievement"
                  fromId={a.id}
                  targets={[
                    { toType: 'demand', label: '技术需求' },
                    { toType: 'enterprise', label: '企业' },
                    { toType: 'carrier', label: '验证中心与中试平台' },
                  ]}
                />
              )}
            />
          )
        }),
      },
      {
        path: 'demands',
        element: page(() => import('../features/demands/pages/demands-page').then((m) => m.DemandsPage)),
      },
      {
        path: 'demands/:id',
        element: page(async () => {
          const [{ DemandDetailPage }, MatchPanel] = await Promise.all([
            import('../features/demands/pages/demand-detail-page'),
            matchPanel(),
          ])
          return () => (
            <DemandDetailPage
              matches={(d) => (
                <MatchPanel
                  key={d.id}
                  title="匹配的科技成果"
                  fromType="demand"
                  fromId={d.id}
                  targets={[{ toType: 'achievement', label: '科技成果' }]}
                />
              )}
            />
          )
        }),
      },
      {
        path: 'scenarios',
        element: page(() => import('../features/scenarios/pages/scenarios-page').then((m) => m.ScenariosPage)),
      },
      {
        path: 'scenarios/:id',
        element: page(async () => {
          const [{ ScenarioDetailPage }, MatchPanel] = await Promise.all([
            import('../features/scenarios/pages/scenario-detail-page'),
            matchPanel(),
          ])
          return () => (
            <ScenarioDetailPage
              matches={(s) => (
                <MatchPanel
                  key={s.id}
                  title="匹配的科技成果"
                  fromType="scenario"
                  fromId={s.id}
                  targets={[{ toType: 'achievement', label: '科技成果' }]}
                />
              )}
            />
          )
        }),
      },
    ],
  },
  {
    element: <RequirePermission action="lead.read" />,
    children: [
      { path: 'leads', element: page(() => import('../features/leads/pages/leads-page').then((m) => m.LeadsPage)) },
    ],
  },
  {
    element: <RequirePermission action="event.signup" />,
    children: [
      { path: 'events', element: page(() => import('../features/events/pages/events-page').then((m) => m.EventsPage)) },
      {
        path: 'events/:id',
        element: page(() => import('../features/events/pages/event-detail-page').then((m) => m.EventDetailPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="demand.write" />,
    children: [
      {
        path: 'demands/new',
        element: page(() => import('../features/demands/pages/demand-edit-page').then((m) => m.DemandCreatePage)),
      },
      {
        path: 'demands/:id/edit',
        element: page(() => import('../features/demands/pages/demand-edit-page').then((m) => m.DemandEditPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="scenario.write" />,
    children: [
      {
        path: 'scenarios/new',
        element: page(() => import('../features/scenarios/pages/scenario-edit-page').then((m) => m.ScenarioCreatePage)),
      },
      {
        path: 'scenarios/:id/edit',
        element: page(() => import('../features/scenarios/pages/scenario-edit-page').then((m) => m.ScenarioEditPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="achievement.write" />,
    children: [
      {
        path: 'achievements/new',
        element: page(() =>
          import('../features/achievements/pages/achievement-edit-page').then((m) => m.AchievementCreatePage),
        ),
      },
      {
        path: 'achievements/:id/edit',
        element: page(() =>
          import('../features/achievements/pages/achievement-edit-page').then((m) => m.AchievementEditPage),
        ),
      },
    ],
  },
]

/** 公共服务门户: no sign-in; the landing page for visitors. */
export const portalRoutes: RouteObject[] = [
  {
    path: 'portal',
    element: page(() => import('../features/portal/components/portal-layout').then((m) => m.PortalLayout)),
    children: [
      {
        index: true,
        element: page(() => import('../features/portal/pages/portal-home-page').then((m) => m.PortalHomePage)),
      },
      {
        path: 'search',
        element: page(() => import('../features/portal/pages/portal-search-page').then((m) => m.PortalSearchPage)),
      },
      {
        path: 'events',
        element: page(() => import('../features/events/pages/public-events-page').then((m) => m.PublicEventsPage)),
      },
      {
        path: 'events/:id',
        element: page(() => import('../features/events/pages/public-event-page').then((m) => m.PublicEventPage)),
      },
      {
        path: ':type/:id',
        element: page(() => import('../features/portal/pages/portal-detail-page').then((m) => m.PortalDetailPage)),
      },
      ...publicPolicyRoutes,
    ],
  },
]
