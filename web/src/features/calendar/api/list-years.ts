import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type Holiday = { name: string; from: string; to: string }
export type CalendarYear = {
  year: number
  source: string
  holidays: Holiday[]
  adjustedWorkdays: string[]
  loadedAt: string
}

export const calendarYearsQueryKey = ['calendar', 'years'] as const

export const listYears = () => http.get<{ items: CalendarYear[] }>('/calendar/years')

export function useCalendarYears() {
  return useQuery({ queryKey: calendarYearsQueryKey, queryFn: listYears })
}
