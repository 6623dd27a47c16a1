import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Notice, Objection } from './types'

export const listNotices = (city?: string) => http.get<{ items: Notice[] }>('/public-notices', { city })

export function useNotices(city?: string) {
  return useQuery({ queryKey: ['accreditation', 'notices', city ?? ''], queryFn: () => listNotices(city) })
}

export const getNotice = (id: string) => http.get<Notice>(`/public-notices/${id}`)

export function useNotice(id: string | undefined) {
  return useQuery({
    queryKey: ['accreditation', 'notice', id ?? ''],
    queryFn: () => getNotice(id ?? ''),
    enabled: !!id,
  })
}

/** 公示发布: the period is computed by the server's working-day calendar. */
export function usePublishNotice() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { callId: string; startOn: string; title?: string }) =>
      http.post<Notice>('/public-notices', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accreditation'] }),
  })
}

export function useObjections(noticeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['accreditation', 'objections', noticeId ?? ''],
    queryFn: () => http.get<{ items: Objection[] }>(`/public-notices/${noticeId}/objections`),
    enabled: !!noticeId && enabled,
  })
}

export function useFileObjection(noticeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { applicationId: string; reason: string }) =>
      http.post<{ id: string; filedOn: string }>(`/public-notices/${noticeId}/objections`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accreditation'] }),
  })
}

export function useResolveObjection() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; outcome: 'upheld' | 'dismissed'; note: string }) =>
      http.post<{ id: string; status: string }>(`/accreditation/objections/${id}/resolve`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accreditation'] }),
  })
}
