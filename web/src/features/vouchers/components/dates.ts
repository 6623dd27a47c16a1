import type { Order } from '../api/types'

/** Today's calendar date in Asia/Shanghai (YYYY-MM-DD), the day the server checks dates against. */
export function todayInShanghai(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** The day (Asia/Shanghai) the redemption was approved: a payout cannot be dated before it. */
export function approvalDate(order: Pick<Order, 'events'>): string | undefined {
  const approved = order.events.filter((e) => e.to === 'redeemed').at(-1)
  return approved && todayInShanghai(new Date(approved.createdAt))
}
