import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import { db, type Queryable, type Transaction } from '../../db'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import type { FinanceLevel, PolicyDefinition } from './definition'
import type { LedgerState } from './engine'
import { formatFen, splitByShares } from './money'
import {
  type PolicyApplicationRow,
  type PolicyApplicationStatus,
  type PolicyCostItem,
  policies,
  policyApplications,
  policyCostClaims,
  policyLedgerEntries,
} from './schema'

const L = policyLedgerEntries

/** In review (申报后、核定前): not yet in the ledger, but what they were estimated at is spoken for. */
export const openApplicationStatuses: PolicyApplicationStatus[] = ['submitted', 'returned', 'districtApproved']

/** Serializes decisions on one policy (caps and budget are read, then written): held until the commit. */
export async function lockPolicy(tx: Transaction, code: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy-ledger:${code}`}))`)
}

/**
 * What the ledger holds for an entity and policy, and what its applications in review reserve — other applications
 * than `excludeApplicationId`.
 */
export async function ledgerState(
  q: Queryable,
  by: { subjectId: string; policyCode: string; year: number; excludeApplicationId?: string },
): Promise<LedgerState> {
  const others = by.excludeApplicationId ? ne(L.applicationId, by.excludeApplicationId) : undefined
  const commitments = and(eq(L.kind, 'commitment'), eq(L.policyCode, by.policyCode), others)
  const [mine] = await q
    .select({
      year: sql<string>`coalesce(sum(${L.amountFen}) filter (where ${L.year} = ${by.year}), 0)`,
      total: sql<string>`coalesce(sum(${L.amountFen}), 0)`,
      first: sql<number | null>`min(${L.year})`,
      grants: sql<string>`count(distinct ${L.applicationId})`,
    })
    .from(L)
    .where(and(commitments, eq(L.subjectId, by.subjectId)))
  const [budget] = await q
    .select({ used: sql<string>`coalesce(sum(${L.amountFen}), 0)` })
    .from(L)
    .where(and(commitments, eq(L.year, by.year)))
  // Applications still in review hold what they were estimated at, so a second one cannot promise the same cap twice.
  const A = policyApplications
  const estimate = sql`coalesce((${A.computation}->>'amountFen')::bigint, 0)`
  const [open] = await q
    .select({
      year: sql<string>`coalesce(sum(${estimate}) filter (where ${A.year} = ${by.year}), 0)`,
      total: sql<string>`coalesce(sum(${estimate}), 0)`,
    })
    .from(A)
    .where(
      and(
        eq(A.subjectId, by.subjectId),
        eq(A.policyCode, by.policyCode),
        inArray(A.status, openApplicationStatuses),
        by.excludeApplicationId ? ne(A.id, by.excludeApplicationId) : undefined,
      ),
    )
  return {
    yearCommittedFen: Number(mine?.year ?? 0),
    totalCommittedFen: Number(mine?.total ?? 0),
    yearReservedFen: Number(open?.year ?? 0),
    totalReservedFen: Number(open?.total ?? 0),
    firstSupportYear: mine?.first === null || mine?.first === undefined ? null : Number(mine.first),
    grants: Number(mine?.grants ?? 0),
    budgetCommittedFen: Number(budget?.used ?? 0),
  }
}

/** Last year's own investment as declared in last year's approved application (policy 湖里 二(一) years 2–3). */
export async function previousYearInvestment(subjectId: string, year: number): Promise<number | null> {
  const rows = await db
    .select()
    .from(policyApplications)
    .where(
      and(
        eq(policyApplications.subjectId, subjectId),
        eq(policyApplications.year, year),
        inArray(policyApplications.status, ['approved', 'paid']),
      ),
    )
    .orderBy(desc(policyApplications.updatedAt))
  for (const row of rows) {
    const items = row.costItems.filter((i) => i.fact === 'spending.ownInvestmentFen')
    if (items.length) return items.reduce((s, i) => s + i.amountFen, 0)
  }
  return null
}

/** The commitment at approval, split by level of finance (one undivided entry while the split is 待定). */
export async function writeCommitment(
  tx: Transaction,
  app: PolicyApplicationRow,
  definition: PolicyDefinition,
  version: number,
  amountFen: number,
  userId: string | null,
): Promise<void> {
  const parts: [FinanceLevel | null, number][] = definition.budget.split
    ? [...splitByShares(amountFen, definition.budget.split)]
    : [[null, amountFen]]
  for (const [financeLevel, fen] of parts) {
    await tx.insert(L).values({
      id: newId(),
      kind: 'commitment',
      policyCode: app.policyCode,
      policyVersion: version,
      subjectId: app.subjectId,
      orgId: app.applicantOrgId,
      jurisdictionCode: app.jurisdictionCode,
      year: app.year,
      applicationId: app.id,
      financeLevel,
      amountFen: fen,
      createdBy: userId,
      createdAt: now(),
    })
  }
}

