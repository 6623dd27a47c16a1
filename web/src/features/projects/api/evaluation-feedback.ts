import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { EvaluationFeedback } from './types'

/** 评审意见: scores and comments as 评审专家 A/B/C, for the applicant and the center in charge. */
export const getEvaluationFeedback = (id: string) => http.get<EvaluationFeedback>(`/projects/${id}/evaluation-feedback`)

export function useEvaluationFeedback(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['projects', 'feedback', id],
    queryFn: () => getEvaluationFeedback(id),
    enabled,
    retry: false,
  })
}
