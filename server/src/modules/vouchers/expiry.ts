import { and, eq, inArray, lt } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { oversightScope } from '../jurisdictions/service'
import { dispatch, formatFen, notify } from '../policies/service'
import { lockPool, poolEntry } from './pools'
import { vouchers } from './schema'

/**
 * 过期退回: a voucher is valid through its last day (Asia/Shanghai); from the next day its unused balance goes back
 * to its pool. Amounts held by a redemption under review stay held; a rejected one returns them then. Runs at start
 * and on an officer's request; running it twice changes nothing the second time.
 */
export async function expireVouchers(actor: Actor): Promise<{ expired: number; returnedFen: number }> {
  requirePermission(actor, 'voucher.manage')
  const today = todayInShanghai(now())
  const scope = await oversightScope(actor)
  if (scope === 'none') return { expired: 0, returnedFen: 0 }
  const due = await db
    .select()
    .from(vouchers)
    .where(
      and(
        eq(vouchers.status, 'active'),
        lt(vouchers.validTo, today),
        scope === 'all' ? undefined : inArray(vouchers.jurisdictionCode, scope),
      ),
    )
  let returnedFen = 0
  let expired = 0
  const notices: NonNullable<Awaited<ReturnType<typeof notify>>>[] = []
  for (const voucher of due) {
    await db.transaction(async (tx) => {
      await lockPool(tx, voucher.poolId)
      const [row] = await tx
        .update(vouchers)
        .set({ status: 'expired', balanceFen: 0, version: voucher.version + 1, updatedAt: now() })
        .where(and(eq(vouchers.id, voucher.id), eq(vouchers.status, 'active'), eq(vouchers.version, voucher.version)))
        .returning()
      if (!row) return
      expired++
      if (voucher.balanceFen > 0) {
        returnedFen += voucher.balanceFen
        await poolEntry(tx, {
          poolId: voucher.poolId,
          kind: 'return',
          amountFen: voucher.balanceFen,
          voucherId: voucher.id,
          note: `${voucher.code} 于 ${voucher.validTo} 到期，未使用余额退回`,
        })
      }
      await audit(tx, actor, {
        action: 'voucher.expire',
        targetType: 'voucher',
        targetId: voucher.id,
        before: voucher,
        after: row,
        detail: { validTo: voucher.validTo, today, returnedFen: voucher.balanceFen },
      })
      const notice = await notify(tx, {
        recipientOrgId: voucher.enterpriseOrgId,
        kind: 'voucher.expired',
        title: `创新券 ${voucher.code} 已过期`,
        body: `创新券 ${voucher.code} 有效期至 ${voucher.validTo}，未使用的 ${formatFen(voucher.balanceFen)} 已退回资金池。`,
        link: `/vouchers/${voucher.id}`,
        data: { voucherId: voucher.id },
        dedupeKey: `voucher-expired:${voucher.id}`,
      })
      if (notice) notices.push(notice)
    })
  }
  await dispatch(notices)
  return { expired, returnedFen }
}
