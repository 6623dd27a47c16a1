import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type PortalSummary = {
  city: { code: string; name: string }
  system: { code: string; name: string } | null
  totals: { type: string; label: string; count: number }[]
  chains: {
    code: string
    name: string
    parent: string | null
    toBeCompleted: boolean
    counts: Record<string, number>
  }[]
}

/** The city's 公开 records by kind and by chain of its industry system. */
export function usePortalSummary(city: string) {
  return useQuery({
    queryKey: ['portal', 'summary', city],
    queryFn: () => http.get<PortalSummary>('/portal/summary', { city }),
    staleTime: 60_000,
  })
}

/** 温州 / 湖州 / 厦门: the cities the portal serves. */
export function usePortalCities() {
  return useQuery({
    queryKey: ['portal', 'cities'],
    queryFn: () => http.get<{ items: { code: string; name: string }[] }>('/portal/cities'),
    staleTime: Number.POSITIVE_INFINITY,
  })
}
