import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'

export type WorkdayCount = { from: string; to: string; workdays: string[] }

/** The first day counts when it is a working day; a year without a loaded arrangement is refused (422). */
export const countWorkdays = (query: { from: string; count: number }) =>
  http.get<WorkdayCount>('/calendar/workdays', query)

export function useCountWorkdays() {
  return useMutation({ mutationFn: countWorkdays })
}
