import { randomBytes } from 'node:crypto'
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { oversightScope } from '../jurisdictions/service'
import { findOrganization, organizationNames } from '../organizations/service'
import { activePolicy, dispatch, formatFen, isWithin, notify, organizationEligibility } from '../policies/service'
import type { IssueVoucher, VoucherQuery } from './contracts'
import { categoryLabels, voucherStatusLabels } from './labels'
import { findPool, lockPool, poolEntry, poolFigures } from './pools'
import { vouchers } from './schema'

export type VoucherRow = typeof vouchers.$inferSelect
const field = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })

export async function toVouchers(rows: readonly VoucherRow[]) {
  const names = await organizationNames(rows.map((r) => r.enterpriseOrgId))
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    poolId: r.poolId,
    enterpriseOrgId: r.enterpriseOrgId,
    enterpriseName: names.get(r.enterpriseOrgId) ?? '',
    amountFen: r.amountFen,
    balanceFen: r.balanceFen,
    heldFen: r.heldFen,
    categories: r.categories,
    categoryLabels: r.categories.map((c) => categoryLabels[c]),
    validFrom: r.validFrom,
    validTo: r.validTo,
    status: r.status,
    statusLabel: voucherStatusLabels[r.status],
    createdAt: r.createdAt.toISOString(),
  }))
}

const codeOf = (year: number) => `CXQ-${year}-${randomBytes(5).toString('hex').toUpperCase()}`

/**
 * 发券: an officer issues a voucher from a pool to an enterprise the pool's policy serves (the engine decides),
 * for service categories the policy allows, within the policy's validity, never beyond what the pool has left.
 */
export async function issueVoucher(actor: Actor, input: z.output<typeof IssueVoucher>) {
  requirePermission(actor, 'voucher.issue')
  const pool = await findPool(actor, input.poolId)
  const org = await findOrganization(input.enterpriseOrgId)
  if (org?.kind !== 'enterprise') throw field('enterpriseOrgId', '创新券只发给企业')
  const scope = await oversightScope(actor)
  if (scope !== 'all' && (scope === 'none' || !scope.includes(org.jurisdictionCode)))
    throw new AppError('FORBIDDEN', '只能向本辖区的企业发放创新券')
  if (!isWithin(org.jurisdictionCode, pool.jurisdictionCode)) throw field('enterpriseOrgId', '企业不在券池适用地区内')
  if (input.validTo < input.validFrom) throw field('validTo', '有效期截止日期早于起始日期')
  if (input.validTo < todayInShanghai(now())) throw field('validTo', '有效期截止日期已过')
  if (pool.policyCode) {
    const policy = await activePolicy(pool.policyCode)
    const allowed = policy.definition.voucher?.categories ?? []
    const outside = input.categories.filter((c) => !allowed.includes(c))
    if (outside.length)
      throw field(
        'categories',
        `《${policy.title}》可兑付的服务为${allowed.map((c) => categoryLabels[c]).join('、')}，不含${outside.map((c) => categoryLabels[c]).join('、')}`,
      )
    const to = policy.definition.validity.to
    if (to && input.validTo > to) throw field('validTo', `创新券有效期不能晚于政策有效期 ${to}`)
    const eligibility = await organizationEligibility(pool.policyCode, org.id, pool.year)
    if (eligibility.status !== 'computed')
      throw new AppError(
        'RULE_VIOLATION',
        `${org.name}不符合《${policy.title}》：${eligibility.steps.filter((s) => !s.startsWith('✓') && !s.startsWith('依据')).join('；')}`,
      )
  }
  const id = newId()
  const notices: NonNullable<Awaited<ReturnType<typeof notify>>>[] = []
  await db.transaction(async (tx) => {
    await lockPool(tx, pool.id)
    const f = (await poolFigures(tx, [pool.id])).get(pool.id)!
    const available = pool.totalFen - f.issued + f.returned
    if (input.amountFen > available)
      throw new AppError('RULE_VIOLATION', `券池余额 ${formatFen(available)}，不足以发放 ${formatFen(input.amountFen)}`)
    const at = now()
    const [row] = await tx
      .insert(vouchers)
      .values({
        id,
        code: codeOf(pool.year),
        poolId: pool.id,
        enterpriseOrgId: org.id,
        jurisdictionCode: org.jurisdictionCode,
        amountFen: input.amountFen,
        balanceFen: input.amountFen,
        categories: input.categories,
        validFrom: input.validFrom,
        validTo: input.validTo,
        status: 'active',
        issuedBy: actor.kind === 'user' ? actor.userId : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await poolEntry(tx, {
      poolId: pool.id,
      kind: 'issue',
      amountFen: input.amountFen,
      voucherId: id,
      note: `向${org.name}发放 ${row!.code}`,
    })
    await audit(tx, actor, {
      action: 'voucher.issue',
      targetType: 'voucher',
      targetId: id,
      after: row,
      detail: { pool: pool.id },
    })
    const notice = await notify(tx, {
      recipientOrgId: org.id,
      kind: 'voucher.issued',
      title: `您获得创新券 ${formatFen(input.amountFen)}`,
      body: `${org.name}获得创新券 ${row!.code}，券面 ${formatFen(input.amountFen)}，可用于${input.categories.map((c) => categoryLabels[c]).join('、')}服务，有效期 ${input.validFrom} 至 ${input.validTo}。`,
      link: `/vouchers/${id}`,
      data: { voucherId: id },
    })
    if (notice) notices.push(notice)
  })
  await dispatch(notices)
  const [row] = await db.select().from(vouchers).where(eq(vouchers.id, id))
  return (await toVouchers([row!]))[0]!
}

/** An enterprise sees its own vouchers; officers those of enterprises in their area. */
export async function voucherVisibility(actor: Actor): Promise<SQL | undefined | 'none'> {
  if (actor.kind === 'system') return undefined
  if (actor.kind !== 'user') return 'none'
  if (actor.role === 'enterpriseUser') return eq(vouchers.enterpriseOrgId, actor.orgId)
  if (actor.role !== 'cityOfficer' && actor.role !== 'districtOfficer') return 'none'
  const scope = await oversightScope(actor)
  return scope === 'all' ? undefined : scope === 'none' ? 'none' : inArray(vouchers.jurisdictionCode, scope)
}

export async function listVouchers(actor: Actor, query: z.output<typeof VoucherQuery>) {
  requirePermission(actor, 'voucher.read')
  const visible = await voucherVisibility(actor)
  if (visible === 'none') return { items: [], total: 0 }
  const where = and(visible, query.status ? eq(vouchers.status, query.status) : undefined)
  const [total] = await db.select({ n: count() }).from(vouchers).where(where)
  const rows = await db
    .select()
    .from(vouchers)
    .where(where)
    .orderBy(desc(vouchers.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: await toVouchers(rows), total: Number(total?.n ?? 0) }
}

/** One voucher, for its holder and the officers over its area (the link in an issue notice). */
export async function getVoucher(actor: Actor, id: string) {
  requirePermission(actor, 'voucher.read')
  const visible = await voucherVisibility(actor)
  if (visible === 'none') throw notFound('创新券')
  const [row] = await db
    .select()
    .from(vouchers)
    .where(and(eq(vouchers.id, id), visible))
  if (!row) throw notFound('创新券')
  return (await toVouchers([row]))[0]!
}
