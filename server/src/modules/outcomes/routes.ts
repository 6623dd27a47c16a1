import type { App } from '../../platform/http/types'
import { IdParams, Outcome, OutcomeList, RecordOutcome } from './contracts'
import { listOutcomes, recordOutcome } from './service'

export function registerOutcomeRoutes(app: App) {
  app.get(
    '/api/v1/projects/:id/outcomes',
    { config: { action: 'outcome.read' }, schema: { params: IdParams, response: { 200: OutcomeList } } },
    (req) => listOutcomes(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/projects/:id/outcomes',
    {
      config: { action: 'outcome.record' },
      schema: { params: IdParams, body: RecordOutcome, response: { 201: Outcome } },
    },
    async (req, reply) => reply.code(201).send(await recordOutcome(req.actor, req.params.id, req.body)),
  )
}
