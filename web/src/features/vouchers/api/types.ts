import type {
  CreateOrder,
  CreatePool,
  CreditRecord as CreditRecordSchema,
  IssueVoucher,
  Order as OrderSchema,
  Pool as PoolSchema,
  Redeem,
  Voucher as VoucherSchema,
} from '@server/modules/vouchers/contracts'
import type { ServiceOrderStatus, VoucherCategory, VoucherStatus } from '@server/modules/vouchers/schema'
import type { z } from 'zod'

export type { ServiceOrderStatus, VoucherCategory, VoucherStatus }
export type Voucher = z.infer<typeof VoucherSchema>
export type Pool = z.infer<typeof PoolSchema>
export type Order = z.infer<typeof OrderSchema>
export type OrderItem = Omit<Order, 'events'>
export type CreditRecord = z.infer<typeof CreditRecordSchema>
export type IssueInput = z.input<typeof IssueVoucher>
export type CreatePoolInput = z.input<typeof CreatePool>
export type CreateOrderInput = z.input<typeof CreateOrder>
export type RedeemInput = z.input<typeof Redeem>

export const categoryLabels: Record<VoucherCategory, string> = { poc: '概念验证', pilot: '中试', testing: '检测' }
export const categoryOptions = (Object.keys(categoryLabels) as VoucherCategory[]).map((value) => ({
  value,
  label: categoryLabels[value],
}))
