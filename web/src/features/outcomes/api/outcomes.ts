import type { Outcome, OutcomeList, RecordOutcome, Statistics } from '@server/modules/outcomes/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { http } from '../../../shared/http'

export type OutcomeItem = z.infer<typeof Outcome>
export type Outcomes = z.infer<typeof OutcomeList>
export type RecordOutcomeInput = z.input<typeof RecordOutcome>
export type PipelineStatistics = z.infer<typeof Statistics>

export function useOutcomes(projectId: string) {
  return useQuery({
    queryKey: ['outcomes', projectId],
    queryFn: () => http.get<Outcomes>(`/projects/${projectId}/outcomes`),
  })
}

/** 登记成果: a landing moves the project to 已落地转化, so the project is read again. */
export function useRecordOutcome(projectId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RecordOutcomeInput) => http.post<OutcomeItem>(`/projects/${projectId}/outcomes`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['outcomes'] })
      void queryClient.invalidateQueries({ queryKey: ['projects'] })
      void queryClient.invalidateQueries({ queryKey: ['outcome-statistics'] })
    },
  })
}

/** The caller's own numbers over a period (a center's or platform's, or the city's for officers). */
export function useStatistics(from: string, to: string) {
  return useQuery({
    queryKey: ['outcome-statistics', from, to],
    queryFn: () => http.get<PipelineStatistics>('/outcome-statistics', { from, to }),
  })
}
