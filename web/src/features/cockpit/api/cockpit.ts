import type { Cockpit } from '@server/modules/cockpit/contracts'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import { http } from '../../../shared/http'

export type CityCockpit = z.infer<typeof Cockpit>

/** 城市驾驶舱 over a period (YYYY-MM-DD, both ends included); the last figures stay while a new period loads. */
export function useCockpit(from: string, to: string) {
  return useQuery({
    queryKey: ['cockpit', from, to],
    queryFn: () => http.get<CityCockpit>('/cockpit', { from, to }),
    placeholderData: keepPreviousData,
  })
}
