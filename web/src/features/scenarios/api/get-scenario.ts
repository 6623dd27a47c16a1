import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Scenario } from './types'

export const getScenario = (id: string) => http.get<Scenario>(`/scenarios/${id}`)

export function useScenario(id: string | undefined) {
  return useQuery({ queryKey: ['scenarios', 'detail', id], queryFn: () => getScenario(id as string), enabled: !!id })
}
