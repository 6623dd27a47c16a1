import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { registerImportRoutes } from '../../platform/registry/import/routes'
import { registerLeadTarget } from '../leads/service'
import {
  Achievement,
  AchievementPage,
  AchievementQuery,
  CreateAchievement,
  Duplicate,
  DuplicateCheck,
  IdParams,
  SavedAchievement,
  UpdateAchievement,
} from './contracts'
import { exportAchievements } from './export'
import { achievementImport } from './import-spec'
import { searchAchievements } from './search'
import * as achievements from './service'
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

export function registerAchievementRoutes(app: App) {
  const base = '/api/v1/achievements'
  registerLeadTarget(RECORD_TYPE, '科技成果', async (actor, id) => {
    const a = await achievements.getAchievement(actor, id)
    return { title: a.title, ownerOrgId: a.ownerOrgId }
  })
  app.get(
    base,
    {
      config: { action: 'achievement.read' },
      schema: { querystring: AchievementQuery, response: { 200: AchievementPage } },
    },
    (req) => searchAchievements(req.actor, req.query),
  )
  app.post(
    base,
    {
      config: { action: 'achievement.write' },
      schema: { body: CreateAchievement, response: { 201: SavedAchievement } },
    },
    async (req, reply) => reply.code(201).send(await achievements.createAchievement(req.actor, req.body)),
  )
  app.post(
    `${base}/duplicates`,
    {
      config: { action: 'achievement.write' },
      schema: { body: DuplicateCheck, response: { 200: z.object({ items: z.array(Duplicate) }) } },
    },
    async (req) => ({
      items: await achievements.findDuplicates(req.actor, {
        ...req.body,
        ownerOrgId: req.body.ownerOrgId ?? (req.actor.kind === 'user' ? req.actor.orgId : undefined),
      }),
    }),
  )
  app.get(
    `${base}/export`,
    {
      config: { action: 'registry.export' },
      schema: { querystring: AchievementQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const file = await exportAchievements(req.actor, req.query)
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="achievements.xlsx"; filename*=UTF-8''${encodeURIComponent('科技成果.xlsx')}`,
        )
        .send(file)
    },
  )
  registerImportRoutes(app, base, 'achievement.import', achievementImport)
  app.get(
    `${base}/:id`,
    { config: { action: 'achievement.read' }, schema: { params: IdParams, response: { 200: Achievement } } },
    (req) => achievements.getAchievement(req.actor, req.params.id),
  )
  app.patch(
    `${base}/:id`,
    {
      config: { action: 'achievement.write' },
      schema: { params: IdParams, body: UpdateAchievement, response: { 200: Achievement } },
    },
    (req) => achievements.updateAchievement(req.actor, req.params.id, req.body),
  )
  app.post(
    `${base}/:id/archive`,
    {
      config: { action: 'achievement.write' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Achievement } },
    },
    (req) => achievements.setArchived(req.actor, req.params.id, true),
  )
  app.post(
    `${base}/:id/restore`,
    {
      config: { action: 'achievement.write' },
      schema: { params: IdParams, body: EmptyBody, response: { 200: Achievement } },
    },
    (req) => achievements.setArchived(req.actor, req.params.id, false),
  )
  app.get(
    `${base}/:id/history`,
    { config: { action: 'achievement.read' }, schema: { params: IdParams, response: { 200: Revisions } } },
    (req) => achievements.achievementHistory(req.actor, req.params.id),
  )
}
