import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreateOrderInput, CreditRecord, Order, OrderItem, RedeemInput, ServiceOrderStatus } from './types'

export function useOrders(query: { status?: ServiceOrderStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['service-orders', 'list', query],
    queryFn: () => http.get<{ items: OrderItem[]; total: number }>('/service-orders', query),
  })
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: ['service-orders', 'detail', id ?? ''],
    queryFn: () => http.get<Order>(`/service-orders/${id}`),
    enabled: !!id,
  })
}

export function useCreateOrder() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateOrderInput) => http.post<Order>('/service-orders', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['service-orders'] }),
  })
}

/** 接单 / 完成 / 取消 / 兑付申请 / 兑付审核 / 拨付 / 评价: each returns the order as it now stands. */
export function useOrderActions(id: string) {
  const queryClient = useQueryClient()
  const refresh = (order: Order) => {
    queryClient.setQueryData(['service-orders', 'detail', id], order)
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ['service-orders', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['vouchers'] }),
      queryClient.invalidateQueries({ queryKey: ['voucher-pools'] }),
      queryClient.invalidateQueries({ queryKey: ['provider-credit'] }),
    ])
  }
  const post = <T>(path: string) =>
    useMutation({
      mutationFn: (body: T) => http.post<Order>(`/service-orders/${id}/${path}`, body),
      onSuccess: refresh,
    })
  return {
    provider: post<{ action: 'accept' | 'decline' | 'deliver'; note?: string; version: number }>('provider'),
    cancel: post<{ note?: string; version: number }>('cancel'),
    redeem: post<RedeemInput>('redemption'),
    review: post<{ decision: 'approve' | 'reject'; falseClaim?: boolean; note?: string; version: number }>(
      'redemption-review',
    ),
    payout: post<{ paidOn: string; reference: string; version: number }>('payout'),
    rate: post<{ score: number; comment?: string }>('rating'),
  }
}

/** 服务方信用记录. */
export function useCredit() {
  return useQuery({
    queryKey: ['provider-credit'],
    queryFn: () => http.get<{ items: CreditRecord[] }>('/provider-credit'),
  })
}
