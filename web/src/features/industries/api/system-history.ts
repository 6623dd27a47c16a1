import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { IndustrySystem } from '../../../shared/registry/industry-systems'

/** Every version of a system, newest first (the active one and the retired ones). */
export const systemHistory = (code: string) =>
  http.get<{ items: IndustrySystem[] }>(`/industry-systems/${code}/history`)

export function useSystemHistory(code: string | undefined) {
  return useQuery({
    queryKey: ['industry-systems', 'history', code ?? ''],
    queryFn: () => systemHistory(code ?? ''),
    enabled: !!code,
  })
}
