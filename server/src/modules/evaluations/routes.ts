import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { decideProject } from './admission'
import { getAssignment, runAssignment } from './assign'
import { listCandidates } from './candidates'
import {
  AssignmentView,
  CandidateList,
  CandidateQuery,
  CreateRound,
  DecisionInput,
  DecisionResult,
  Feedback,
  IdParams,
  PairParams,
  PairRuleInput,
  Results,
  RoundDetail,
  RoundList,
  RoundProjectParams,
  UpdateRound,
  UpdateRoundProject,
} from './contracts'
import { evaluationFeedback } from './feedback'
import { registerInvitationRoutes } from './invitation-routes'
import { removePairRule, setPairRule } from './pairs'
import { getResults } from './results'
import { createRound, updateRound, updateRoundProject } from './rounds'
import { getRound, listRounds } from './view'
import './reminders'

const base = '/api/v1/evaluation-rounds'
const manage = { action: 'evaluation.manage' } as const

/** 入库评价: the center's rounds (organizer), the experts' invitations, the applicant's anonymized feedback. */
export function registerEvaluationRoutes(app: App) {
  app.post(
    base,
    { config: manage, schema: { body: CreateRound, response: { 201: RoundDetail } } },
    async (req, reply) => reply.code(201).send(await createRound(req.actor, req.body)),
  )
  app.get(base, { config: manage, schema: { response: { 200: RoundList } } }, (req) => listRounds(req.actor))
  app.get(`${base}/:id`, { config: manage, schema: { params: IdParams, response: { 200: RoundDetail } } }, (req) =>
    getRound(req.actor, req.params.id),
  )
  app.patch(
    `${base}/:id`,
    { config: manage, schema: { params: IdParams, body: UpdateRound, response: { 200: RoundDetail } } },
    (req) => updateRound(req.actor, req.params.id, req.body),
  )
  app.patch(
    `${base}/:id/projects/:projectId`,
    {
      config: manage,
      schema: { params: RoundProjectParams, body: UpdateRoundProject, response: { 200: RoundDetail } },
    },
    (req) => updateRoundProject(req.actor, req.params.id, req.params.projectId, req.body),
  )
  app.put(
    `${base}/:id/pairs`,
    { config: manage, schema: { params: IdParams, body: PairRuleInput, response: { 200: RoundDetail } } },
    (req) => setPairRule(req.actor, req.params.id, req.body),
  )
  app.delete(
    `${base}/:id/pairs/:projectId/:expertId`,
    { config: manage, schema: { params: PairParams, body: EmptyBody, response: { 200: RoundDetail } } },
    (req) => removePairRule(req.actor, req.params.id, req.params.projectId, req.params.expertId),
  )
  app.post(
    `${base}/:id/assign`,
    { config: manage, schema: { params: IdParams, body: EmptyBody, response: { 200: AssignmentView } } },
    (req) => runAssignment(req.actor, req.params.id),
  )
  app.get(
    `${base}/:id/assignment`,
    { config: manage, schema: { params: IdParams, response: { 200: AssignmentView } } },
    (req) => getAssignment(req.actor, req.params.id),
  )
  app.get(
    `${base}/:id/candidates`,
    { config: manage, schema: { params: IdParams, querystring: CandidateQuery, response: { 200: CandidateList } } },
    (req) => listCandidates(req.actor, req.params.id, req.query.projectId),
  )
  app.get(`${base}/:id/results`, { config: manage, schema: { params: IdParams, response: { 200: Results } } }, (req) =>
    getResults(req.actor, req.params.id),
  )
  app.post(
    `${base}/:id/decisions`,
    { config: manage, schema: { params: IdParams, body: DecisionInput, response: { 200: DecisionResult } } },
    (req) => decideProject(req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/v1/projects/:id/evaluation-feedback',
    { config: { action: 'project.read' }, schema: { params: IdParams, response: { 200: Feedback } } },
    (req) => evaluationFeedback(req.actor, req.params.id),
  )
  registerInvitationRoutes(app)
}
