import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Coverage, Progress } from './types'

/** 目标与进度: a city's targets as data, progress computed from accreditation and pilot records. */
export function useTargets(city: string) {
  return useQuery({
    queryKey: ['accreditation', 'targets', city],
    queryFn: () => http.get<Progress>('/targets', { city }),
    retry: false,
  })
}

/** 产业链覆盖: which chains of the city's industry system have an accredited center. */
export function useCoverage(city: string) {
  return useQuery({
    queryKey: ['accreditation', 'coverage', city],
    queryFn: () => http.get<Coverage>('/targets/coverage', { city }),
    retry: false,
  })
}
