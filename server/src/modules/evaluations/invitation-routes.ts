import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import {
  DeclareConflict,
  Decline,
  IdParams,
  InvitationDetail,
  InvitationList,
  InvitationQuery,
  SaveReview,
} from './contracts'
import { getInvitation, listInvitations } from './invitations'
import { acceptInvitation, confirmNoConflict, declareConflict, declineInvitation, saveReview } from './responses'

const base = '/api/v1/evaluation-invitations'
const review = { action: 'evaluation.review' } as const
const detail = { 200: InvitationDetail }

/** The expert's side: invitations, 无利益冲突确认 / 申报回避, accept or decline, scores with comments. */
export function registerInvitationRoutes(app: App) {
  app.get(
    base,
    { config: review, schema: { querystring: InvitationQuery, response: { 200: InvitationList } } },
    (req) => listInvitations(req.actor, req.query),
  )
  app.get(`${base}/:id`, { config: review, schema: { params: IdParams, response: detail } }, (req) =>
    getInvitation(req.actor, req.params.id),
  )
  app.post(
    `${base}/:id/confirm-no-conflict`,
    { config: review, schema: { params: IdParams, body: EmptyBody, response: detail } },
    (req) => confirmNoConflict(req.actor, req.params.id),
  )
  app.post(
    `${base}/:id/declare-conflict`,
    { config: review, schema: { params: IdParams, body: DeclareConflict, response: detail } },
    (req) => declareConflict(req.actor, req.params.id, req.body.note),
  )
  app.post(
    `${base}/:id/accept`,
    { config: review, schema: { params: IdParams, body: EmptyBody, response: detail } },
    (req) => acceptInvitation(req.actor, req.params.id),
  )
  app.post(
    `${base}/:id/decline`,
    { config: review, schema: { params: IdParams, body: Decline, response: detail } },
    (req) => declineInvitation(req.actor, req.params.id, req.body.reason),
  )
  app.put(
    `${base}/:id/review`,
    { config: review, schema: { params: IdParams, body: SaveReview, response: detail } },
    (req) => saveReview(req.actor, req.params.id, req.body),
  )
}
