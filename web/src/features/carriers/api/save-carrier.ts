import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Carrier, CreateCarrierInput, SavedCarrier, UpdateCarrierInput } from './types'

export const createCarrier = (input: CreateCarrierInput) => http.post<SavedCarrier>('/carriers', input)

/** Carries the version the person saw; 409 STALE_VERSION when someone else saved first. */
export const updateCarrier = ({ id, ...input }: UpdateCarrierInput & { id: string }) =>
  http.patch<Carrier>(`/carriers/${id}`, input)

export function useSaveCarrier() {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['carriers'] })
  return {
    create: useMutation({ mutationFn: createCarrier, onSuccess: refresh }),
    update: useMutation({ mutationFn: updateCarrier, onSuccess: refresh }),
  }
}
