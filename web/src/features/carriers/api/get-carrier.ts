import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Carrier } from './types'

export const getCarrier = (id: string) => http.get<Carrier>(`/carriers/${id}`)

export function useCarrier(id: string | undefined) {
  return useQuery({ queryKey: ['carriers', 'detail', id ?? ''], queryFn: () => getCarrier(id ?? ''), enabled: !!id })
}
