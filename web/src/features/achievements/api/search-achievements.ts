import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { AchievementPage } from './types'

export type AchievementSearch = Record<string, string | number | undefined>

export const searchAchievements = (query: AchievementSearch) => http.get<AchievementPage>('/achievements', query)

/** 成果检索: words, filters, facets and highlighted titles and snippets. */
export function useSearchAchievements(query: AchievementSearch) {
  return useQuery({
    queryKey: ['achievements', 'search', query],
    queryFn: () => searchAchievements(query),
    placeholderData: keepPreviousData,
  })
}
