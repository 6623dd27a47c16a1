import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Achievement, CreateAchievementInput, SavedAchievement, UpdateAchievementInput } from './types'

/** 201 with the saved record and any near-duplicates found (a warning, not a refusal). */
export const createAchievement = (input: CreateAchievementInput) => http.post<SavedAchievement>('/achievements', input)

export const updateAchievement = ({ id, ...input }: UpdateAchievementInput & { id: string }) =>
  http.patch<Achievement>(`/achievements/${id}`, input)

export function useCreateAchievement() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createAchievement,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['achievements'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}

export function useUpdateAchievement() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateAchievement,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['achievements'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}
