import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Computation, FactValue, Policy, SetParametersInput } from './types'

export const listPolicies = (jurisdiction?: string) =>
  http.get<{ items: Policy[] }>('/policies', jurisdiction ? { jurisdiction } : undefined)
export const getPolicy = (code: string) => http.get<Policy>(`/policies/${code}`)
export const policyVersions = (code: string) => http.get<{ items: Policy[] }>(`/policies/${code}/versions`)

/** 政策库: every policy in force (public). */
export function usePolicies(jurisdiction?: string) {
  return useQuery({ queryKey: ['policies', 'list', jurisdiction ?? ''], queryFn: () => listPolicies(jurisdiction) })
}

export function usePolicy(code: string | undefined) {
  return useQuery({
    queryKey: ['policies', 'detail', code ?? ''],
    queryFn: () => getPolicy(code ?? ''),
    enabled: !!code,
  })
}

export function usePolicyVersions(code: string | undefined) {
  return useQuery({
    queryKey: ['policies', 'versions', code ?? ''],
    queryFn: () => policyVersions(code ?? ''),
    enabled: !!code,
  })
}

/** 设定待定参数: a new version of the policy, with the basis for the values. */
export function useSetParameters(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: SetParametersInput) => http.post<Policy>(`/policies/${code}/parameters`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['policies'] }),
  })
}

export type CalculateInput = {
  policyCode: string
  year: number
  carrierId?: string
  facts: Record<string, FactValue>
}

/** 政策计算器: what an entity could receive (writes nothing). */
export function useCalculate() {
  return useMutation({ mutationFn: (input: CalculateInput) => http.post<Computation>('/policy-calculator', input) })
}
