import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Application, ApplicationStatus, AttachmentInput, DeclaredFacts } from './types'

export type ApplicationsQuery = { status?: ApplicationStatus; callId?: string; page?: number; pageSize?: number }

/** 认定申报 in the caller's scope: an applicant's own, a district's area, a city's city. */
export const listApplications = (query: ApplicationsQuery) =>
  http.get<{ items: Application[]; total: number }>('/accreditation/applications', query)

export function useApplications(query: ApplicationsQuery) {
  return useQuery({ queryKey: ['accreditation', 'applications', query], queryFn: () => listApplications(query) })
}

export const getApplication = (id: string) => http.get<Application>(`/accreditation/applications/${id}`)

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['accreditation', 'application', id ?? ''],
    queryFn: () => getApplication(id ?? ''),
    enabled: !!id,
  })
}

export type ApplicationContent = { centerName: string; declared: DeclaredFacts; attachments: AttachmentInput[] }

function useApplicationMutation<I>(fn: (input: I) => Promise<Application>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (app) => {
      queryClient.setQueryData(['accreditation', 'application', app.id], app)
      return queryClient.invalidateQueries({ queryKey: ['accreditation'] })
    },
  })
}

export const useCreateApplication = () =>
  useApplicationMutation((input: ApplicationContent & { callId: string; carrierId: string; submit: boolean }) =>
    http.post<Application>('/accreditation/applications', input),
  )

export const useUpdateApplication = () =>
  useApplicationMutation(({ id, ...input }: Partial<ApplicationContent> & { id: string; version: number }) =>
    http.patch<Application>(`/accreditation/applications/${id}`, input),
  )

export const useSubmitApplication = () =>
  useApplicationMutation(({ id, version }: { id: string; version: number }) =>
    http.post<Application>(`/accreditation/applications/${id}/submit`, { version }),
  )

export const useWithdrawApplication = () =>
  useApplicationMutation(({ id, ...body }: { id: string; version: number; note?: string }) =>
    http.post<Application>(`/accreditation/applications/${id}/withdraw`, body),
  )

/** 县(市、区)审核推荐: recommend, return for correction or not recommend (with a reason). */
export const useReviewApplication = () =>
  useApplicationMutation(
    ({
      id,
      ...body
    }: {
      id: string
      version: number
      decision: 'return' | 'recommend' | 'notRecommend'
      note?: string
    }) => http.post<Application>(`/accreditation/applications/${id}/review`, body),
  )

export const useRecordSiteVisit = () =>
  useApplicationMutation(({ id, ...body }: { id: string; version: number; visitedOn: string; findings: string }) =>
    http.post<Application>(`/accreditation/applications/${id}/site-visits`, body),
  )

/** 市科技局汇总: put on (or keep off) the proposed list. */
export const useProposeApplication = () =>
  useApplicationMutation(
    ({ id, ...body }: { id: string; version: number; decision: 'propose' | 'notPropose'; note?: string }) =>
      http.post<Application>(`/accreditation/applications/${id}/propose`, body),
  )

/** 正式认定: after the notice period with every objection resolved; issues the certificate. */
export const useAccreditApplication = () =>
  useApplicationMutation(({ id, version }: { id: string; version: number }) =>
    http.post<Application>(`/accreditation/applications/${id}/accredit`, { version }),
  )
