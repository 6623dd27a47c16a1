import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { registerImportRoutes } from '../../platform/registry/import/routes'
import { registerLeadTarget } from '../leads/service'
import {
  ChangeScenarioStatus,
  CreateScenario,
  Duplicate,
  DuplicateCheck,
  IdParams,
  SavedScenario,
  Scenario,
  ScenarioPage,
  ScenarioQuery,
  UpdateScenario,
} from './contracts'
import { exportScenarios } from './export'
import { scenarioImport } from './import-spec'
import { searchScenarios } from './search'
import * as scenarios from './service'
import { RECORD_TYPE } from './view'

const Revisions = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      changedFields: z.array(z.string()),
      changedBy: z.string().nullable(),
      changedAt: z.string(),
      note: z.string().nullable(),
      data: z.unknown(),
    }),
  ),
})

/** 场景清单: list and search, publishing with near-duplicate warnings, edit with history, 征集状态, archive, export, import. */
export function registerScenarioRoutes(app: App): void {
  const base = '/api/v1/scenarios'
  // 我有意向: interest in a record the caller can see becomes a lead for its owner.
  registerLeadTarget(RECORD_TYPE, '应用场景', async (actor, id) => {
    const record = await scenarios.getScenario(actor, id)
    return { title: record.title, ownerOrgId: record.ownerOrgId }
  })
  app.get(
    base,
    { config: { action: 'scenario.read' }, schema: { querystring: ScenarioQuery, response: { 200: ScenarioPage } } },
    (req) => searchScenarios(req.actor, req.query),
  )
  app.post(
    base,
    { config: { action: 'scenario.write' }, schema: { body: CreateScenario, response: { 201: SavedScenario } } },
    async (req, reply) => reply.code(201).send(await scenarios.createScenario(req.actor, req.body)),
  )
  app.post(
    `${base}/duplicates`,
    {
      config: { action: 'scenario.write' },
      schema: { body: DuplicateCheck, response: { 200: z.object({ items: z.array(Duplicate) }) } },
    },
    async (req) => ({
      items: await scenarios.findDuplicates(req.actor, {
        ...req.body,
        ownerOrgId: req.body.ownerOrgId ?? (req.actor.kind === 'user' ? req.actor.orgId : undefined),
      }),
    }),
  )
  app.get(
    `${base}/export`,
    {
      config: { action: 'registry.export' },
      schema: { querystring: ScenarioQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="scenarios.xlsx"; filename*=UTF-8''${encodeURIComponent('应用场景.xlsx')}`,
        )
        .send(await exportScenarios(req.actor, req.query)),
  )
  registerImportRoutes(app, base, 'scenario.import', scenarioImport)
  app.get(
    `${base}/:id`,
    { config: { action: 'scenario.read' }, schema: { params: IdParams, response: { 200: Scenario } } },
    (req) => scenarios.getScenario(req.actor, req.params.id),
  )
  app.patch(
    `${base}/:id`,
    {
      config: { action: 'scenario.write' },
      schema: { params: IdParams, body: UpdateScenario, response: { 200: Scenario } },
    },
    (req) => scenarios.updateScenario(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/status`,
    {
      config: { action: 'scenario.write' },
      schema: { params: IdParams, body: ChangeScenarioStatus, response: { 200: Scenario } },
    },
    (req) => scenarios.changeScenarioStatus(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/archive`,
    {
      config: { action: 'scenario.write' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Scenario } },
    },
    (req) => scenarios.setArchived(req.actor, req.params.id, true),
  )
  app.post(
    `${base}/:id/restore`,
    {
      config: { action: 'scenario.write' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Scenario } },
    },
    (req) => scenarios.setArchived(req.actor, req.params.id, false),
  )
  app.get(
    `${base}/:id/history`,
    { config: { action: 'scenario.read' }, schema: { params: IdParams, response: { 200: Revisions } } },
    (req) => scenarios.scenarioHistory(req.actor, req.params.id),
  )
}
