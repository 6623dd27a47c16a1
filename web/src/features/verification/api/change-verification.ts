import { useMutation, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import { verificationKey } from './get-verification'
import type {
  DelegationInput,
  ExpenseInput,
  GateDecisionInput,
  MilestoneInput,
  StartInput,
  VerificationDetail,
} from './types'

/**
 * Every change to a verification answers with the whole verification: the answer replaces what the page
 * shows, and the project (its status moves) is read again.
 */
function useChange<T>(projectId: string, send: (input: T) => Promise<VerificationDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      queryClient.setQueryData(verificationKey(projectId), detail)
      void queryClient.invalidateQueries({ queryKey: ['projects'] })
    },
  })
}

export function useVerificationChanges(projectId: string) {
  return {
    start: useChange(projectId, (input: StartInput) =>
      http.post<VerificationDetail>(`/projects/${projectId}/verification`, input),
    ),
    setTranche: useChange(projectId, ({ stageId, budgetFen }: { stageId: string; budgetFen: number }) =>
      http.patch<VerificationDetail>(`/verification-stages/${stageId}`, { budgetFen }),
    ),
    addMilestone: useChange(projectId, ({ stageId, ...input }: MilestoneInput & { stageId: string }) =>
      http.post<VerificationDetail>(`/verification-stages/${stageId}/milestones`, input),
    ),
    completeMilestone: useChange(projectId, ({ id, ...input }: { id: string; doneDate: string; note?: string }) =>
      http.post<VerificationDetail>(`/verification-milestones/${id}/done`, input),
    ),
    upload: useChange(projectId, ({ stageId, file }: { stageId: string; file: File }) =>
      http.upload<VerificationDetail>(`/verification-stages/${stageId}/deliverables`, file, file.name),
    ),
    addExpense: useChange(projectId, ({ stageId, ...input }: ExpenseInput & { stageId: string }) =>
      http.post<VerificationDetail>(`/verification-stages/${stageId}/expenses`, input),
    ),
    addDelegation: useChange(projectId, ({ stageId, ...input }: DelegationInput & { stageId: string }) =>
      http.post<VerificationDetail>(`/verification-stages/${stageId}/delegations`, input),
    ),
    gate: useChange(projectId, ({ stageId, ...input }: GateDecisionInput & { stageId: string }) =>
      http.post<VerificationDetail>(`/verification-stages/${stageId}/gate`, input),
    ),
    resolveCondition: useChange(projectId, ({ id, ...input }: { id: string; resolvedOn: string; resolution: string }) =>
      http.post<VerificationDetail>(`/verification-conditions/${id}/resolve`, input),
    ),
    reopen: useChange(projectId, ({ stageId, reason }: { stageId: string; reason: string }) =>
      http.post<VerificationDetail>(`/verification-stages/${stageId}/reopen`, { reason }),
    ),
  }
}
