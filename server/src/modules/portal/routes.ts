import { z } from 'zod'
import type { App } from '../../platform/http/types'
import { portalCities, portalSummary } from './service'

const Counts = z.record(z.string(), z.number())
const Summary = z.object({
  city: z.object({ code: z.string(), name: z.string() }),
  system: z.object({ code: z.string(), name: z.string() }).nullable(),
  totals: z.array(z.object({ type: z.string(), label: z.string(), count: z.number() })),
  chains: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      parent: z.string().nullable(),
      toBeCompleted: z.boolean(),
      counts: Counts,
    }),
  ),
})

export function registerPortalRoutes(app: App) {
  app.get(
    '/api/v1/portal/summary',
    {
      config: { action: 'portal.read' },
      schema: {
        querystring: z.strictObject({
          city: z
            .enum(['330300', '330500', '350200'], { error: '请选择城市：温州 330300、湖州 330500、厦门 350200' })
            .default('330300'),
        }),
        response: { 200: Summary },
      },
    },
    (req) => portalSummary(req.actor, req.query.city),
  )
  app.get(
    '/api/v1/portal/cities',
    {
      config: { action: 'portal.read' },
      schema: { response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) } },
    },
    async () => ({
      items: await portalCities(),
    }),
  )
}
