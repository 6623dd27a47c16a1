import type { Handoff, Suggestion } from '@server/modules/handoffs/contracts'
import type { HandoffStatus } from '@server/modules/handoffs/schema'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { http } from '../../../shared/http'

export type { Handoff, HandoffStatus }
export type PilotSuggestion = z.infer<typeof Suggestion>
type Stage = { id: string; label: string; status: string; statusLabel: string }

export const handoffsKey = ['handoffs'] as const

/** 推荐中试平台 for a verified project (capability, field, level, distance, with reasons). */
export function usePilotSuggestions(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['handoffs', 'suggestions', projectId],
    queryFn: () => http.get<{ items: PilotSuggestion[] }>(`/projects/${projectId}/pilot-suggestions`, { limit: 10 }),
    enabled,
  })
}

export function useProjectHandoffs(projectId: string) {
  return useQuery({
    queryKey: ['handoffs', 'project', projectId],
    queryFn: () => http.get<{ items: Handoff[] }>(`/projects/${projectId}/handoffs`),
  })
}

/** 我的中试对接: offers to the caller's platform, or from the caller's center. */
export function useMyHandoffs(status: HandoffStatus | undefined) {
  return useQuery({
    queryKey: ['handoffs', 'mine', status ?? ''],
    queryFn: () => http.get<{ items: Handoff[] }>('/handoffs', { status }),
  })
}

export function useHandoff(id: string) {
  return useQuery({ queryKey: ['handoffs', 'detail', id], queryFn: () => http.get<Handoff>(`/handoffs/${id}`) })
}

/** The verification stages a finding may concern (the project's stages that were carried out). */
export function useProjectStages(projectId: string | undefined) {
  return useQuery({
    queryKey: ['verification', projectId ?? ''],
    queryFn: () => http.get<{ stages: Stage[] }>(`/projects/${projectId}/verification`),
    enabled: !!projectId,
  })
}

/** Every hand-off change answers with the hand-off; lists, the project and its verification are read again. */
export function useHandoffChanges() {
  const queryClient = useQueryClient()
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: handoffsKey })
    void queryClient.invalidateQueries({ queryKey: ['projects'] })
    void queryClient.invalidateQueries({ queryKey: ['verification'] })
  }
  const change = <T>(send: (input: T) => Promise<unknown>) => useMutation({ mutationFn: send, onSuccess: refresh })
  return {
    offer: change(({ projectId, ...input }: { projectId: string; carrierIds: string[]; message: string }) =>
      http.post(`/projects/${projectId}/handoffs`, input),
    ),
    respond: change(({ id, ...input }: { id: string; decision: 'accept' | 'decline'; reason?: string }) =>
      http.post<Handoff>(`/handoffs/${id}/respond`, input),
    ),
    withdraw: change(({ id, reason }: { id: string; reason: string }) =>
      http.post<Handoff>(`/handoffs/${id}/withdraw`, { reason }),
    ),
    addMilestone: change(({ id, ...input }: { id: string; title: string; dueDate: string; note?: string }) =>
      http.post<Handoff>(`/handoffs/${id}/milestones`, input),
    ),
    completeMilestone: change(({ id, ...input }: { id: string; doneDate: string; note?: string }) =>
      http.post<Handoff>(`/pilot-milestones/${id}/done`, input),
    ),
    addFinding: change(({ id, ...input }: { id: string; description: string; severity: string; stageId: string }) =>
      http.post<Handoff>(`/handoffs/${id}/findings`, input),
    ),
    respondToFinding: change(({ id, ...input }: { id: string; action: 'reopen' | 'resolve'; note: string }) =>
      http.post<Handoff>(`/handoff-findings/${id}/respond`, input),
    ),
    complete: change(({ id, ...input }: { id: string; completedOn: string; note: string }) =>
      http.post<Handoff>(`/handoffs/${id}/complete`, input),
    ),
  }
}
