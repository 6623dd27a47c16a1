import { and, count, eq } from 'drizzle-orm'
import { db } from '../../db'
import { addHomeProvider } from '../home/service'
import { orderVisibility } from './orders'
import { serviceOrders } from './schema'

// 待办 on the home page: 创新券兑付 an officer over the enterprise's area may decide (redemption.reviewRedemption).
addHomeProvider(['districtOfficer', 'cityOfficer'], async (actor) => {
  const visible = await orderVisibility(actor)
  if (visible === 'none') return {}
  const [row] = await db
    .select({ n: count() })
    .from(serviceOrders)
    .where(and(visible, eq(serviceOrders.status, 'redemptionSubmitted')))
  const n = Number(row?.n ?? 0)
  return {
    todos: n ? [{ key: 'voucher-redemptions', title: `有 ${n} 个创新券兑付申请待审核`, link: '/service-orders' }] : [],
  }
})
