import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Demand } from './types'

export const setDemandArchived = ({ id, archived }: { id: string; archived: boolean }) =>
  http.post<Demand>(`/demands/${id}/${archived ? 'archive' : 'restore'}`)

export function useSetDemandArchived() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: setDemandArchived,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['demands'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}
