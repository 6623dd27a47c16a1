import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { ScenarioPage } from './types'

export type ScenarioSearch = Record<string, string | number | undefined>

export const searchScenarios = (query: ScenarioSearch) => http.get<ScenarioPage>('/scenarios', query)

/** 场景检索: words, filters, facets, highlighted titles and snippets. */
export function useSearchScenarios(query: ScenarioSearch) {
  return useQuery({
    queryKey: ['scenarios', 'search', query],
    queryFn: () => searchScenarios(query),
    placeholderData: keepPreviousData,
  })
}
