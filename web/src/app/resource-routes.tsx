import { type ComponentType, lazy } from 'react'
import type { RouteObject } from 'react-router-dom'
import { accreditationRoutes } from './accreditation-routes'
import { RequirePermission } from './guards'
import { policyRoutes } from './policy-routes'
import { verificationRoutes } from './verification-routes'

/** A page loaded when first visited. */
function page(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }))
  return <Component />
}

/**
 * 资源库 of the organizations and people the flow works with: 企业库, 专家库, 载体, 仪器设备共享, and each area's
 * 产业体系. Reading follows the permission table; each record's page shows what its confidentiality allows.
 */
export const resourceRoutes: RouteObject[] = [
  {
    element: <RequirePermission action="enterprise.read" />,
    children: [
      {
        path: 'enterprises',
        element: page(() => import('../features/enterprises/pages/enterprises-page').then((m) => m.EnterprisesPage)),
      },
      {
        path: 'enterprises/:id',
        element: page(() =>
          import('../features/enterprises/pages/enterprise-detail-page').then((m) => m.EnterpriseDetailPage),
        ),
      },
    ],
  },
  {
    element: <RequirePermission action="enterprise.write" />,
    children: [
      {
        path: 'enterprises/new',
        element: page(() =>
          import('../features/enterprises/pages/enterprise-edit-page').then((m) => m.EnterpriseCreatePage),
        ),
      },
      {
        path: 'enterprises/:id/edit',
        element: page(() =>
          import('../features/enterprises/pages/enterprise-edit-page').then((m) => m.EnterpriseEditPage),
        ),
      },
    ],
  },
  {
    element: <RequirePermission action="expert.read" />,
    children: [
      {
        path: 'experts',
        element: page(() => import('../features/experts/pages/experts-page').then((m) => m.ExpertsPage)),
      },
      {
        path: 'experts/:id',
        element: page(() => import('../features/experts/pages/expert-detail-page').then((m) => m.ExpertDetailPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="expert.self" />,
    children: [
      {
        path: 'experts/me',
        element: page(() => import('../features/experts/pages/my-expert-page').then((m) => m.MyExpertPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="investor.self" />,
    children: [
      {
        path: 'investors/me',
        element: page(() =>
          import('../features/investors/pages/investor-profile-page').then((m) => m.InvestorProfilePage),
        ),
      },
    ],
  },
  {
    element: <RequirePermission action="expert.write" />,
    children: [
      {
        path: 'experts/new',
        element: page(() => import('../features/experts/pages/expert-edit-page').then((m) => m.ExpertCreatePage)),
      },
      {
        path: 'experts/:id/edit',
        element: page(() => import('../features/experts/pages/expert-edit-page').then((m) => m.ExpertEditPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="carrier.read" />,
    children: [
      {
        path: 'carriers',
        element: page(() => import('../features/carriers/pages/carriers-page').then((m) => m.CarriersPage)),
      },
      {
        path: 'carriers/:id',
        element: page(() => import('../features/carriers/pages/carrier-detail-page').then((m) => m.CarrierDetailPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="carrier.write" />,
    children: [
      {
        path: 'carriers/new',
        element: page(() => import('../features/carriers/pages/carrier-edit-page').then((m) => m.CarrierCreatePage)),
      },
      {
        path: 'carriers/:id/edit',
        element: page(() => import('../features/carriers/pages/carrier-edit-page').then((m) => m.CarrierEditPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="instrument.read" />,
    children: [
      {
        path: 'instruments',
        element: page(() => import('../features/instruments/pages/instruments-page').then((m) => m.InstrumentsPage)),
      },
      {
        path: 'instruments/:id',
        element: page(() =>
          import('../features/instruments/pages/instrument-detail-page').then((m) => m.InstrumentDetailPage),
        ),
      },
    ],
  },
  {
    element: <RequirePermission action="instrument.write" />,
    children: [
      {
        path: 'instruments/new',
        element: page(() =>
          import('../features/instruments/pages/instrument-edit-page').then((m) => m.InstrumentCreatePage),
        ),
      },
      {
        path: 'instruments/:id/edit',
        element: page(() =>
          import('../features/instruments/pages/instrument-edit-page').then((m) => m.InstrumentEditPage),
        ),
      },
    ],
  },
  {
    element: <RequirePermission action="industry.read" />,
    children: [
      {
        path: 'industries',
        element: page(() => import('../features/industries/pages/industries-page').then((m) => m.IndustriesPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="project.read" />,
    children: [
      {
        path: 'projects',
        element: page(() => import('../features/projects/pages/projects-page').then((m) => m.ProjectsPage)),
      },
      {
        path: 'projects/:id',
        element: page(() => import('../features/projects/pages/project-detail-page').then((m) => m.ProjectDetailPage)),
      },
      {
        path: 'solicitations',
        element: page(() => import('../features/projects/pages/solicitations-page').then((m) => m.SolicitationsPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="project.apply" />,
    children: [
      {
        path: 'my-projects',
        element: page(() => import('../features/projects/pages/projects-page').then((m) => m.MyProjectsPage)),
      },
      {
        path: 'projects/apply',
        element: page(() => import('../features/projects/pages/project-apply-page').then((m) => m.ProjectApplyPage)),
      },
      {
        path: 'projects/:id/edit',
        element: page(() => import('../features/projects/pages/project-edit-page').then((m) => m.ProjectEditPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="evaluation.manage" />,
    children: [
      {
        path: 'evaluation-rounds',
        element: page(() => import('../features/evaluations/pages/rounds-page').then((m) => m.RoundsPage)),
      },
      {
        path: 'evaluation-rounds/new',
        element: page(() => import('../features/evaluations/pages/round-create-page').then((m) => m.RoundCreatePage)),
      },
      {
        path: 'evaluation-rounds/:id',
        element: page(() => import('../features/evaluations/pages/round-detail-page').then((m) => m.RoundDetailPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="evaluation.review" />,
    children: [
      {
        path: 'evaluation-invitations',
        element: page(() => import('../features/evaluations/pages/invitations-page').then((m) => m.InvitationsPage)),
      },
      {
        path: 'evaluation-invitations/:id',
        element: page(() => import('../features/evaluations/pages/invitation-page').then((m) => m.InvitationPage)),
      },
    ],
  },
  ...accreditationRoutes,
  ...verificationRoutes,
  ...policyRoutes,
]
