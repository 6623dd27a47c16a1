import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { BudgetView, LedgerPage } from './types'

/** 预算视图: commitments and payments against each policy's budget, by level of finance. */
export function useBudget(year: number) {
  return useQuery({
    queryKey: ['policy-budget', year],
    queryFn: () => http.get<BudgetView>('/policy-budget', { year }),
  })
}

/** 政策台账: per entity × policy × year. */
export function useLedger(query: { year?: number; policy?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['policy-ledger', query],
    queryFn: () => http.get<LedgerPage>('/policy-ledger', query),
  })
}
