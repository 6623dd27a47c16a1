import { type ComponentType, lazy } from 'react'
import type { RouteObject } from 'react-router-dom'
import { RequirePermission } from './guards'

/** A page loaded when first visited. */
function page(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }))
  return <Component />
}

const accreditation = () => import('../features/accreditation/pages/accreditation-page')
const form = () => import('../features/accreditation/pages/application-form-page')
const notices = () => import('../features/accreditation/pages/notice-page')

/**
 * 认定与绩效评价 (seed 004 指引 三–六): the procedure for officers and applicants, public notices for everyone who
 * may object, certificates with evaluations and dynamic management, and each city's targets and coverage.
 */
export const accreditationRoutes: RouteObject[] = [
  {
    element: <RequirePermission action="accreditation.read" />,
    children: [
      { path: 'accreditation', element: page(() => accreditation().then((m) => m.AccreditationPage)) },
      {
        path: 'accreditation/applications/:id',
        element: page(() =>
          import('../features/accreditation/pages/application-detail-page').then((m) => m.ApplicationDetailPage),
        ),
      },
    ],
  },
  {
    element: <RequirePermission action="accreditation.apply" />,
    children: [
      { path: 'accreditation/apply', element: page(() => form().then((m) => m.ApplicationCreatePage)) },
      { path: 'accreditation/applications/:id/edit', element: page(() => form().then((m) => m.ApplicationEditPage)) },
    ],
  },
  {
    element: <RequirePermission action="publicNotice.read" />,
    children: [
      { path: 'public-notices', element: page(() => notices().then((m) => m.NoticesPage)) },
      { path: 'public-notices/:id', element: page(() => notices().then((m) => m.NoticeDetailPage)) },
      {
        path: 'accreditation/certificates/:id',
        element: page(() => import('../features/accreditation/pages/certificate-page').then((m) => m.CertificatePage)),
      },
    ],
  },
  {
    element: <RequirePermission action="targets.read" />,
    children: [
      {
        path: 'targets',
        element: page(() => import('../features/accreditation/pages/targets-page').then((m) => m.TargetsPage)),
      },
    ],
  },
]
