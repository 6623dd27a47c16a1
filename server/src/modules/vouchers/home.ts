import { and, count, inArray } from 'drizzle-orm'
import { db } from '../../db'
import { can } from '../../platform/auth/actor'
import { addHomeProvider } from '../home/service'
import { orderVisibility } from './orders'
import { serviceOrders } from './schema'

// 待办 on the home page, for officers over the enterprise's area: 兑付审核 (redemption.reviewRedemption), and for
// those who may record the payout (voucher.pay, redemption.payProvider), 兑付已核准、待拨付.
addHomeProvider(['districtOfficer', 'cityOfficer'], async (actor) => {
  const visible = await orderVisibility(actor)
  if (visible === 'none') return {}
  const rows = await db
    .select({ status: serviceOrders.status, n: count() })
    .from(serviceOrders)
    .where(and(visible, inArray(serviceOrders.status, ['redemptionSubmitted', 'redeemed'])))
    .groupBy(serviceOrders.status)
  const counted = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0)
  const toReview = counted('redemptionSubmitted')
  const toPay = can(actor, 'voucher.pay') ? counted('redeemed') : 0
  return {
    todos: [
      ...(toReview
        ? [
            {
              key: 'voucher-redemptions',
              title: `有 ${toReview} 个创新券兑付申请待审核`,
              link: '/service-orders?status=redemptionSubmitted',
            },
          ]
        : []),
      ...(toPay
        ? [
            {
              key: 'voucher-payouts',
              title: `有 ${toPay} 个创新券兑付已核准，待向服务方拨付`,
              link: '/service-orders?status=redeemed',
            },
          ]
        : []),
    ],
  }
})
