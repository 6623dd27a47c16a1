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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
  })
}

export function useUpdateScenario() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: updateScenario,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
  })
}
