import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { Invitation, InvitationDetail, SaveReviewInput } from './types'

const base = '/evaluation-invitations'

export const listInvitations = (scope: 'active' | 'all') => http.get<{ items: Invitation[] }>(base, { scope })
export const getInvitation = (id: string) => http.get<InvitationDetail>(`${base}/${id}`)

type Step =
  | { id: string; step: 'confirm-no-conflict' | 'accept' }
  | { id: string; step: 'declare-conflict'; note: string }
  | { id: string; step: 'decline'; reason: string }

export const respond = (input: Step) => {
  const { id, step, ...body } = input
  return http.post<InvitationDetail>(`${base}/${id}/${step}`, body)
}
export const saveReview = ({ id, ...input }: SaveReviewInput & { id: string }) =>
  http.put<InvitationDetail>(`${base}/${id}/review`, input)

/** 我的评审任务 (active ones, or all including finished). */
export function useInvitations(scope: 'active' | 'all') {
  return useQuery({ queryKey: ['evaluation-invitations', 'list', scope], queryFn: () => listInvitations(scope) })
}

export function useInvitation(id: string | undefined) {
  return useQuery({
    queryKey: ['evaluation-invitations', 'detail', id],
    queryFn: () => getInvitation(id as string),
    enabled: !!id,
  })
}

function useInvitationMutation<I>(fn: (input: I) => Promise<InvitationDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(['evaluation-invitations', 'detail', detail.id], detail)
      return queryClient.invalidateQueries({ queryKey: ['evaluation-invitations', 'list'] })
    },
  })
}

export const useRespond = () => useInvitationMutation(respond)
export const useSaveReview = () => useInvitationMutation(saveReview)
