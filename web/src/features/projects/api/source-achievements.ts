import type { Achievement, AchievementPage } from '@server/modules/achievements/contracts'
import { useQueries, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { http } from '../../../shared/http'

export type { Achievement }

export const getAchievement = (id: string) => http.get<Achievement>(`/achievements/${id}`)

/** The project's source achievements (成果库 records the caller may see). */
export function useSourceAchievements(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['achievements', 'detail', id],
      queryFn: () => getAchievement(id),
      retry: false,
    })),
  })
}

export function useAchievementForApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['achievements', 'detail', id],
    queryFn: () => getAchievement(id as string),
    enabled: !!id,
  })
}

/** The caller's own achievements, to start an application from one of them. */
export function useMyAchievements() {
  const query = { owner: 'mine', pageSize: 100, sort: 'updated' }
  return useQuery({
    queryKey: ['achievements', 'search', query],
    queryFn: () => http.get<z.infer<typeof AchievementPage>>('/achievements', query),
  })
}
