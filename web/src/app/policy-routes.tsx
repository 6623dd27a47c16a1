import { type ComponentType, lazy } from 'react'
import type { RouteObject } from 'react-router-dom'
import { RequirePermission } from './guards'

/** A page loaded when first visited. */
function page(load: () => Promise<ComponentType>) {
  const Component = lazy(async () => ({ default: await load() }))
  return <Component />
}

/**
 * 政策兑现 (policies, applications, push, budget and ledger), 创新券 and 科技服务订单, and 站内消息 in the workspace.
 * Notification links point here: /policies/:code, /policies/applications/:id, /vouchers/:id, /service-orders/:id.
 */
export const policyRoutes: RouteObject[] = [
  {
    element: <RequirePermission action="policy.application.read" />,
    children: [
      {
        path: 'policies',
        element: page(() => import('../features/policies/pages/policies-page').then((m) => m.PoliciesPage)),
      },
      {
        path: 'policies/calculator',
        element: page(() => import('../features/policies/pages/calculator-page').then((m) => m.CalculatorPage)),
      },
      {
        path: 'policies/applications',
        element: page(() => import('../features/policies/pages/applications-page').then((m) => m.ApplicationsPage)),
      },
      {
        path: 'policies/applications/:id',
        element: page(() =>
          import('../features/policies/pages/application-detail-page').then((m) => m.ApplicationDetailPage),
        ),
      },
      {
        path: 'policies/:code',
        element: page(() => import('../features/policies/pages/policy-detail-page').then((m) => m.PolicyDetailPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="policy.apply" />,
    children: [
      {
        path: 'policies/:code/apply',
        element: page(() => import('../features/policies/pages/apply-page').then((m) => m.ApplyPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="policy.push" />,
    children: [
      {
        path: 'policies/push',
        element: page(() => import('../features/policies/pages/push-page').then((m) => m.PushPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="policy.budget.read" />,
    children: [
      {
        path: 'policies/budget',
        element: page(() => import('../features/policies/pages/budget-page').then((m) => m.BudgetPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="voucher.read" />,
    children: [
      {
        path: 'vouchers',
        element: page(() => import('../features/vouchers/pages/vouchers-page').then((m) => m.VouchersPage)),
      },
      {
        path: 'vouchers/:id',
        element: page(() => import('../features/vouchers/pages/voucher-detail-page').then((m) => m.VoucherDetailPage)),
      },
      {
        path: 'service-orders',
        element: page(() => import('../features/vouchers/pages/service-orders-page').then((m) => m.ServiceOrdersPage)),
      },
      {
        path: 'service-orders/:id',
        element: page(() => import('../features/vouchers/pages/order-detail-page').then((m) => m.OrderDetailPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="voucher.order" />,
    children: [
      {
        path: 'service-orders/new',
        element: page(() => import('../features/vouchers/pages/order-create-page').then((m) => m.OrderCreatePage)),
      },
    ],
  },
  {
    element: <RequirePermission action="voucher.review" />,
    children: [
      {
        path: 'vouchers/credit',
        element: page(() => import('../features/vouchers/pages/credit-page').then((m) => m.CreditPage)),
      },
    ],
  },
  {
    element: <RequirePermission action="notification.read" />,
    children: [
      {
        path: 'notifications',
        element: page(() =>
          import('../features/notifications/pages/notifications-page').then((m) => m.NotificationsPage),
        ),
      },
    ],
  },
]

/** 政策兑现 on the public portal: the policy list, a policy's page and the calculator, without signing in. */
export const publicPolicyRoutes: RouteObject[] = [
  {
    path: 'policies',
    element: page(() => import('../features/policies/pages/public-policies-page').then((m) => m.PublicPoliciesPage)),
  },
  {
    path: 'policies/:code',
    element: page(() =>
      import('../features/policies/pages/public-policy-detail-page').then((m) => m.PublicPolicyDetailPage),
    ),
  },
  {
    path: 'policy-calculator',
    element: page(() =>
      import('../features/policies/pages/public-calculator-page').then((m) => m.PublicCalculatorPage),
    ),
  },
]
