import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { registerImportRoutes } from '../../platform/registry/import/routes'
import {
  CreateEnterprise,
  Duplicate,
  DuplicateCheck,
  Enterprise,
  EnterprisePage,
  EnterpriseQuery,
  IdParams,
  SavedEnterprise,
  UpdateEnterprise,
} from './contracts'
import { exportEnterprises } from './export'
import { gbtSections } from './gbt4754'
import { enterpriseImport } from './import-spec'
import { searchEnterprises } from './search'
import * as enterprises from './service'

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
const Sections = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      divisions: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
})

/** 企业库: /api/v1/enterprises. */
export function registerEnterpriseRoutes(app: App): void {
  const base = '/api/v1/enterprises'
  app.get(
    base,
    {
      config: { action: 'enterprise.read' },
      schema: { querystring: EnterpriseQuery, response: { 200: EnterprisePage } },
    },
    (req) => searchEnterprises(req.actor, req.query),
  )
  app.post(
    base,
    { config: { action: 'enterprise.write' }, schema: { body: CreateEnterprise, response: { 201: SavedEnterprise } } },
    async (req, reply) => reply.code(201).send(await enterprises.createEnterprise(req.actor, req.body)),
  )
  app.get(
    `${base}/gbt4754`,
    { config: { action: 'enterprise.read' }, schema: { response: { 200: Sections } } },
    () => ({ items: gbtSections.map((s) => ({ ...s, divisions: [...s.divisions] })) }),
  )
  app.post(
    `${base}/duplicates`,
    {
      config: { action: 'enterprise.write' },
      schema: { body: DuplicateCheck, response: { 200: z.object({ items: z.array(Duplicate) }) } },
    },
    async (req) => ({ items: await enterprises.findDuplicates(req.actor, req.body) }),
  )
  app.get(
    `${base}/export`,
    {
      config: { action: 'registry.export' },
      schema: { querystring: EnterpriseQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const file = await exportEnterprises(req.actor, req.query)
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="enterprises.xlsx"; filename*=UTF-8''${encodeURIComponent('企业库.xlsx')}`,
        )
        .send(file)
    },
  )
  registerImportRoutes(app, base, 'enterprise.import', enterpriseImport)
  app.get(
    `${base}/:id`,
    { config: { action: 'enterprise.read' }, schema: { params: IdParams, response: { 200: Enterprise } } },
    (req) => enterprises.getEnterprise(req.actor, req.params.id),
  )
  app.patch(
    `${base}/:id`,
    {
      config: { action: 'enterprise.write' },
      schema: { params: IdParams, body: UpdateEnterprise, response: { 200: Enterprise } },
    },
    (req) => enterprises.updateEnterprise(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/archive`,
    {
      config: { action: 'enterprise.write' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Enterprise } },
    },
    (req) => enterprises.setArchived(req.actor, req.params.id, true),
  )
  app.post(
    `${base}/:id/restore`,
    {
      config: { action: 'enterprise.write' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Enterprise } },
    },
    (req) => enterprises.setArchived(req.actor, req.params.id, false),
  )
  app.get(
    `${base}/:id/history`,
    { config: { action: 'enterprise.read' }, schema: { params: IdParams, response: { 200: Revisions } } },
    (req) => enterprises.enterpriseHistory(req.actor, req.params.id),
  )
}
