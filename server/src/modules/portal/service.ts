import { and, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { searchDocuments } from '../../platform/registry/schema'
import { getAchievement } from '../achievements/service'
import { getCarrier } from '../carriers/service'
import { getDemand } from '../demands/service'
import { systemsFor } from '../industries/service'
import { getInstrument } from '../instruments/service'
import { descendantsOf, getJurisdiction } from '../jurisdictions/service'
import { matchText } from '../matching/service'
import { getScenario } from '../scenarios/service'

export type PortalType = 'achievement' | 'demand' | 'carrier' | 'instrument' | 'scenario'

export const PORTAL_TYPES: Record<PortalType, string> = {
  achievement: '科技成果',
  demand: '技术需求',
  carrier: '载体平台',
  instrument: '共享仪器',
  scenario: '应用场景',
}

export const PORTAL_CITIES = ['330300', '330500', '350200'] as const
export type PortalCity = (typeof PORTAL_CITIES)[number]

/**
 * The public portal's home: how many 公开 records a city has of each kind, and how they spread over the
 * chains of the city's own industry system. Read from the search documents every registry maintains.
 */
export async function portalSummary(_actor: Actor, cityCode: string) {
  const city = await getJurisdiction(cityCode)
  const areas = await descendantsOf(cityCode)
  const rows = await db
    .select({
      recordType: searchDocuments.recordType,
      industry: sql<string[] | null>`${searchDocuments.attributes}->'industry'`,
    })
    .from(searchDocuments)
    .where(
      and(
        sql`${searchDocuments.attributes}->>'confidentiality' = 'public'`,
        sql`coalesce(${searchDocuments.attributes}->>'status', 'active') = 'active'`,
        // Demands and scenarios count while they are open (征集中); matched or closed ones are history.
        sql`coalesce(${searchDocuments.attributes}->>'state', 'open') = 'open'`,
        // Instruments count while bookable (可预约), as the catalogue lists them; one under maintenance is not offered.
        sql`coalesce(${searchDocuments.attributes}->>'availability', 'available') = 'available'`,
        sql`${searchDocuments.attributes}->>'jurisdiction' in (${sql.join(
          areas.map((a) => sql`${a}`),
          sql`, `,
        )})`,
        sql`${searchDocuments.recordType} in (${sql.join(
          Object.keys(PORTAL_TYPES).map((t) => sql`${t}`),
          sql`, `,
        )})`,
      ),
    )
  const totals = Object.fromEntries(Object.keys(PORTAL_TYPES).map((t) => [t, 0]))
  for (const r of rows) totals[r.recordType] = (totals[r.recordType] ?? 0) + 1
  const [system] = (await systemsFor(cityCode)).filter((s) => s.jurisdictionCode === cityCode)
  const chains = (system?.nodes ?? [])
    // Chains are the leaves of the system (湖州 具身智能机器人…, 湖里 8 条产业链).
    .filter((n) => !system!.nodes.some((c) => c.parentCode === n.code))
    .map((node) => {
      const prefix = `${system!.code}:${node.code}`
      const under = (codes: string[] | null) => (codes ?? []).some((c) => c === prefix || c.startsWith(`${prefix}-`))
      const counts = Object.fromEntries(
        Object.keys(PORTAL_TYPES).map((t) => [t, rows.filter((r) => r.recordType === t && under(r.industry)).length]),
      )
      return {
        code: prefix,
        name: node.name,
        parent: system!.nodes.find((p) => p.code === node.parentCode)?.name ?? null,
        toBeCompleted: !!node.toBeCompleted,
        counts,
      }
    })
  return {
    city: { code: cityCode, name: city?.name ?? cityCode },
    system: system ? { code: system.code, name: system.name } : null,
    totals: Object.entries(totals).map(([type, count]) => ({ type, label: PORTAL_TYPES[type as PortalType], count })),
    chains,
  }
}

export async function portalCities() {
  return Promise.all(PORTAL_CITIES.map(async (code) => ({ code, name: (await getJurisdiction(code))?.name ?? code })))
}

type PortalRecords = {
  achievement: Awaited<ReturnType<typeof getAchievement>>
  demand: Awaited<ReturnType<typeof getDemand>>
  scenario: Awaited<ReturnType<typeof getScenario>>
  carrier: Awaited<ReturnType<typeof getCarrier>>
  instrument: Awaited<ReturnType<typeof getInstrument>>
}
const readers: { [K in PortalType]: (actor: Actor, id: string) => Promise<PortalRecords[K]> } = {
  achievement: getAchievement,
  demand: getDemand,
  scenario: getScenario,
  carrier: getCarrier,
  instrument: getInstrument,
}

/**
 * One record's portal page, read through the module that owns it (404 when the caller may not see it). An
 * archived (已归档) record has left the portal: it answers 404 with the reason, not its content, so a visitor
 * following an old link learns why it is gone; one the caller could not see still answers the plain 404.
 */
export async function getPortalRecord<K extends PortalType>(
  actor: Actor,
  type: K,
  id: string,
): Promise<PortalRecords[K]> {
  requirePermission(actor, 'portal.read')
  const record = await readers[type](actor, id)
  if (record.archived)
    throw new AppError('NOT_FOUND', `该${PORTAL_TYPES[type]}已归档，不再公开`, { recordType: type, archived: true })
  return record
}

export type PortalMatchResult = { id: string; title: string; score: number; reasons: string[] }

/**
 * 为我匹配 on the portal: free text against the achievements of the selected city (its districts and counties
 * included) that the caller may see, active ones only, as the catalogue of that city lists them.
 */
export async function matchPortalAchievements(
  actor: Actor,
  input: { text: string; city: PortalCity; limit: number },
): Promise<{ results: PortalMatchResult[] }> {
  const { results } = await matchText(actor, {
    text: input.text,
    limit: input.limit,
    jurisdictions: await descendantsOf(input.city),
  })
  return { results: results.map(({ id, title, score, reasons }) => ({ id, title, score, reasons })) }
}
