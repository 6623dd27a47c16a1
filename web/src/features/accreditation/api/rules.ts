import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { RuleVersion } from './types'

/** The rule version a call was opened under: its conditions, declarations and name format. */
export function useRuleVersion(id: string | undefined) {
  return useQuery({
    queryKey: ['accreditation', 'rule', id ?? ''],
    queryFn: () => http.get<RuleVersion>(`/accreditation/rules/${id}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  })
}

/** 待定参数: the city officer sets what a document leaves open; a new version of the rules from its date. */
export function useSetParameters(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { values: Record<string, number>; versionLabel: string; note: string }) =>
      http.post<RuleVersion>(`/accreditation/rules/${id}/parameters`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accreditation'] }),
  })
}
