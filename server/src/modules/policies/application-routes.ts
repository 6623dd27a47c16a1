import type { App } from '../../platform/http/types'
import {
  applyForPolicy,
  getApplication,
  listApplications,
  resubmitApplication,
  withdrawApplication,
} from './applications'
import {
  ApplicationDetail,
  ApplicationPage,
  ApplicationQuery,
  Apply,
  IdParams,
  Payment,
  Resubmit,
  Review,
  Withdraw,
} from './contracts'
import { payApplication, reviewApplication } from './decisions'

/** 申报 → 区县审核 → 市级审核（核定）→ 拨付, each decision audited and explained. */
export function registerApplicationRoutes(app: App) {
  app.get(
    '/api/v1/policy-applications',
    {
      config: { action: 'policy.application.read' },
      schema: { querystring: ApplicationQuery, response: { 200: ApplicationPage } },
    },
    (req) => listApplications(req.actor, req.query),
  )
  app.post(
    '/api/v1/policy-applications',
    { config: { action: 'policy.apply' }, schema: { body: Apply, response: { 201: ApplicationDetail } } },
    async (req, reply) => reply.code(201).send(await applyForPolicy(req.actor, req.body)),
  )
  app.get(
    '/api/v1/policy-applications/:id',
    {
      config: { action: 'policy.application.read' },
      schema: { params: IdParams, response: { 200: ApplicationDetail } },
    },
    (req) => getApplication(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/policy-applications/:id/resubmit',
    {
      config: { action: 'policy.apply' },
      schema: { params: IdParams, body: Resubmit, response: { 200: ApplicationDetail } },
    },
    (req) => resubmitApplication(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/policy-applications/:id/withdraw',
    {
      config: { action: 'policy.apply' },
      schema: { params: IdParams, body: Withdraw, response: { 200: ApplicationDetail } },
    },
    (req) => withdrawApplication(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/policy-applications/:id/review',
    {
      config: { action: 'policy.review' },
      schema: { params: IdParams, body: Review, response: { 200: ApplicationDetail } },
    },
    (req) => reviewApplication(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/policy-applications/:id/payments',
    {
      config: { action: 'policy.pay' },
      schema: { params: IdParams, body: Payment, response: { 200: ApplicationDetail } },
    },
    (req) => payApplication(req.actor, req.params.id, req.body),
  )
}
