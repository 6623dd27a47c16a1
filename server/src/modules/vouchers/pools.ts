import { desc, eq, inArray, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Queryable, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { oversightScope } from '../jurisdictions/service'
import { activePolicy, formatFen, isWithin } from '../policies/service'
import type { CreatePool } from './contracts'
import { voucherPoolEntries, voucherPools } from './schema'

type PoolRow = typeof voucherPools.$inferSelect
const E = voucherPoolEntries

/** Issued (−), returned (+) and paid out, per pool: the pool's money is never stored twice. */
export async function poolFigures(q: Queryable, ids: readonly string[]) {
  const rows = ids.length
    ? await q
        .select({ poolId: E.poolId, kind: E.kind, fen: sql<string>`sum(${E.amountFen})` })
        .from(E)
        .where(inArray(E.poolId, [...ids]))
        .groupBy(E.poolId, E.kind)
    : []
  const out = new Map<string, { issued: number; returned: number; paidOut: number }>()
  for (const id of ids) out.set(id, { issued: 0, returned: 0, paidOut: 0 })
  for (const r of rows) {
    const f = out.get(r.poolId)!
    if (r.kind === 'issue') f.issued = Number(r.fen)
    if (r.kind === 'return') f.returned = Number(r.fen)
    if (r.kind === 'payout') f.paidOut = Number(r.fen)
  }
  return out
}

export function toPool(row: PoolRow, f: { issued: number; returned: number; paidOut: number }) {
  const available = row.totalFen - f.issued + f.returned
  return {
    id: row.id,
    name: row.name,
    jurisdictionCode: row.jurisdictionCode,
    year: row.year,
    policyCode: row.policyCode,
    totalFen: row.totalFen,
    issuedFen: f.issued,
    returnedFen: f.returned,
    availableFen: available,
    paidOutFen: f.paidOut,
    summary: `总额 ${formatFen(row.totalFen)}，已发券 ${formatFen(f.issued)}，过期退回 ${formatFen(f.returned)}，可发券 ${formatFen(available)}，已向服务方拨付 ${formatFen(f.paidOut)}`,
    createdAt: row.createdAt.toISOString(),
  }
}

export async function lockPool(tx: Transaction, poolId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`voucher-pool:${poolId}`}))`)
}

export async function poolEntry(
  tx: Transaction,
  entry: {
    poolId: string
    kind: 'issue' | 'return' | 'payout'
    amountFen: number
    voucherId?: string
    orderId?: string
    note: string
  },
) {
  await tx.insert(E).values({
    id: newId(),
    poolId: entry.poolId,
    kind: entry.kind,
    amountFen: entry.amountFen,
    voucherId: entry.voucherId ?? null,
    orderId: entry.orderId ?? null,
    note: entry.note,
    createdAt: now(),
  })
}

/** The pools an officer may see or use: those of their area, and the city's pools for a district officer. */
export async function visiblePools(actor: Actor): Promise<PoolRow[]> {
  const scope = await oversightScope(actor)
  const rows = await db.select().from(voucherPools).orderBy(desc(voucherPools.year), desc(voucherPools.createdAt))
  if (scope === 'all') return rows
  if (scope === 'none') return []
  return rows.filter((p) =>
    scope.some((code) => isWithin(code, p.jurisdictionCode) || isWithin(p.jurisdictionCode, code)),
  )
}

export async function findPool(actor: Actor, id: string): Promise<PoolRow> {
  const pool = (await visiblePools(actor)).find((p) => p.id === id)
  if (!pool) throw notFound('创新券资金池')
  return pool
}

/** 设立券池: a city officer funds a batch of vouchers under a voucher policy (huzhou-innovation-voucher). */
export async function createPool(actor: Actor, input: z.output<typeof CreatePool>) {
  requirePermission(actor, 'voucher.manage')
  const scope = await oversightScope(actor)
  if (scope !== 'all' && (scope === 'none' || !scope.includes(input.jurisdictionCode)))
    throw new AppError('FORBIDDEN', '只能为本辖区设立创新券资金池')
  if (input.policyCode) {
    const policy = await activePolicy(input.policyCode)
    if (policy.definition.kind !== 'voucher')
      throw new AppError('VALIDATION_FAILED', '所选政策不是创新券政策', {
        fields: [{ path: 'policyCode', message: '不是创新券政策' }],
      })
    if (!isWithin(input.jurisdictionCode, policy.jurisdictionCode))
      throw new AppError('VALIDATION_FAILED', '券池地区不在政策适用地区内', {
        fields: [{ path: 'jurisdictionCode', message: '不在政策适用地区内' }],
      })
  }
  const id = newId()
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(voucherPools)
      .values({
        id,
        ...input,
        policyCode: input.policyCode ?? null,
        createdBy: actor.kind === 'user' ? actor.userId : null,
        createdAt: now(),
      })
      .returning()
    await audit(tx, actor, { action: 'voucher.pool.create', targetType: 'voucherPool', targetId: id, after: row })
  })
  const pool = await findPool(actor, id)
  return toPool(pool, (await poolFigures(db, [id])).get(id)!)
}

export async function listPools(actor: Actor) {
  requirePermission(actor, 'voucher.issue')
  const rows = await visiblePools(actor)
  const figures = await poolFigures(
    db,
    rows.map((r) => r.id),
  )
  return { items: rows.map((r) => toPool(r, figures.get(r.id)!)) }
}

export async function poolById(q: Queryable, id: string): Promise<PoolRow | undefined> {
  const [row] = await q.select().from(voucherPools).where(eq(voucherPools.id, id))
  return row
}
