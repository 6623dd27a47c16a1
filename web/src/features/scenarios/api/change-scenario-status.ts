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
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}
