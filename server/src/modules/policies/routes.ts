import { z } from 'zod'
import { db } from '../../db'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { registerApplicationRoutes } from './application-routes'
import { budgetView } from './budget'
import { calculate } from './calculator'
import * as catalog from './catalog'
import {
  BudgetQuery,
  BudgetView,
  Calculate,
  CandidateList,
  CodeParams,
  Computation,
  EntitlementRun,
  IdParams,
  LedgerPage,
  LedgerQuery,
  Notification,
  NotificationPage,
  NotificationQuery,
  Policy,
  PolicyList,
  PolicyQuery,
  RevisePolicy,
  SetParameters,
  YearBody,
  YearQuery,
} from './contracts'
import { listNotifications, markRead } from './inbox'
import { ledgerView } from './ledger-view'
import { grantEntitlements, listCandidates, pushPolicy } from './push'
import { loadShippedPolicies } from './rules'
import './home'

/** 政策库、计算器、精准推送、免申即享、预算、站内消息. The shipped policies are loaded when the app is ready. */
export function registerPolicyRoutes(app: App) {
  app.addHook('onReady', async () => {
    await db.transaction((tx) => loadShippedPolicies(tx))
  })
  app.get(
    '/api/v1/policies',
    { config: { action: 'policy.read' }, schema: { querystring: PolicyQuery, response: { 200: PolicyList } } },
    (req) => catalog.listPolicies(req.actor, req.query),
  )
  app.post(
    '/api/v1/policies',
    { config: { action: 'policy.manage' }, schema: { body: RevisePolicy, response: { 201: Policy } } },
    async (req, reply) => reply.code(201).send(await catalog.createPolicy(req.actor, req.body)),
  )
  app.get(
    '/api/v1/policies/:code',
    { config: { action: 'policy.read' }, schema: { params: CodeParams, response: { 200: Policy } } },
    (req) => catalog.getPolicy(req.actor, req.params.code),
  )
  app.get(
    '/api/v1/policies/:code/versions',
    { config: { action: 'policy.read' }, schema: { params: CodeParams, response: { 200: PolicyList } } },
    (req) => catalog.policyVersions(req.actor, req.params.code),
  )
  app.put(
    '/api/v1/policies/:code',
    {
      config: { action: 'policy.manage' },
      schema: { params: CodeParams, body: RevisePolicy, response: { 200: Policy } },
    },
    (req) => catalog.revisePolicy(req.actor, req.params.code, req.body),
  )
  app.post(
    '/api/v1/policies/:code/parameters',
    {
      config: { action: 'policy.manage' },
      schema: { params: CodeParams, body: SetParameters, response: { 200: Policy } },
    },
    (req) => catalog.setParameters(req.actor, req.params.code, req.body),
  )
  app.get(
    '/api/v1/policies/:code/candidates',
    {
      config: { action: 'policy.push' },
      schema: { params: CodeParams, querystring: YearQuery, response: { 200: CandidateList } },
    },
    (req) => listCandidates(req.actor, req.params.code, req.query.year),
  )
  app.post(
    '/api/v1/policies/:code/push',
    {
      config: { action: 'policy.push' },
      schema: { params: CodeParams, body: YearBody, response: { 200: CandidateList } },
    },
    (req) => pushPolicy(req.actor, req.params.code, req.body.year),
  )
  app.post(
    '/api/v1/policies/:code/entitlements',
    {
      config: { action: 'policy.manage' },
      schema: { params: CodeParams, body: YearBody, response: { 200: EntitlementRun } },
    },
    (req) => grantEntitlements(req.actor, req.params.code, req.body.year),
  )
  app.post(
    '/api/v1/policy-calculator',
    {
      config: { action: 'policy.calculate' },
      schema: { body: Calculate, response: { 200: Computation.extend({ basis: z.string() }) } },
    },
    (req) => calculate(req.actor, req.body),
  )
  app.get(
    '/api/v1/policy-budget',
    { config: { action: 'policy.budget.read' }, schema: { querystring: BudgetQuery, response: { 200: BudgetView } } },
    (req) => budgetView(req.actor, req.query),
  )
  app.get(
    '/api/v1/policy-ledger',
    { config: { action: 'policy.budget.read' }, schema: { querystring: LedgerQuery, response: { 200: LedgerPage } } },
    (req) => ledgerView(req.actor, req.query),
  )
  app.get(
    '/api/v1/notifications',
    {
      config: { action: 'notification.read' },
      schema: { querystring: NotificationQuery, response: { 200: NotificationPage } },
    },
    (req) => listNotifications(req.actor, req.query),
  )
  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { action: 'notification.read' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Notification } },
    },
    (req) => markRead(req.actor, req.params.id),
  )
  registerApplicationRoutes(app)
}
