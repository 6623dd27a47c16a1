import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { registerImportRoutes } from '../../platform/registry/import/routes'
import { registerLeadTarget } from '../leads/service'
import {
  ChangeDemandStatus,
  CreateDemand,
  Demand,
  DemandPage,
  DemandQuery,
  Duplicate,
  DuplicateCheck,
  IdParams,
  SavedDemand,
  UpdateDemand,
} from './contracts'
import { exportDemands } from './export'
import { demandImport } from './import-spec'
import { searchDemands } from './search'
import * as demands from './service'
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

/** 需求库: list and search, entry with near-duplicate warnings, edit with history, 状态流转, archive, export, import. */
export function registerDemandRoutes(app: App): void {
  const base = '/api/v1/demands'
  // 我有意向: interest in a record the caller can see becomes a lead for its owner.
  registerLeadTarget(RECORD_TYPE, '技术需求', async (actor, id) => {
    const record = await demands.getDemand(actor, id)
    return { title: record.title, ownerOrgId: record.ownerOrgId }
  })
  app.get(
    base,
    { config: { action: 'demand.read' }, schema: { querystring: DemandQuery, response: { 200: DemandPage } } },
    (req) => searchDemands(req.actor, req.query),
  )
  app.post(
    base,
    { config: { action: 'demand.write' }, schema: { body: CreateDemand, response: { 201: SavedDemand } } },
    async (req, reply) => reply.code(201).send(await demands.createDemand(req.actor, req.body)),
  )
  app.post(
    `${base}/duplicates`,
    {
      config: { action: 'demand.write' },
      schema: { body: DuplicateCheck, response: { 200: z.object({ items: z.array(Duplicate) }) } },
    },
    async (req) => ({
      items: await demands.findDuplicates(req.actor, {
        ...req.body,
        ownerOrgId: req.body.ownerOrgId ?? (req.actor.kind === 'user' ? req.actor.orgId : undefined),
      }),
    }),
  )
  app.get(
    `${base}/export`,
    {
      config: { action: 'registry.export' },
      schema: { querystring: DemandQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="demands.xlsx"; filename*=UTF-8''${encodeURIComponent('技术需求.xlsx')}`,
        )
        .send(await exportDemands(req.actor, req.query)),
  )
  registerImportRoutes(app, base, 'demand.import', demandImport)
  app.get(
    `${base}/:id`,
    { config: { action: 'demand.read' }, schema: { params: IdParams, response: { 200: Demand } } },
    (req) => demands.getDemand(req.actor, req.params.id),
  )
  app.patch(
    `${base}/:id`,
    { config: { action: 'demand.write' }, schema: { params: IdParams, body: UpdateDemand, response: { 200: Demand } } },
    (req) => demands.updateDemand(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/status`,
    {
      config: { action: 'demand.write' },
      schema: { params: IdParams, body: ChangeDemandStatus, response: { 200: Demand } },
    },
    (req) => demands.changeDemandStatus(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/archive`,
    { config: { action: 'demand.write' }, schema: { params: IdParams, body: EmptyBody, response: { 200: Demand } } },
    (req) => demands.setArchived(req.actor, req.params.id, true),
  )
  app.post(
    `${base}/:id/restore`,
    { config: { action: 'demand.write' }, schema: { params: IdParams, body: EmptyBody, response: { 200: Demand } } },
    (req) => demands.setArchived(req.actor, req.params.id, false),
  )
  app.get(
    `${base}/:id/history`,
    { config: { action: 'demand.read' }, schema: { params: IdParams, response: { 200: Revisions } } },
    (req) => demands.demandHistory(req.actor, req.params.id),
  )
}
