import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import * as accreditations from './accreditations'
import * as applications from './applications'
import * as calls from './calls'
import * as certificates from './certificates'
import * as c from './contracts'
import * as evaluations from './evaluations'
import * as notices from './notices'
import * as reviews from './reviews'
import * as rules from './rules'
import * as supervision from './supervision'
import * as targets from './targets'
import * as view from './view'
import './home'

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) })

export function registerAccreditationRoutes(app: App) {
  registerRuleRoutes(app)
  registerProcedureRoutes(app)
  registerSupervisionRoutes(app)
}

function registerRuleRoutes(app: App) {
  const read = { action: 'accreditationRule.read' } as const
  app.get(
    '/api/v1/accreditation/rules',
    { config: read, schema: { querystring: c.RulesQuery, response: { 200: items(c.RuleVersionOut) } } },
    (req) => rules.listRules(req.actor, req.query),
  )
  app.get(
    '/api/v1/accreditation/rules/in-force',
    { config: read, schema: { querystring: c.InForceQuery, response: { 200: c.RuleVersionOut } } },
    (req) => rules.ruleForDate(req.actor, req.query),
  )
  app.get(
    '/api/v1/accreditation/rules/:id',
    { config: read, schema: { params: c.IdParams, response: { 200: c.RuleVersionOut } } },
    (req) => rules.getRule(req.actor, req.params.id),
  )
  const manage = { action: 'accreditation.manage' } as const
  app.post(
    '/api/v1/accreditation/rules',
    { config: manage, schema: { body: c.AddRuleVersion, response: { 201: c.RuleVersionOut } } },
    async (req, reply) => reply.code(201).send(await rules.addRuleVersion(req.actor, req.body)),
  )
  app.post(
    '/api/v1/accreditation/rules/:id/parameters',
    { config: manage, schema: { params: c.IdParams, body: c.SetParameters, response: { 201: c.RuleVersionOut } } },
    async (req, reply) => reply.code(201).send(await rules.setParameters(req.actor, req.params.id, req.body)),
  )
  app.get(
    '/api/v1/targets',
    { config: { action: 'targets.read' }, schema: { querystring: c.TargetsQuery, response: { 200: c.ProgressOut } } },
    (req) => targets.targetsProgress(req.actor, req.query.city),
  )
  app.get(
    '/api/v1/targets/coverage',
    { config: { action: 'targets.read' }, schema: { querystring: c.CoverageQuery, response: { 200: c.CoverageOut } } },
    (req) => targets.coverage(req.actor, req.query.city, req.query.system),
  )
}

