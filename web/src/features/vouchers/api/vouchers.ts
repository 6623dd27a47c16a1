import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreatePoolInput, IssueInput, Pool, Voucher, VoucherStatus } from './types'

export function useVouchers(query: { status?: VoucherStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['vouchers', 'list', query],
    queryFn: () => http.get<{ items: Voucher[]; total: number }>('/vouchers', query),
  })
}

export function useVoucher(id: string | undefined) {
  return useQuery({
    queryKey: ['vouchers', 'detail', id ?? ''],
    queryFn: () => http.get<Voucher>(`/vouchers/${id}`),
    enabled: !!id,
  })
}

/** 券池: the funds vouchers are issued from (officers). */
export function usePools(enabled = true) {
  return useQuery({
    queryKey: ['voucher-pools'],
    queryFn: () => http.get<{ items: Pool[] }>('/voucher-pools'),
    enabled,
  })
}

export function useVoucherMutations() {
  const queryClient = useQueryClient()
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['vouchers'] }),
      queryClient.invalidateQueries({ queryKey: ['voucher-pools'] }),
    ])
  return {
    issue: useMutation({
      mutationFn: (input: IssueInput) => http.post<Voucher>('/vouchers', input),
      onSuccess: refresh,
    }),
    createPool: useMutation({
      mutationFn: (input: CreatePoolInput) => http.post<Pool>('/voucher-pools', input),
      onSuccess: refresh,
    }),
    expire: useMutation({
      mutationFn: () => http.post<{ expired: number; returnedFen: number }>('/vouchers/expire', {}),
      onSuccess: refresh,
    }),
  }
}
