import { z } from 'zod'
import type { App } from '../../platform/http/types'
import { ReviseIndustrySystem, SystemCodeParams } from './contracts'
import { listSystems, reviseSystem, systemHistory } from './service'

const IndustryNode = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.number(),
  kind: z.enum(['group', 'industry', 'segment']).optional(),
  keywords: z.array(z.string()).optional(),
  toBeCompleted: z.boolean().optional(),
  note: z.string().optional(),
})

export const IndustrySystem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  jurisdictionCode: z.string(),
  version: z.number(),
  versionLabel: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  source: z.string(),
  status: z.string(),
  nodes: z.array(IndustryNode),
  toBeCompleted: z.number(),
  /** When this version was saved (the shipped version: when the platform first loaded it). */
  createdAt: z.string(),
})
export type IndustrySystem = z.infer<typeof IndustrySystem>

const SystemQuery = z.strictObject({
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
})

/** 产业体系 (read): the systems that apply to an area — its own, its city's, the national one — for forms and filters. */
export function registerIndustryRoutes(app: App) {
  app.get(
    '/api/v1/industry-systems',
    {
      config: { action: 'industry.read' },
      schema: { querystring: SystemQuery, response: { 200: z.object({ items: z.array(IndustrySystem) }) } },
    },
    async (req) => ({ items: await listSystems(req.actor, req.query.jurisdiction) }),
  )
  app.get(
    '/api/v1/industry-systems/:code/history',
    {
      config: { action: 'industry.read' },
      schema: { params: SystemCodeParams, response: { 200: z.object({ items: z.array(IndustrySystem) }) } },
    },
    async (req) => ({ items: await systemHistory(req.actor, req.params.code) }),
  )
  // A city officer's edit is a new version of their own area's system; the old version stays in the history.
  app.put(
    '/api/v1/industry-systems/:code',
    {
      config: { action: 'industry.manage' },
      schema: {
        params: SystemCodeParams,
        body: ReviseIndustrySystem,
        response: { 200: z.object({ items: z.array(IndustrySystem) }) },
      },
    },
    async (req) => ({ items: await reviseSystem(req.actor, req.params.code, req.body) }),
  )
}
