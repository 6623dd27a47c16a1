import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Scenario, ScenarioStatus } from './types'

/** 征集中 ⇄ 已截止 (reopening needs a reason), with the record's version. */
export const changeScenarioStatus = ({
  id,
  ...input
}: {
  id: string
  status: ScenarioStatus
  version: number
  reason?: string
}) => http.post<Scenario>(`/scenarios/${id}/status`, input)

export function useChangeScenarioStatus() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changeScenarioStatus,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
  })
}
