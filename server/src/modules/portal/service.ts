import { and, sql } from 'drizzle-orm'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { searchDocuments } from '../../platform/registry/schema'
import { systemsFor } from '../industries/service'
import { descendantsOf, getJurisdiction } from '../jurisdictions/service'

export const PORTAL_TYPES: Record<string, string> = {
  achievement: '科技成果',
  demand: '技术需求',
  carrier: '载体平台',
  instrument: '共享仪器',
  scenario: '应用场景',
}

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
    totals: Object.entries(totals).map(([type, count]) => ({ type, label: PORTAL_TYPES[type]!, count })),
    chains,
  }
}

export async function portalCities() {
  const cities = ['330300', '330500', '350200']
  return Promise.all(cities.map(async (code) => ({ code, name: (await getJurisdiction(code))?.name ?? code })))
}
