import type * as contracts from '@server/modules/events/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { http } from '../../../shared/http'

export type MatchmakingEvent = z.infer<typeof contracts.Event>
export type EventSignup = z.infer<typeof contracts.Signup>
export type CreateEventInput = z.input<typeof contracts.CreateEvent>
export type UpdateEventInput = z.input<typeof contracts.UpdateEvent>
export type SignUpInput = z.input<typeof contracts.SignUp>
export type EventScope = 'all' | 'organized' | 'joined'

const listEvents = (query: { city?: string; scope?: EventScope }) =>
  http.get<{ items: MatchmakingEvent[] }>('/events', query)
const getEvent = (id: string) => http.get<MatchmakingEvent>(`/events/${id}`)

export function useEvents(query: { city?: string; scope?: EventScope }) {
  return useQuery({ queryKey: ['events', 'list', query], queryFn: () => listEvents(query) })
}

export function useEvent(id: string | undefined) {
  return useQuery({ queryKey: ['events', 'detail', id], queryFn: () => getEvent(id as string), enabled: !!id })
}

/** 报名名单: only the organizer's request succeeds. */
export function useEventSignups(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['events', 'signups', id],
    queryFn: () => http.get<{ items: EventSignup[] }>(`/events/${id}/signups`),
    enabled,
  })
}

function useEventMutation<T>(run: (input: T) => Promise<MatchmakingEvent>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['events'] }),
  })
}

export const useCreateEvent = () =>
  useEventMutation((input: CreateEventInput) => http.post<MatchmakingEvent>('/events', input))
export const useUpdateEvent = () =>
  useEventMutation(({ id, ...input }: UpdateEventInput & { id: string }) =>
    http.patch<MatchmakingEvent>(`/events/${id}`, input),
  )
export const useCancelEvent = () =>
  useEventMutation(({ id, reason }: { id: string; reason: string }) =>
    http.post<MatchmakingEvent>(`/events/${id}/cancel`, { reason }),
  )
export const useSignUp = () =>
  useEventMutation(({ id, ...input }: SignUpInput & { id: string }) =>
    http.post<MatchmakingEvent>(`/events/${id}/signups`, input),
  )
export const useCancelSignup = () =>
  useEventMutation((id: string) => http.post<MatchmakingEvent>(`/events/${id}/signups/cancel`))
