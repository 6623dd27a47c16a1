import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { registerImportRoutes } from '../../platform/registry/import/routes'
import {
  CreateExpert,
  Duplicate,
  DuplicateCheck,
  Expert,
  ExpertPage,
  ExpertQuery,
  IdParams,
  SavedExpert,
  UpdateExpert,
} from './contracts'
import { exportExperts } from './export'
import { expertImport } from './import-spec'
import { searchExperts } from './search'
import * as experts from './service'

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

/** 专家库: /api/v1/experts — signed-in business roles only, never the public portal. */
export function registerExpertRoutes(app: App): void {
  const base = '/api/v1/experts'
  app.get(
    base,
    { config: { action: 'expert.read' }, schema: { querystring: ExpertQuery, response: { 200: ExpertPage } } },
    (req) => searchExperts(req.actor, req.query),
  )
  app.post(
    base,
    { config: { action: 'expert.write' }, schema: { body: CreateExpert, response: { 201: SavedExpert } } },
    async (req, reply) => reply.code(201).send(await experts.createExpert(req.actor, req.body)),
  )
  app.get(`${base}/me`, { config: { action: 'expert.self' }, schema: { response: { 200: Expert } } }, (req) =>
    experts.getOwnExpert(req.actor),
  )
  app.post(
    `${base}/duplicates`,
    {
      config: { action: 'expert.write' },
      schema: { body: DuplicateCheck, response: { 200: z.object({ items: z.array(Duplicate) }) } },
    },
    async (req) => ({ items: await experts.findDuplicates(req.actor, req.body) }),
  )
  app.get(
    `${base}/export`,
    {
      config: { action: 'registry.export' },
      schema: { querystring: ExpertQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const file = await exportExperts(req.actor, req.query)
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="experts.xlsx"; filename*=UTF-8''${encodeURIComponent('专家库.xlsx')}`,
        )
        .send(file)
    },
  )
  registerImportRoutes(app, base, 'expert.import', expertImport)
  app.get(
    `${base}/:id`,
    { config: { action: 'expert.read' }, schema: { params: IdParams, response: { 200: Expert } } },
    (req) => experts.getExpert(req.actor, req.params.id),
  )
  app.patch(
    `${base}/:id`,
    { config: { action: 'expert.write' }, schema: { params: IdParams, body: UpdateExpert, response: { 200: Expert } } },
    (req) => experts.updateExpert(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/archive`,
    { config: { action: 'expert.write' }, schema: { params: IdParams, body: EmptyBody, response: { 200: Expert } } },
    (req) => experts.setArchived(req.actor, req.params.id, true),
  )
  app.post(
    `${base}/:id/restore`,
    { config: { action: 'expert.write' }, schema: { params: IdParams, body: EmptyBody, response: { 200: Expert } } },
    (req) => experts.setArchived(req.actor, req.params.id, false),
  )
  app.get(
    `${base}/:id/history`,
    { config: { action: 'expert.read' }, schema: { params: IdParams, response: { 200: Revisions } } },
    (req) => experts.expertHistory(req.actor, req.params.id),
  )
}
