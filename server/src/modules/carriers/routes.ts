import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { registerImportRoutes } from '../../platform/registry/import/routes'
import {
  Carrier,
  CarrierPage,
  CarrierQuery,
  CreateCarrier,
  Duplicate,
  DuplicateCheck,
  IdParams,
  SavedCarrier,
  UpdateCarrier,
} from './contracts'
import { exportCarriers } from './export'
import { carrierImport } from './import-spec'
import { searchCarriers } from './search'
import * as carriers from './service'

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

export function registerCarrierRoutes(app: App): void {
  const base = '/api/v1/carriers'
  app.get(
    base,
    { config: { action: 'carrier.read' }, schema: { querystring: CarrierQuery, response: { 200: CarrierPage } } },
    (req) => searchCarriers(req.actor, req.query),
  )
  app.post(
    base,
    { config: { action: 'carrier.write' }, schema: { body: CreateCarrier, response: { 201: SavedCarrier } } },
    async (req, reply) => reply.code(201).send(await carriers.createCarrier(req.actor, req.body)),
  )
  app.post(
    `${base}/duplicates`,
    {
      config: { action: 'carrier.write' },
      schema: { body: DuplicateCheck, response: { 200: z.object({ items: z.array(Duplicate) }) } },
    },
    async (req) => ({
      items: await carriers.findDuplicates(req.actor, {
        name: req.body.name,
        introduction: req.body.introduction,
        ownerOrgId: req.body.organizationId ?? (req.actor.kind === 'user' ? req.actor.orgId : undefined),
      }),
    }),
  )
  app.get(
    `${base}/export`,
    {
      config: { action: 'registry.export' },
      schema: { querystring: CarrierQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const file = await exportCarriers(req.actor, req.query)
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="carriers.xlsx"; filename*=UTF-8''${encodeURIComponent('载体.xlsx')}`,
        )
        .send(file)
    },
  )
  registerImportRoutes(app, base, 'carrier.import', carrierImport)
  app.get(
    `${base}/:id`,
    { config: { action: 'carrier.read' }, schema: { params: IdParams, response: { 200: Carrier } } },
    (req) => carriers.getCarrier(req.actor, req.params.id),
  )
  app.patch(
    `${base}/:id`,
    {
      config: { action: 'carrier.write' },
      schema: { params: IdParams, body: UpdateCarrier, response: { 200: Carrier } },
    },
    (req) => carriers.updateCarrier(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/archive`,
    { config: { action: 'carrier.write' }, schema: { params: IdParams, body: EmptyBody, response: { 200: Carrier } } },
    (req) => carriers.setArchived(req.actor, req.params.id, true),
  )
  app.post(
    `${base}/:id/restore`,
    { config: { action: 'carrier.write' }, schema: { params: IdParams, body: EmptyBody, response: { 200: Carrier } } },
    (req) => carriers.setArchived(req.actor, req.params.id, false),
  )
  app.get(
    `${base}/:id/history`,
    { config: { action: 'carrier.read' }, schema: { params: IdParams, response: { 200: Revisions } } },
    (req) => carriers.carrierHistory(req.actor, req.params.id),
  )
}
