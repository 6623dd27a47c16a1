import type { PortalMatchResult } from '@server/modules/portal/service'
import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type { PortalMatchResult }

/**
 * 描述需求，匹配成果: free text against the achievements of the selected city the caller may see (public ones
 * for a visitor), the same city the catalogue lists.
 */
export const matchAchievements = (text: string, city: string, limit = 8) =>
  http.post<{ results: PortalMatchResult[] }>('/portal/match', { text, city, limit })

export function useMatchAchievements(city: string) {
  return useMutation({ mutationFn: (text: string) => matchAchievements(text, city) })
}
