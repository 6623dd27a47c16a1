import type { ServiceOrderStatus, VoucherStatus } from '../api/types'

export const voucherStatusColors: Record<VoucherStatus, string> = {
  active: 'success',
  used: 'default',
  expired: 'warning',
  revoked: 'error',
}

export const orderStatusColors: Record<ServiceOrderStatus, string> = {
  ordered: 'processing',
  accepted: 'processing',
  delivered: 'cyan',
  redemptionSubmitted: 'gold',
  redeemed: 'gold',
  paid: 'success',
  redemptionRejected: 'error',
  cancelled: 'default',
}
