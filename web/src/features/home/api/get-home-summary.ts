import { useQuery } from '@tanstack/react-query'
import type { HomeCard, HomeSummary } from '../../../shared/contracts'
import { http } from '../../../shared/http'

export type { HomeSummary }
export type SummaryCard = HomeCard
export type SummaryTone = NonNullable<HomeCard['tone']>
export type SummaryTodo = HomeSummary['todos'][number]

export const getHomeSummary = () => http.get<HomeSummary>('/home/summary')

export function useHomeSummary() {
  return useQuery({ queryKey: ['home', 'summary'], queryFn: getHomeSummary, staleTime: 30_000 })
}
