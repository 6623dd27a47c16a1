import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Call, CarrierKind } from './types'

/** 认定通知: public documents; officers and applicants see their city's. */
export const listCalls = (city?: string) => http.get<{ items: Call[] }>('/accreditation/calls', { city })

export function useCalls(city?: string) {
  return useQuery({ queryKey: ['accreditation', 'calls', city ?? ''], queryFn: () => listCalls(city) })
}

export const getCall = (id: string) => http.get<Call>(`/accreditation/calls/${id}`)

export function useCall(id: string | undefined) {
  return useQuery({ queryKey: ['accreditation', 'call', id ?? ''], queryFn: () => getCall(id ?? ''), enabled: !!id })
}

export type OpenCallInput = {
  carrierKind: CarrierKind
  title: string
  description?: string
  openedOn?: string
  deadline: string
}

export function useOpenCall() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: OpenCallInput) => http.post<Call>('/accreditation/calls', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accreditation'] }),
  })
}

export function useCloseCall() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => http.post<Call>(`/accreditation/calls/${id}/close`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accreditation'] }),
  })
}
