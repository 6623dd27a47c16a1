import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreateInstrumentInput, Instrument, SavedInstrument, UpdateInstrumentInput } from './types'

export const createInstrument = (input: CreateInstrumentInput) => http.post<SavedInstrument>('/instruments', input)

/** Carries the version the person saw; 409 STALE_VERSION when someone else saved first. */
export const updateInstrument = ({ id, ...input }: UpdateInstrumentInput & { id: string }) =>
  http.patch<Instrument>(`/instruments/${id}`, input)

export function useSaveInstrument() {
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['instruments'] })
  return {
    create: useMutation({ mutationFn: createInstrument, onSuccess: refresh }),
    update: useMutation({ mutationFn: updateInstrument, onSuccess: refresh }),
  }
}
