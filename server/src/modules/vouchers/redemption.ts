import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Transaction } from '../../db'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { oversightScope } from '../jurisdictions/service'
import { dispatch, formatFen, notify } from '../policies/service'
import type { Payout, Rate, Redeem, ReviewRedemption } from './contracts'
import { BAD_RATING_MAX, recordCreditEvent } from './credit'
import { categoryLabels } from './labels'
import { findOrder, getOrder, type OrderRow, transition } from './orders'
import { lockPool, poolEntry } from './pools'
import { serviceOrderEvents, vouchers } from './schema'

type Notice = NonNullable<Awaited<ReturnType<typeof notify>>>
const field = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })

async function lockVouchers(tx: Transaction, ids: readonly string[]) {
  for (const id of [...ids].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`voucher:${id}`}))`)
  return tx
    .select()
    .from(vouchers)
    .where(inArray(vouchers.id, [...ids]))
}

/**
 * 兑付申请: after the service, the enterprise submits the contract and its payment proof and names the vouchers that
 * pay the rest. Each voucher must be its own, valid today (Asia/Shanghai), for this service category, with enough
 * balance; the amounts are held until an officer decides.
 */
export async function submitRedemption(actor: Actor, id: string, input: z.output<typeof Redeem>) {
  requirePermission(actor, 'voucher.order')
  const user = requireUser(actor)
  const row = await findOrder(actor, id)
  if (row.enterpriseOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有下单企业可以申请兑付')
  if (row.version !== input.version) throw new AppError('STALE_VERSION', '订单已被更新，请刷新后重试')
  if (row.status !== 'delivered') throw new AppError('STATE_INVALID', '服务方确认服务完成后才能申请兑付')
  // One document cannot prove both the agreement and the payment (same digest = same bytes).
  if (input.contract.digest === input.paymentProof.digest)
    throw field('paymentProof', '服务合同与付款凭证不能是同一文件')
  const voucherFen = input.allocations.reduce((s, a) => s + a.amountFen, 0)
  if (new Set(input.allocations.map((a) => a.voucherId)).size !== input.allocations.length)
    throw field('allocations', '同一张创新券重复填写')
  if (voucherFen > input.contractAmountFen)
    throw field('allocations', `创新券抵扣 ${formatFen(voucherFen)} 超过合同金额 ${formatFen(input.contractAmountFen)}`)
  if (input.enterprisePaidFen < input.contractAmountFen - voucherFen)
    throw field(
      'enterprisePaidFen',
      `企业自付 ${formatFen(input.enterprisePaidFen)} 与创新券抵扣合计不足合同金额 ${formatFen(input.contractAmountFen)}`,
    )
  const today = todayInShanghai(now())
  const notices: Notice[] = []
  await db.transaction(async (tx) => {
    const found = new Map(
      (
        await lockVouchers(
          tx,
          input.allocations.map((a) => a.voucherId),
        )
      ).map((v) => [v.id, v]),
    )
    for (const [i, a] of input.allocations.entries()) {
      const v = found.get(a.voucherId)
      const path = `allocations.${i}`
      if (!v || v.enterpriseOrgId !== row.enterpriseOrgId) throw field(path, '创新券不存在或不属于本企业')
      if (v.status !== 'active' || today < v.validFrom || today > v.validTo)
        throw field(path, `创新券 ${v.code} 不在有效期内（${v.validFrom} 至 ${v.validTo}）或已不可用`)
      if (!v.categories.includes(row.category))
        throw field(path, `创新券 ${v.code} 不能用于${categoryLabels[row.category]}服务`)
      if (a.amountFen > v.balanceFen) throw field(path, `创新券 ${v.code} 余额 ${formatFen(v.balanceFen)} 不足`)
      await tx
        .update(vouchers)
        .set({
          balanceFen: v.balanceFen - a.amountFen,
          heldFen: v.heldFen + a.amountFen,
          version: v.version + 1,
          updatedAt: now(),
        })
        .where(eq(vouchers.id, v.id))
    }
    await transition(
      tx,
      actor,
      row,
      'redemptionSubmitted',
      {
        contract: { key: 'contract', ...input.contract },
        paymentProof: { key: 'paymentProof', ...input.paymentProof },
        contractAmountFen: input.contractAmountFen,
        enterprisePaidFen: input.enterprisePaidFen,
        allocations: input.allocations,
        voucherFen,
      },
      `合同金额 ${formatFen(input.contractAmountFen)}，企业自付 ${formatFen(input.enterprisePaidFen)}，创新券抵扣 ${formatFen(voucherFen)}`,
    )
    const notice = await notify(tx, {
      recipientOrgId: row.providerOrgId,
      kind: 'voucher.redemption',
      title: `创新券兑付申请：${row.title}`,
      body: `${row.carrierName}的服务“${row.title}”已提交创新券兑付 ${formatFen(voucherFen)}，待主管部门审核。`,
      link: `/service-orders/${row.id}`,
      data: { orderId: row.id },
    })
    if (notice) notices.push(notice)
  })
  await dispatch(notices)
  return getOrder(actor, id)
}

async function requireOfficerOver(actor: Actor, row: OrderRow) {
  const scope = await oversightScope(actor)
  if (scope !== 'all' && (scope === 'none' || !scope.includes(row.jurisdictionCode)))
    throw new AppError('FORBIDDEN', '只能审核本辖区企业的兑付')
}

/** Releases held amounts: back to the voucher, or to the pool when the voucher has expired meanwhile. */
async function releaseHolds(tx: Transaction, row: OrderRow) {
  const found = await lockVouchers(
    tx,
    row.allocations.map((a) => a.voucherId),
  )
  for (const a of row.allocations) {
    const v = found.find((x) => x.id === a.voucherId)!
    const expired = v.status === 'expired'
    await tx
      .update(vouchers)
      .set({
        heldFen: v.heldFen - a.amountFen,
        balanceFen: expired ? v.balanceFen : v.balanceFen + a.amountFen,
        version: v.version + 1,
        updatedAt: now(),
      })
      .where(eq(vouchers.id, v.id))
    if (expired) {
      await lockPool(tx, v.poolId)
      await poolEntry(tx, {
        poolId: v.poolId,
        kind: 'return',
        amountFen: a.amountFen,
        voucherId: v.id,
        orderId: row.id,
        note: `${v.code} 兑付未通过，已过期券的暂扣额退回`,
      })
    }
  }
}

/** 兑付审核: approve (the held amounts are spent) or reject (released); a false claim goes on the provider's credit. */
export async function reviewRedemption(actor: Actor, id: string, input: z.output<typeof ReviewRedemption>) {
  requirePermission(actor, 'voucher.review')
  const row = await findOrder(actor, id)
  await requireOfficerOver(actor, row)
  if (row.version !== input.version) throw new AppError('STALE_VERSION', '订单已被更新，请刷新后重试')
  if (row.status !== 'redemptionSubmitted') throw new AppError('STATE_INVALID', '订单没有待审核的兑付申请')
  if (input.decision === 'reject' && !input.note) throw field('note', '不予兑付须说明理由')
  if (input.decision === 'approve' && input.falseClaim) throw field('falseClaim', '核准兑付时不能认定虚假申报')
  const notices: Notice[] = []
  await db.transaction(async (tx) => {
    if (input.decision === 'approve') {
      const found = await lockVouchers(
        tx,
        row.allocations.map((a) => a.voucherId),
      )
      for (const a of row.allocations) {
        const v = found.find((x) => x.id === a.voucherId)!
        const held = v.heldFen - a.amountFen
        const used = v.status === 'active' && v.balanceFen === 0 && held === 0
        await tx
          .update(vouchers)
          .set({ heldFen: held, status: used ? 'used' : v.status, version: v.version + 1, updatedAt: now() })
          .where(eq(vouchers.id, v.id))
      }
      await transition(tx, actor, row, 'redeemed', { reviewNote: input.note ?? null }, input.note ?? '兑付核准')
    } else {
      await releaseHolds(tx, row)
      await transition(
        tx,
        actor,
        row,
        'redemptionRejected',
        { reviewNote: input.note ?? null, falseClaim: input.falseClaim },
        input.note ?? null,
      )
      if (input.falseClaim)
        await recordCreditEvent(tx, actor, {
          providerOrgId: row.providerOrgId,
          carrierId: row.carrierId,
          orderId: row.id,
          kind: 'falseClaim',
          note: input.note ?? '',
        })
    }
    const text =
      input.decision === 'approve' ? `已核准创新券兑付 ${formatFen(row.voucherFen)}` : `兑付未通过：${input.note}`
    for (const orgId of [row.enterpriseOrgId, row.providerOrgId]) {
      const notice = await notify(tx, {
        recipientOrgId: orgId,
        kind: 'voucher.redemption',
        title: `创新券兑付审核：${row.title}`,
        body: `${row.title}：${text}。`,
        link: `/service-orders/${row.id}`,
        data: { orderId: row.id },
      })
      if (notice) notices.push(notice)
    }
  })
  await dispatch(notices)
  return getOrder(actor, id)
}

/** The calendar day (Asia/Shanghai) the redemption was approved: its latest move to 兑付已核准. */
async function approvalDate(orderId: string): Promise<string | undefined> {
  const [approved] = await db
    .select({ at: serviceOrderEvents.createdAt })
    .from(serviceOrderEvents)
    .where(and(eq(serviceOrderEvents.orderId, orderId), eq(serviceOrderEvents.toStatus, 'redeemed')))
    .orderBy(desc(serviceOrderEvents.createdAt))
    .limit(1)
  return approved && todayInShanghai(approved.at)
}

/** 向服务方拨付: the provider is paid the vouchers' part from the pools the vouchers came from. */
export async function payProvider(actor: Actor, id: string, input: z.output<typeof Payout>) {
  requirePermission(actor, 'voucher.pay')
  const row = await findOrder(actor, id)
  await requireOfficerOver(actor, row)
  if (row.version !== input.version) throw new AppError('STALE_VERSION', '订单已被更新，请刷新后重试')
  if (row.status !== 'redeemed') throw new AppError('STATE_INVALID', '兑付核准后才能拨付')
  if (input.paidOn > todayInShanghai(now())) throw field('paidOn', '拨付日期不能晚于今天')
  const approvedOn = await approvalDate(row.id)
  if (approvedOn && input.paidOn < approvedOn) throw field('paidOn', `拨付日期不能早于兑付核准日期 ${approvedOn}`)
  const notices: Notice[] = []
  await db.transaction(async (tx) => {
    const found = await tx
      .select()
      .from(vouchers)
      .where(
        inArray(
          vouchers.id,
          row.allocations.map((a) => a.voucherId),
        ),
      )
    for (const a of row.allocations) {
      const v = found.find((x) => x.id === a.voucherId)!
      await lockPool(tx, v.poolId)
      await poolEntry(tx, {
        poolId: v.poolId,
        kind: 'payout',
        amountFen: a.amountFen,
        voucherId: v.id,
        orderId: row.id,
        note: `向${row.carrierName}拨付（${input.reference}）`,
      })
    }
    await transition(
      tx,
      actor,
      row,
      'paid',
      { paidOn: input.paidOn, payoutReference: input.reference },
      `拨付 ${formatFen(row.voucherFen)}（${input.paidOn}，凭证 ${input.reference}）`,
    )
    const notice = await notify(tx, {
      recipientOrgId: row.providerOrgId,
      kind: 'voucher.payout',
      title: `创新券资金已拨付：${row.title}`,
      body: `${row.carrierName}获拨创新券资金 ${formatFen(row.voucherFen)}（${input.paidOn}）。`,
      link: `/service-orders/${row.id}`,
      data: { orderId: row.id },
    })
    if (notice) notices.push(notice)
  })
  await dispatch(notices)
  return getOrder(actor, id)
}

/** 服务评价: the enterprise rates a delivered service once; a bad rating goes on the provider's credit. */
export async function rateOrder(actor: Actor, id: string, input: z.output<typeof Rate>) {
  requirePermission(actor, 'voucher.order')
  const user = requireUser(actor)
  const row = await findOrder(actor, id)
  if (row.enterpriseOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有下单企业可以评价')
  if (!['delivered', 'redemptionSubmitted', 'redeemed', 'paid', 'redemptionRejected'].includes(row.status))
    throw new AppError('STATE_INVALID', '服务完成后才能评价')
  if (row.rating !== null) throw new AppError('CONFLICT', '已评价过该服务')
  await db.transaction(async (tx) => {
    await transition(
      tx,
      actor,
      row,
      row.status,
      { rating: input.score, ratingComment: input.comment ?? null, ratedAt: now() },
      `评价 ${input.score} 星${input.comment ? `：${input.comment}` : ''}`,
      'voucher.order.rate',
    )
    if (input.score <= BAD_RATING_MAX)
      await recordCreditEvent(tx, actor, {
        providerOrgId: row.providerOrgId,
        carrierId: row.carrierId,
        orderId: row.id,
        kind: 'badRating',
        note: `${input.score} 星：${input.comment ?? ''}`,
      })
  })
  return getOrder(actor, id)
}
