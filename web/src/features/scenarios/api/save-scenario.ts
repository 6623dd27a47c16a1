import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreateScenarioInput, SavedScenario, Scenario, UpdateScenarioInput } from './types'

/** 201 with the saved scenario and any near-duplicates (a warning, not a refusal). */
export const createScenario = (input: CreateScenarioInput) => http.post<SavedScenario>('/scenarios', input)

export const updateScenario = ({ id, ...input }: UpdateScenarioInput & { id: string }) =>
  http.patch<Scenario>(`/scenarios/${id}`, input)

export function useCreateScenario() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createScenario,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}

export function useUpdateScenario() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateScenario,
    // The record, its lists and its 修改记录 change together.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
        queryClient.invalidateQueries({ queryKey: ['history'] }),
      ]),
  })
}