function registerProcedureRoutes(app: App) {
  const open = { action: 'publicNotice.read' } as const
  const manage = { action: 'accreditation.manage' } as const
  const apply = { action: 'accreditation.apply' } as const
  const review = { action: 'accreditation.review' } as const
  const id = c.IdParams
  app.get(
    '/api/v1/accreditation/calls',
    { config: open, schema: { querystring: c.CityQuery, response: { 200: items(c.CallOut) } } },
    (req) => calls.listCalls(req.actor, req.query.city),
  )
  app.get(
    '/api/v1/accreditation/calls/:id',
    { config: open, schema: { params: id, response: { 200: c.CallOut } } },
    (req) => calls.getCall(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/accreditation/calls',
    { config: manage, schema: { body: c.OpenCall, response: { 201: c.CallOut } } },
    async (req, reply) => reply.code(201).send(await calls.openCall(req.actor, req.body)),
  )
  app.post(
    '/api/v1/accreditation/calls/:id/close',
    { config: manage, schema: { params: id, body: EmptyBody, response: { 200: c.CallOut } } },
    (req) => calls.closeCall(req.actor, req.params.id),
  )
  app.get(
    '/api/v1/accreditation/applications',
    {
      config: { action: 'accreditation.read' },
      schema: {
        querystring: c.ApplicationsQuery,
        response: { 200: z.object({ items: z.array(c.ApplicationOut), total: z.number() }) },
      },
    },
    (req) => view.listApplications(req.actor, req.query),
  )
  app.get(
    '/api/v1/accreditation/applications/:id',
    { config: { action: 'accreditation.read' }, schema: { params: id, response: { 200: c.ApplicationOut } } },
    (req) => view.getApplication(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/accreditation/applications',
    { config: apply, schema: { body: c.CreateApplication, response: { 201: c.ApplicationOut } } },
    async (req, reply) => reply.code(201).send(await applications.createApplication(req.actor, req.body)),
  )
  app.patch(
    '/api/v1/accreditation/applications/:id',
    { config: apply, schema: { params: id, body: c.UpdateApplication, response: { 200: c.ApplicationOut } } },
    (req) => applications.updateApplication(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/accreditation/applications/:id/submit',
    { config: apply, schema: { params: id, body: c.VersionBody, response: { 200: c.ApplicationOut } } },
    (req) => applications.submitApplication(req.actor, req.params.id, req.body.version),
  )
  app.post(
    '/api/v1/accreditation/applications/:id/withdraw',
    { config: apply, schema: { params: id, body: c.WithdrawBody, response: { 200: c.ApplicationOut } } },
    (req) => applications.withdrawApplication(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/accreditation/applications/:id/review',
    { config: review, schema: { params: id, body: c.ReviewBody, response: { 200: c.ApplicationOut } } },
    (req) => reviews.reviewApplication(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/accreditation/applications/:id/site-visits',
    { config: review, schema: { params: id, body: c.SiteVisitBody, response: { 200: c.ApplicationOut } } },
    (req) => reviews.recordSiteVisit(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/accreditation/applications/:id/propose',
    { config: manage, schema: { params: id, body: c.ProposeBody, response: { 200: c.ApplicationOut } } },
    (req) => reviews.proposeApplication(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/accreditation/applications/:id/accredit',
    { config: manage, schema: { params: id, body: c.VersionBody, response: { 200: c.ApplicationOut } } },
    (req) => certificates.accreditApplication(req.actor, req.params.id, req.body.version),
  )
  app.get(
    '/api/v1/public-notices',
    { config: open, schema: { querystring: c.CityQuery, response: { 200: items(c.NoticeOut) } } },
    (req) => notices.listNotices(req.actor, req.query.city),
  )
  app.get(
    '/api/v1/public-notices/:id',
    { config: open, schema: { params: id, response: { 200: c.NoticeOut } } },
    (req) => notices.getNotice(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/public-notices',
    { config: manage, schema: { body: c.PublishNotice, response: { 201: c.NoticeOut } } },
    async (req, reply) => reply.code(201).send(await notices.publishNotice(req.actor, req.body)),
  )
  app.post(
    '/api/v1/public-notices/:id/objections',
    {
      config: { action: 'accreditation.object' },
      schema: { params: id, body: c.FileObjection, response: { 201: c.ObjectionOut } },
    },
    async (req, reply) => reply.code(201).send(await notices.fileObjection(req.actor, req.params.id, req.body)),
  )
  app.get(
    '/api/v1/public-notices/:id/objections',
    { config: manage, schema: { params: id, response: { 200: c.ObjectionsOut } } },
    (req) => notices.listObjections(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/accreditation/objections/:id/resolve',
    {
      config: manage,
      schema: {
        params: id,
        body: c.ResolveObjection,
        response: { 200: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    (req) => certificates.resolveObjection(req.actor, req.params.id, req.body),
  )
}

function registerSupervisionRoutes(app: App) {
  const manage = { action: 'accreditation.manage' } as const
  const read = { action: 'accreditation.read' } as const
  const id = c.IdParams
  app.get(
    '/api/v1/accreditations',
    {
      config: { action: 'publicNotice.read' },
      schema: { querystring: c.AccreditationsQuery, response: { 200: items(c.AccreditationOut) } },
    },
    (req) => accreditations.listAccreditations(req.actor, req.query),
  )
  app.get(
    '/api/v1/accreditations/:id',
    { config: { action: 'publicNotice.read' }, schema: { params: id, response: { 200: c.AccreditationOut } } },
    (req) => accreditations.getAccreditation(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/accreditations/sweep',
    {
      config: manage,
      schema: { body: EmptyBody, response: { 200: z.object({ ended: z.array(c.AccreditationOut) }) } },
    },
    (req) => accreditations.sweepDeregistered(req.actor),
  )
  app.post(
    '/api/v1/accreditations/:id/revoke',
    { config: manage, schema: { params: id, body: c.RevokeBody, response: { 200: c.AccreditationOut } } },
    (req) => supervision.revokeAccreditation(req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/v1/accreditations/:id/changes',
    { config: read, schema: { params: id, response: { 200: items(c.ChangeOut) } } },
    (req) => supervision.listChanges(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/accreditations/:id/changes',
    {
      config: { action: 'accreditation.apply' },
      schema: { params: id, body: c.ReportChange, response: { 201: c.ChangeOut } },
    },
    async (req, reply) => reply.code(201).send(await supervision.reportChange(req.actor, req.params.id, req.body)),
  )
  app.post(
    '/api/v1/accreditation/changes/:id/reassess',
    { config: manage, schema: { params: id, body: c.Reassess, response: { 200: c.ChangeOut } } },
    (req) => supervision.reassessChange(req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/v1/accreditations/:id/evaluation-draft',
    { config: manage, schema: { params: id, querystring: c.YearQuery } },
    (req) => evaluations.evaluationDraft(req.actor, req.params.id, req.query.year),
  )
  app.get(
    '/api/v1/accreditations/:id/evaluations',
    { config: read, schema: { params: id, response: { 200: items(c.EvaluationOut) } } },
    (req) => evaluations.listEvaluations(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/accreditations/:id/evaluations',
    { config: manage, schema: { params: id, body: c.RecordEvaluation, response: { 201: c.EvaluationOut } } },
    async (req, reply) => reply.code(201).send(await evaluations.recordEvaluation(req.actor, req.params.id, req.body)),
  )
}
