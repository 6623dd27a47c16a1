import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Center } from './types'

export const listCenters = () => http.get<{ items: Center[] }>('/projects/centers')

/** The PoC centers a project may go to (own city first). */
export function useCenters() {
  return useQuery({ queryKey: ['projects', 'centers'], queryFn: listCenters, staleTime: 300_000 })
}
