import { type ComponentType, lazy } from 'react'
import type { RouteObject } from 'react-router-dom'
import { useCan, useSession } from '../shared/session'
import { RequirePermission } from './guards'

/** A page loaded when first visited. */
function page(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }))
  return <Component />
}

/**
 * 验证-中试-落地 in the workspace: the project's 验证工作台 composes its hand-offs and outcomes here (features
 * never import each other), the center's list carries its statistics card.
 */
export const verificationRoutes: RouteObject[] = [
  {
    element: <RequirePermission action="verification.manage" />,
    children: [
      {
        path: 'verification',
        element: page(async () => {
          const [{ VerificationListPage }, { StatisticsCard }] = await Promise.all([
            import('../features/verification/pages/verification-list-page'),
            import('../features/outcomes/components/statistics-card'),
          ])
          return () => <VerificationListPage statistics={<StatisticsCard />} />
        }),
      },
    ],
  },
  {
    element: <RequirePermission action="verification.read" />,
    children: [
      {
        path: 'projects/:id/verification',
        element: page(async () => {
          const [{ VerificationWorkspacePage }, { ProjectHandoffs }, { ProjectOutcomes }] = await Promise.all([
            import('../features/verification/pages/verification-workspace-page'),
            import('../features/handoffs/components/project-handoffs'),
            import('../features/outcomes/components/project-outcomes'),
          ])
          return function Workspace() {
            const can = useCan()
            const role = useSession().data?.user?.role
            return (
              <VerificationWorkspacePage
                handoffs={(project) => (
                  <ProjectHandoffs
                    projectId={project.id}
                    projectStatus={project.status}
                    canManage={project.canManage && can('handoff.manage')}
                  />
                )}
                outcomes={(project) => (
                  <ProjectOutcomes
                    projectId={project.id}
                    projectArea={project.jurisdictionCode}
                    // Another center sees the project (1+N pool) but records nothing on it.
                    canRecord={can('outcome.record') && (role !== 'centerOperator' || project.canManage)}
                    isCenter={project.canManage}
                  />
                )}
              />
            )
          }
        }),
      },
      {
        path: 'report-check',
        element: page(() => import('../features/verification/pages/report-check-page').then((m) => m.ReportCheckPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="handoff.read" />,
    children: [
      {
        path: 'handoffs',
        element: page(() => import('../features/handoffs/pages/handoffs-page').then((m) => m.HandoffsPage)),
      },
      {
        path: 'handoffs/:id',
        element: page(() => import('../features/handoffs/pages/handoff-detail-page').then((m) => m.HandoffDetailPage)),
      },
    ],
  },
]

/** Pages without the workspace frame and without an account: 报告核验 for anyone, the printable report. */
export const publicVerificationRoutes: RouteObject[] = [
  {
    path: '/verify-report',
    element: page(() =>
      import('../features/verification/pages/report-check-page').then((m) => m.PublicReportCheckPage),
    ),
  },
  {
    path: '/reports/:code/print',
    element: page(() => import('../features/verification/pages/report-print-page').then((m) => m.ReportPrintPage)),
  },
]
