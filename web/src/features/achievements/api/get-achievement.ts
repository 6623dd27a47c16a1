import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Achievement } from './types'

export const getAchievement = (id: string) => http.get<Achievement>(`/achievements/${id}`)

export function useAchievement(id: string | undefined) {
  return useQuery({
    queryKey: ['achievements', 'detail', id],
    queryFn: () => getAchievement(id as string),
    enabled: !!id,
  })
}
