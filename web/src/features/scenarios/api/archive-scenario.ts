import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Scenario } from './types'

export const setScenarioArchived = ({ id, archived }: { id: string; archived: boolean }) =>
  http.post<Scenario>(`/scenarios/${id}/${archived ? 'archive' : 'restore'}`)

export function useSetScenarioArchived() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: setScenarioArchived,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}
