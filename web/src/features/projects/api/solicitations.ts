import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreateSolicitationInput, Solicitation } from './types'

export const listSolicitations = (city?: string) => http.get<{ items: Solicitation[] }>('/solicitations', { city })
export const getSolicitation = (id: string) => http.get<Solicitation>(`/solicitations/${id}`)
export const createSolicitation = (input: CreateSolicitationInput) => http.post<Solicitation>('/solicitations', input)
export const closeSolicitation = (id: string) => http.post<Solicitation>(`/solicitations/${id}/close`)

/** 项目征集 of the caller's city, open ones first. */
export function useSolicitations(city?: string) {
  return useQuery({ queryKey: ['solicitations', city], queryFn: () => listSolicitations(city) })
}

export function useSolicitation(id: string | undefined) {
  return useQuery({
    queryKey: ['solicitations', 'detail', id],
    queryFn: () => getSolicitation(id as string),
    enabled: !!id,
  })
}

export function useCreateSolicitation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createSolicitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['solicitations'] }),
  })
}

export function useCloseSolicitation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: closeSolicitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['solicitations'] }),
  })
}
