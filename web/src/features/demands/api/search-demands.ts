import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { DemandPage } from './types'

export type DemandSearch = Record<string, string | number | undefined>

export const searchDemands = (query: DemandSearch) => http.get<DemandPage>('/demands', query)

/** 需求检索: words, filters, facets, highlighted titles and snippets. */
export function useSearchDemands(query: DemandSearch) {
  return useQuery({
    queryKey: ['demands', 'search', query],
    queryFn: () => searchDemands(query),
    placeholderData: keepPreviousData,
  })
}
