import { z } from 'zod'
import type { App } from '../../platform/http/types'
import { Achievement } from '../achievements/contracts'
import { Carrier } from '../carriers/contracts'
import { Demand } from '../demands/contracts'
import { Instrument } from '../instruments/contracts'
import { Scenario } from '../scenarios/contracts'
import {
  getPortalRecord,
  matchPortalAchievements,
  PORTAL_CITIES,
  type PortalType,
  portalCities,
  portalSummary,
} from './service'

const City = z.enum(PORTAL_CITIES, { error: '请选择城市：温州 330300、湖州 330500、厦门 350200' })
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
const MatchResult = z.object({ id: z.string(), title: z.string(), score: z.number(), reasons: z.array(z.string()) })
const IdParams = z.strictObject({ id: z.uuid('记录编号格式不正确') })

export function registerPortalRoutes(app: App) {
  app.get(
    '/api/v1/portal/summary',
    {
      config: { action: 'portal.read' },
      schema: { querystring: z.strictObject({ city: City.default('330300') }), response: { 200: Summary } },
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
  app.post(
    '/api/v1/portal/match',
    {
      config: { action: 'match.read', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        body: z.strictObject({
          text: z.string().trim().min(2, '请输入至少 2 个字的需求描述').max(4000, '需求描述不超过 4000 字'),
          city: City,
          limit: z.coerce.number().int().min(1, '数量至少为 1').max(50, '数量不超过 50').default(8),
        }),
        response: { 200: z.object({ results: z.array(MatchResult) }) },
      },
    },
    (req) => matchPortalAchievements(req.actor, req.body),
  )
  // A record's portal page, one route per kind so each answers with its own contract.
  const detail = <K extends PortalType>(type: K, response: z.ZodType) =>
    app.get(
      `/api/v1/portal/${type}/:id`,
      { config: { action: 'portal.read' }, schema: { params: IdParams, response: { 200: response } } },
      (req) => getPortalRecord(req.actor, type, req.params.id),
    )
  detail('achievement', Achievement)
  detail('demand', Demand)
  detail('scenario', Scenario)
  detail('carrier', Carrier)
  detail('instrument', Instrument)
}
