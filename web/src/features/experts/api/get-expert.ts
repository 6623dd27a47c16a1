import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Expert } from './types'

export const getExpert = (id: string) => http.get<Expert>(`/experts/${id}`)

export function useExpert(id: string | undefined) {
  return useQuery({ queryKey: ['experts', 'detail', id ?? ''], queryFn: () => getExpert(id ?? ''), enabled: !!id })
}
