import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { oversightScope } from '../jurisdictions/service'
import { activePolicies } from './catalog'
import type { LedgerQuery } from './contracts'
import { financeLevelLabels, financeLevels, type PolicyDefinition } from './definition'
import { parameterText } from './describe'
import { policyApplications, policyLedgerEntries } from './schema'

const L = policyLedgerEntries

/** The caps a ledger row is held to, as the policy in force states them. */
function capsOf(d: PolicyDefinition | undefined): string[] {
  const f = d?.formula
  if (!d || !f) return []
  const caps: string[] = []
  for (const s of f.stages)
    if (s.capPerYear) {
      const years = s.years ? `第 ${s.years.from}${s.years.to > s.years.from ? `–${s.years.to}` : ''} 年` : ''
      caps.push(`${years}年度上限 ${parameterText(d.parameters[s.capPerYear]!)}`)
    }
  if (f.capPerEntity) caps.push(`累计上限 ${parameterText(d.parameters[f.capPerEntity]!)}`)
  if (f.schedule) caps.push(`最长支持 ${parameterText(d.parameters[f.schedule.maxYears]!)}`)
  if (f.oncePerEntity) caps.push('每个主体限一次')
  return caps
}

/**
 * 政策台账: per entity × policy × year, what was committed (核定) and paid, by level of finance, with the entity's
 * total under the policy across years and the caps the engine holds it to. Officers see the entities of their area.
 */
export async function ledgerView(actor: Actor, query: z.output<typeof LedgerQuery>) {
  requirePermission(actor, 'policy.budget.read')
  const scope = await oversightScope(actor)
  if (scope === 'none') throw new AppError('FORBIDDEN', '您的角色无权查看政策台账')
  const where = and(
    scope === 'all' ? undefined : inArray(L.jurisdictionCode, scope),
    query.policy ? eq(L.policyCode, query.policy) : undefined,
    query.year ? eq(L.year, query.year) : undefined,
  )
  const groups = await db
    .select({ subjectId: L.subjectId, policyCode: L.policyCode, year: L.year, n: sql<number>`count(*)` })
    .from(L)
    .where(where)
    .groupBy(L.subjectId, L.policyCode, L.year)
    .orderBy(desc(L.year), L.policyCode, L.subjectId)
  const total = groups.length
  const page = groups.slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
  if (!page.length) return { items: [], total }
  const subjectIds = [...new Set(page.map((g) => g.subjectId))]
  const codes = [...new Set(page.map((g) => g.policyCode))]
  const entries = await db
    .select()
    .from(L)
    .where(and(inArray(L.subjectId, subjectIds), inArray(L.policyCode, codes)))
  const apps = await db
    .select({
      id: policyApplications.id,
      subjectId: policyApplications.subjectId,
      subjectName: policyApplications.subjectName,
      jurisdictionCode: policyApplications.jurisdictionCode,
    })
    .from(policyApplications)
    .where(inArray(policyApplications.subjectId, subjectIds))
  const definitions = new Map((await activePolicies()).map((p) => [p.code, p.definition]))
  const sum = (rows: typeof entries, kind: 'commitment' | 'payment') =>
    rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.amountFen, 0)
  const items = page.map((g) => {
    const rows = entries.filter((e) => e.subjectId === g.subjectId && e.policyCode === g.policyCode)
    const yearRows = rows.filter((e) => e.year === g.year)
    const app = apps.find((a) => a.subjectId === g.subjectId)
    const definition = definitions.get(g.policyCode)
    const committedFen = sum(yearRows, 'commitment')
    const paidFen = sum(yearRows, 'payment')
    return {
      subjectId: g.subjectId,
      subjectName: app?.subjectName ?? '',
      jurisdictionCode: app?.jurisdictionCode ?? '',
      policyCode: g.policyCode,
      policyTitle: definition?.title ?? g.policyCode,
      year: g.year,
      committedFen,
      paidFen,
      outstandingFen: committedFen - paidFen,
      byLevel: [...financeLevels, null].map((level) => ({
        level,
        label: level ? financeLevelLabels[level] : '分担比例待定',
        committedFen: sum(
          yearRows.filter((r) => r.financeLevel === level),
          'commitment',
        ),
        paidFen: sum(
          yearRows.filter((r) => r.financeLevel === level),
          'payment',
        ),
      })),
      applications: new Set(yearRows.map((r) => r.applicationId)).size,
      totalCommittedFen: sum(rows, 'commitment'),
      supportYears: [...new Set(rows.filter((r) => r.kind === 'commitment').map((r) => r.year))].sort(),
      caps: capsOf(definition),
    }
  })
  return { items, total }
}
