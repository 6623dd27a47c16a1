import type { App } from '../../platform/http/types'
import { IdParams, Outcome, OutcomeList, RecordOutcome, Statistics, StatisticsQuery } from './contracts'
import { listOutcomes, recordOutcome } from './service'
import { myStatistics } from './statistics'

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
  app.get(
    '/api/v1/outcome-statistics',
    {
      config: { action: 'outcome.statistics' },
      schema: { querystring: StatisticsQuery, response: { 200: Statistics } },
    },
    (req) => myStatistics(req.actor, req.query.from, req.query.to),
  )
}
