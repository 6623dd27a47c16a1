import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Instrument } from './types'

export const getInstrument = (id: string) => http.get<Instrument>(`/instruments/${id}`)

export function useInstrument(id: string | undefined) {
  return useQuery({
    queryKey: ['instruments', 'detail', id ?? ''],
    queryFn: () => getInstrument(id ?? ''),
    enabled: !!id,
  })
}
