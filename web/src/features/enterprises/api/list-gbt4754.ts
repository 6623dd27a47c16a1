import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type GbtSection = { code: string; name: string; divisions: { code: string; name: string }[] }

/** GB/T 4754-2017 门类 and their 大类, for the industry fields of an enterprise. */
export function useGbt4754() {
  return useQuery({
    queryKey: ['enterprises', 'gbt4754'],
    queryFn: () => http.get<{ items: GbtSection[] }>('/enterprises/gbt4754'),
    staleTime: Number.POSITIVE_INFINITY,
  })
}
