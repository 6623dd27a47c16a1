import { z } from 'zod'
import type { App } from '../../platform/http/types'
import { listSystems } from './service'

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
}
