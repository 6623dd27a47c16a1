import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'

type CarrierOption = { id: string; name: string; kindLabel: string; jurisdictionName: string }

/**
 * Carriers an instrument can be registered under: an operator's own (owner=mine), an officer's by search
 * (the server refuses those outside their area).
 */
export function useCarrierOptions(text: string, mine: boolean) {
  return useQuery({
    queryKey: ['carriers', 'options', mine, text],
    queryFn: () =>
      http.get<{ items: CarrierOption[] }>('/carriers', {
        q: text || undefined,
        owner: mine ? 'mine' : undefined,
        sort: text ? 'relevance' : 'name',
        pageSize: 30,
      }),
    staleTime: 30_000,
  })
}
