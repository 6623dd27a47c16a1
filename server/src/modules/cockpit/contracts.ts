import { z } from 'zod'

const DATE = /^\d{4}-\d{2}-\d{2}$/
/** A real calendar date: 2026-02-30 matches the pattern but is no day. */
function isDay(v: string): boolean {
  if (!DATE.test(v)) return false
  const day = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v)
}
const Day = (label: string) => z.string().refine(isDay, `${label}应为 YYYY-MM-DD 格式的有效日期`)

/** 统计期间 (Asia/Shanghai calendar dates, both ends included); the page defaults to this year so far. */
export const CockpitQuery = z
  .strictObject({ from: Day('开始日期'), to: Day('结束日期') })
  // Compared only when both are dates, so a malformed one gets its own message alone.
  .refine((q) => !(isDay(q.from) && isDay(q.to)) || q.from <= q.to, {
    path: ['to'],
    message: '结束日期不能早于开始日期',
  })
export type CockpitQuery = z.infer<typeof CockpitQuery>

const Count = z.number().int().nonnegative()

export const Cockpit = z.object({
  area: z.object({ code: z.string(), name: z.string(), districts: Count }),
  from: z.string(),
  to: z.string(),
  /** Each registry in the area: records now, added in the period, and (demands, scenarios) still open. */
  registries: z.array(
    z.object({ type: z.string(), label: z.string(), total: Count, added: Count, open: Count.nullable() }),
  ),
  carriersByKind: z.array(z.object({ kind: z.string(), label: z.string(), count: Count })),
  /** The area's own industry system, chain by chain: where supply, demand and carriers are, and where not. */
  system: z.object({ code: z.string(), name: z.string() }).nullable(),
  chains: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      parent: z.string().nullable(),
      achievements: Count,
      openDemands: Count,
      carriers: Count,
    }),
  ),
  /** The PoC pipeline's figures, counted as accreditation counts them (outcomes/statistics), for the city. */
  pipeline: z.object({
    scopeName: z.string(),
    admitted: Count,
    verified: Count,
    samplesOrProducts: Count,
    landings: Count,
    pilotServiceProjects: Count,
    serviceRevenueFen: Count,
    fundingFen: Count,
    landingAmountFen: Count,
  }),
  /** 匹配-对接 in the period: 有意向 sent to organizations of the area, events held and their sign-ups. */
  connect: z.object({ leads: Count, events: Count, signups: Count }),
})
export type Cockpit = z.infer<typeof Cockpit>
