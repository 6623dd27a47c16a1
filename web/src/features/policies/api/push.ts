import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CandidateList, EntitlementRun } from './types'

/** 政策精准推送 preview: who is eligible or nearly eligible, and why (nothing is sent). */
export function useCandidates(code: string | undefined, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['policy-candidates', code ?? '', year],
    queryFn: () => http.get<CandidateList>(`/policies/${code}/candidates`, { year }),
    enabled: !!code && enabled,
  })
}

export function usePush(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (year: number) => http.post<CandidateList>(`/policies/${code}/push`, { year }),
    onSuccess: (list) => queryClient.setQueryData(['policy-candidates', code, list.year], list),
  })
}

/** 免申即享: officers create the applications of every eligible entity. */
export function useGrantEntitlements(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (year: number) => http.post<EntitlementRun>(`/policies/${code}/entitlements`, { year }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['policy-applications'] }),
  })
}