/** Committed and paid so far for one application, per level of finance. */
export async function applicationLedger(q: Queryable, applicationId: string) {
  const rows = await q.select().from(L).where(eq(L.applicationId, applicationId)).orderBy(L.createdAt)
  return rows
}

export async function writePayment(
  tx: Transaction,
  app: PolicyApplicationRow,
  input: { financeLevel: FinanceLevel; amountFen: number; paidOn: string; reference: string },
  userId: string | null,
): Promise<void> {
  const entries = await applicationLedger(tx, app.id)
  const committed = entries
    .filter((e) => e.kind === 'commitment' && e.financeLevel === input.financeLevel)
    .reduce((s, e) => s + e.amountFen, 0)
  const paid = entries
    .filter((e) => e.kind === 'payment' && e.financeLevel === input.financeLevel)
    .reduce((s, e) => s + e.amountFen, 0)
  if (input.amountFen > committed - paid)
    throw new AppError(
      'RULE_VIOLATION',
      `拨付金额 ${formatFen(input.amountFen)} 超过该级财政尚未拨付的承诺额 ${formatFen(Math.max(0, committed - paid))}`,
      { committed, paid },
    )
  await tx.insert(L).values({
    id: newId(),
    kind: 'payment',
    policyCode: app.policyCode,
    policyVersion: app.policyVersion,
    subjectId: app.subjectId,
    orgId: app.applicantOrgId,
    jurisdictionCode: app.jurisdictionCode,
    year: app.year,
    applicationId: app.id,
    financeLevel: input.financeLevel,
    amountFen: input.amountFen,
    paidOn: input.paidOn,
    reference: input.reference,
    createdBy: userId,
    createdAt: now(),
  })
}

/** 发票号、合同号 as typed in different ways (全角、大小写、空格) name the same item. */
export function itemKeyOf(reference: string): string {
  return reference
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_/]+/g, '')
}

/** Claims the cost items of an application; an item already claimed (under any policy) is refused with where. */
export async function claimCostItems(
  tx: Transaction,
  app: { id: string; applicantOrgId: string; policyCode: string },
  items: readonly PolicyCostItem[],
): Promise<void> {
  if (items.length === 0) return
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy-costs:${app.applicantOrgId}`}))`)
  const keys = items.map((i) => itemKeyOf(i.reference))
  const seen = new Set<string>()
  for (const [i, key] of keys.entries()) {
    if (seen.has(key))
      throw new AppError('VALIDATION_FAILED', `费用项“${items[i]!.reference}”在本申请中重复`, {
        fields: [{ path: `costItems.${i}.reference`, message: '同一费用项重复' }],
      })
    seen.add(key)
  }
  const taken = await tx
    .select()
    .from(policyCostClaims)
    .where(
      and(
        eq(policyCostClaims.orgId, app.applicantOrgId),
        eq(policyCostClaims.active, true),
        inArray(policyCostClaims.itemKey, keys),
        ne(policyCostClaims.applicationId, app.id),
      ),
    )
  if (taken[0]) {
    const [policy] = await tx
      .select({ title: policies.title })
      .from(policies)
      .where(eq(policies.code, taken[0].policyCode))
      .orderBy(desc(policies.version))
      .limit(1)
    const where = policy?.title ?? taken[0].policyCode
    throw new AppError(
      'CONFLICT',
      `费用项“${taken[0].reference}”已在《${where}》的申请中申报，同一费用不能在两项政策（或两次申请）中重复申报`,
      { reference: taken[0].reference, policyCode: taken[0].policyCode, applicationId: taken[0].applicationId },
    )
  }
  await tx.delete(policyCostClaims).where(eq(policyCostClaims.applicationId, app.id))
  for (const [i, item] of items.entries()) {
    await tx.insert(policyCostClaims).values({
      id: newId(),
      applicationId: app.id,
      orgId: app.applicantOrgId,
      policyCode: app.policyCode,
      fact: item.fact,
      itemKey: keys[i]!,
      reference: item.reference,
      description: item.description,
      amountFen: item.amountFen,
      active: true,
      createdAt: now(),
    })
  }
}

/** A rejected or withdrawn application frees its items for another claim. */
export async function releaseCostItems(tx: Transaction, applicationId: string): Promise<void> {
  await tx.update(policyCostClaims).set({ active: false }).where(eq(policyCostClaims.applicationId, applicationId))
}
