import type { ServiceOrderStatus, VoucherCategory, VoucherStatus } from './schema'

export const categoryLabels: Record<VoucherCategory, string> = { poc: '概念验证', pilot: '中试', testing: '检测' }
export const voucherStatusLabels: Record<VoucherStatus, string> = {
  active: '可使用',
  used: '已用完',
  expired: '已过期',
  revoked: '已作废',
}
export const orderStatusLabels: Record<ServiceOrderStatus, string> = {
  ordered: '已下单',
  accepted: '服务方已接单',
  delivered: '服务已完成',
  redemptionSubmitted: '兑付审核中',
  redeemed: '兑付已核准',
  paid: '已向服务方拨付',
  redemptionRejected: '兑付未通过',
  cancelled: '已取消',
}
