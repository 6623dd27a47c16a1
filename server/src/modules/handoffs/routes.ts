import { z } from 'zod'
import type { App } from '../../platform/http/types'
import {
  AddFinding,
  AddPilotMilestone,
  CompleteHandoff,
  CompletePilotMilestone,
  FindingResponse,
  Handoff,
  HandoffList,
  HandoffQuery,
  IdParams,
  OfferInput,
  RespondInput,
  Suggestion,
  SuggestionQuery,
  WithdrawInput,
} from './contracts'
import { addFinding, addPilotMilestone, completeHandoff, completePilotMilestone, respondToFinding } from './pilot'
import { getHandoff, myHandoffs, offerProject, projectHandoffs, respondToOffer, withdrawOffer } from './service'
import { suggestPlatforms } from './suggestions'
import './home'

const one = { 200: Handoff }
const platform = { action: 'handoff.respond' } as const
const center = { action: 'handoff.manage' } as const

export function registerHandoffRoutes(app: App) {
  app.get(
    '/api/v1/projects/:id/pilot-suggestions',
    {
      config: center,
      schema: {
        params: IdParams,
        querystring: SuggestionQuery,
        response: { 200: z.object({ items: z.array(Suggestion) }) },
      },
    },
    (req) => suggestPlatforms(req.actor, req.params.id, req.query.limit),
  )
  app.post(
    '/api/v1/projects/:id/handoffs',
    { config: center, schema: { params: IdParams, body: OfferInput, response: { 201: HandoffList } } },
    async (req, reply) => reply.code(201).send(await offerProject(req.actor, req.params.id, req.body)),
  )
  app.get(
    '/api/v1/projects/:id/handoffs',
    { config: { action: 'handoff.read' }, schema: { params: IdParams, response: { 200: HandoffList } } },
    (req) => projectHandoffs(req.actor, req.params.id),
  )
  app.get(
    '/api/v1/handoffs',
    { config: { action: 'handoff.read' }, schema: { querystring: HandoffQuery, response: { 200: HandoffList } } },
    (req) => myHandoffs(req.actor, req.query),
  )
  app.get(
    '/api/v1/handoffs/:id',
    { config: { action: 'handoff.read' }, schema: { params: IdParams, response: one } },
    (req) => getHandoff(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/handoffs/:id/respond',
    { config: platform, schema: { params: IdParams, body: RespondInput, response: one } },
    (req) => respondToOffer(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/handoffs/:id/withdraw',
    { config: center, schema: { params: IdParams, body: WithdrawInput, response: one } },
    (req) => withdrawOffer(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/handoffs/:id/milestones',
    { config: platform, schema: { params: IdParams, body: AddPilotMilestone, response: one } },
    (req) => addPilotMilestone(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/pilot-milestones/:id/done',
    { config: platform, schema: { params: IdParams, body: CompletePilotMilestone, response: one } },
    (req) => completePilotMilestone(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/handoffs/:id/findings',
    { config: platform, schema: { params: IdParams, body: AddFinding, response: one } },
    (req) => addFinding(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/handoff-findings/:id/respond',
    { config: center, schema: { params: IdParams, body: FindingResponse, response: one } },
    (req) => respondToFinding(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/handoffs/:id/complete',
    { config: platform, schema: { params: IdParams, body: CompleteHandoff, response: one } },
    (req) => completeHandoff(req.actor, req.params.id, req.body),
  )
}
