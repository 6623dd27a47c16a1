import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Scenario } from './types'

export const setScenarioArchived = ({ id, archived }: { id: string; archived: boolean }) =>
  http.post<Scenario>(`/scenarios/${id}/${archived ? 'archive' : 'restore'}`)

export function useSetScenarioArchived() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: setScenarioArchived,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
  })
}
