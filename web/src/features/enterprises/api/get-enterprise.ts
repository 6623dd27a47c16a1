import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Enterprise } from './types'

export const enterpriseKey = (id: string) => ['enterprises', 'detail', id] as const

export const getEnterprise = (id: string) => http.get<Enterprise>(`/enterprises/${id}`)

export function useEnterprise(id: string | undefined) {
  return useQuery({ queryKey: enterpriseKey(id ?? ''), queryFn: () => getEnterprise(id ?? ''), enabled: !!id })
}
