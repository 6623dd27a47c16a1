import { and, count, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { jurisdictionNames, oversightScope } from '../jurisdictions/service'
import { activePolicies } from './catalog'
import { isWithin } from './conditions'
import { financeLevelLabels, financeLevels } from './definition'
import { parameterText, splitText } from './describe'
import { policyApplications, policyLedgerEntries } from './schema'

const L = policyLedgerEntries

/**
 * 预算视图: each policy's annual budget against what is committed (approved) and paid, by level of finance. A city
 * officer sees their city's policies and every entity in it; a district officer the policies that apply in their
 * district (its own and the city's) and only its entities' share.
 */
export async function budgetView(actor: Actor, query: { year: number; jurisdiction?: string }) {
  requirePermission(actor, 'policy.budget.read')
  const scope = await oversightScope(actor)
  if (scope === 'none') throw new AppError('FORBIDDEN', '您的角色无权查看政策预算')
  const relevant = (area: string) =>
    scope === 'all' || scope.some((code) => isWithin(code, area) || isWithin(area, code))
  const policies = (await activePolicies()).filter(
    (p) =>
      relevant(p.jurisdictionCode) &&
      (!query.jurisdiction ||
        isWithin(query.jurisdiction, p.jurisdictionCode) ||
        isWithin(p.jurisdictionCode, query.jurisdiction)),
  )
  const names = await jurisdictionNames(policies.map((p) => p.jurisdictionCode))
  const inScope = scope === 'all' ? undefined : inArray(L.jurisdictionCode, scope)
  const items = []
  for (const p of policies) {
    const rows = await db
      .select({ kind: L.kind, level: L.financeLevel, fen: sql<string>`sum(${L.amountFen})` })
      .from(L)
      .where(and(eq(L.policyCode, p.code), eq(L.year, query.year), inScope))
      .groupBy(L.kind, L.financeLevel)
    const sum = (kind: 'commitment' | 'payment', level?: string | null) =>
      rows
        .filter((r) => r.kind === kind && (level === undefined || r.level === level))
        .reduce((s, r) => s + Number(r.fen), 0)
    const [apps] = await db
      .select({ n: count() })
      .from(policyApplications)
      .where(
        and(
          eq(policyApplications.policyCode, p.code),
          eq(policyApplications.year, query.year),
          notInArray(policyApplications.status, ['rejected', 'withdrawn']),
          scope === 'all' ? undefined : inArray(policyApplications.jurisdictionCode, scope),
        ),
      )
    const d = p.definition
    const budget = d.parameters[d.budget.annual]!
    const committed = sum('commitment')
    items.push({
      policyCode: p.code,
      policyTitle: d.title,
      jurisdictionName: names.get(p.jurisdictionCode) ?? p.jurisdictionCode,
      budgetFen: budget.value,
      budgetText: parameterText(budget),
      committedFen: committed,
      paidFen: sum('payment'),
      remainingFen: budget.value === null ? null : budget.value - committed,
      split: splitText(d.budget.split),
      byLevel: financeLevels.map((level) => ({
        level,
        label: financeLevelLabels[level],
        committedFen: sum('commitment', level),
        paidFen: sum('payment', level),
      })),
      applications: Number(apps?.n ?? 0),
    })
  }
  return { year: query.year, items }
}
