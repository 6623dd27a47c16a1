import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Achievement } from './types'

/** 归档 (out of search and matching, kept with its history) or 恢复. */
export const setAchievementArchived = ({ id, archived }: { id: string; archived: boolean }) =>
  http.post<Achievement>(`/achievements/${id}/${archived ? 'archive' : 'restore'}`)

export function useSetAchievementArchived() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: setAchievementArchived,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['achievements'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}
