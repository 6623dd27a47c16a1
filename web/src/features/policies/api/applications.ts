import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type {
  Application,
  ApplicationDetail,
  ApplyInput,
  PaymentInput,
  PolicyApplicationStatus,
  ReviewInput,
} from './types'

export type ApplicationQuery = {
  status?: PolicyApplicationStatus
  policy?: string
  year?: number
  page?: number
  pageSize?: number
}

export const listApplications = (query: ApplicationQuery) =>
  http.get<{ items: Application[]; total: number }>('/policy-applications', query)
export const getApplication = (id: string) => http.get<ApplicationDetail>(`/policy-applications/${id}`)

export function useApplications(query: ApplicationQuery) {
  return useQuery({ queryKey: ['policy-applications', 'list', query], queryFn: () => listApplications(query) })
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['policy-applications', 'detail', id ?? ''],
    queryFn: () => getApplication(id ?? ''),
    enabled: !!id,
  })
}

function useRefresh() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['policy-applications'] }),
      queryClient.invalidateQueries({ queryKey: ['policy-budget'] }),
      queryClient.invalidateQueries({ queryKey: ['policy-ledger'] }),
    ])
}

/** 申报: computed at once with the version in force. */
export function useApply() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (input: ApplyInput) => http.post<ApplicationDetail>('/policy-applications', input),
    onSuccess: refresh,
  })
}

/** 区县审核 / 市级审核（核定）/ 拨付 / 撤回: each carries the version the person saw. */
export function useApplicationActions(id: string) {
  const refresh = useRefresh()
  const at = (path: string) => `/policy-applications/${id}/${path}`
  return {
    review: useMutation({
      mutationFn: (input: ReviewInput) => http.post<ApplicationDetail>(at('review'), input),
      onSuccess: refresh,
    }),
    pay: useMutation({
      mutationFn: (input: PaymentInput) => http.post<ApplicationDetail>(at('payments'), input),
      onSuccess: refresh,
    }),
    withdraw: useMutation({
      mutationFn: (version: number) => http.post<ApplicationDetail>(at('withdraw'), { version }),
      onSuccess: refresh,
    }),
  }
}
