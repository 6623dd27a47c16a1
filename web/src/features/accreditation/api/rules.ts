import { useQuery } from '@tanstack/react-query'
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
