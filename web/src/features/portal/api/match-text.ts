import type { MatchResult } from '@server/modules/matching/service'
import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type { MatchResult }

/** 描述需求，匹配成果: free text against the achievements the caller may see (public ones for a visitor). */
export const matchAchievements = (text: string, limit = 8) =>
  http.post<{ results: MatchResult[] }>('/match/achievements', { text, limit })

export function useMatchAchievements() {
  return useMutation({ mutationFn: (text: string) => matchAchievements(text) })
}
