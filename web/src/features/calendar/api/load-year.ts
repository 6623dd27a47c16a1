import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import { calendarYearsQueryKey } from './list-years'

/** The body is the year's arrangement as in data/holidays/cn-YYYY.json; the server validates it. */
export const loadYear = ({ year, arrangement }: { year: number; arrangement: unknown }) =>
  http.put<{ year: number; replaced: boolean }>(`/calendar/years/${year}`, arrangement)

export function useLoadYear() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: loadYear,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarYearsQueryKey }),
  })
}
