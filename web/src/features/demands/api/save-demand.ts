import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreateDemandInput, Demand, SavedDemand, UpdateDemandInput } from './types'

/** 201 with the saved demand and any near-duplicates (a warning, not a refusal). */
export const createDemand = (input: CreateDemandInput) => http.post<SavedDemand>('/demands', input)

export const updateDemand = ({ id, ...input }: UpdateDemandInput & { id: string }) =>
  http.patch<Demand>(`/demands/${id}`, input)

export function useCreateDemand() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createDemand,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['demands'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}

export function useUpdateDemand() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateDemand,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['demands'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}
