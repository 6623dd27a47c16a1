import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreateExpertInput, Expert, SavedExpert, UpdateExpertInput } from './types'

export const createExpert = (input: CreateExpertInput) => http.post<SavedExpert>('/experts', input)

/** Carries the version the person saw; 409 STALE_VERSION when someone else saved first. */
export const updateExpert = ({ id, ...input }: UpdateExpertInput & { id: string }) =>
  http.patch<Expert>(`/experts/${id}`, input)

export function useSaveExpert() {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['experts'] })
  return {
    create: useMutation({ mutationFn: createExpert, onSuccess: refresh }),
    update: useMutation({ mutationFn: updateExpert, onSuccess: refresh }),
  }
}
