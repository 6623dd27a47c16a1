import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Demand } from './types'

export const getDemand = (id: string) => http.get<Demand>(`/demands/${id}`)

export function useDemand(id: string | undefined) {
  return useQuery({ queryKey: ['demands', 'detail', id], queryFn: () => getDemand(id as string), enabled: !!id })
}
