import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Accreditation, Change, Evaluation, EvaluationDraft, EvaluationInput } from './types'

export type AccreditationsQuery = {
  city?: string
  kind?: 'pocCenter' | 'pilotPlatform'
  status?: 'active' | 'revoked' | 'terminated'
}

/** 认定名录: certificates are public documents. */
export function useAccreditations(query: AccreditationsQuery) {
  return useQuery({
    queryKey: ['accreditation', 'certificates', query],
    queryFn: () => http.get<{ items: Accreditation[] }>('/accreditations', query),
  })
}

export function useAccreditation(id: string | undefined) {
  return useQuery({
    queryKey: ['accreditation', 'certificate', id ?? ''],
    queryFn: () => http.get<Accreditation>(`/accreditations/${id}`),
    enabled: !!id,
  })
}

export function useChanges(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['accreditation', 'changes', id ?? ''],
    queryFn: () => http.get<{ items: Change[] }>(`/accreditations/${id}/changes`),
    enabled: !!id && enabled,
    retry: false,
  })
}

export function useEvaluations(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['accreditation', 'evaluations', id ?? ''],
    queryFn: () => http.get<{ items: Evaluation[] }>(`/accreditations/${id}/evaluations`),
    enabled: !!id && enabled,
    retry: false,
  })
}

export function useEvaluationDraft(id: string, year: number | undefined) {
  return useQuery({
    queryKey: ['accreditation', 'evaluation-draft', id, year ?? 0],
    queryFn: () => http.get<EvaluationDraft>(`/accreditations/${id}/evaluation-draft`, { year }),
    enabled: !!year,
    retry: false,
  })
}

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accreditation'] }),
  })
}

export const useRecordEvaluation = (id: string) =>
  useInvalidating((input: EvaluationInput) => http.post<Evaluation>(`/accreditations/${id}/evaluations`, input))

export const useReportChange = (id: string) =>
  useInvalidating((input: { kind: Change['kind']; occurredOn: string; description: string }) =>
    http.post<Change>(`/accreditations/${id}/changes`, input),
  )

export const useReassessChange = () =>
  useInvalidating(({ id, ...body }: { id: string; outcome: 'stillQualifies' | 'noLongerQualifies'; note: string }) =>
    http.post<Change>(`/accreditation/changes/${id}/reassess`, body),
  )

export const useRevokeAccreditation = (id: string) =>
  useInvalidating((input: { cause: string; note: string }) =>
    http.post<Accreditation>(`/accreditations/${id}/revoke`, input),
  )
