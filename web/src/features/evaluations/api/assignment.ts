import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import { useRoundMutation } from './rounds'
import type { AssignmentView, CandidateList, PairRuleInput, RoundDetail } from './types'

const base = '/evaluation-rounds'

/** 运行分配: optimal, conflict-free; pinned and accepted seats are kept. */
export const runAssignment = (id: string) => http.post<AssignmentView>(`${base}/${id}/assign`)
export const setPairRule = ({ id, ...input }: PairRuleInput & { id: string }) =>
  http.put<RoundDetail>(`${base}/${id}/pairs`, input)
export const removePairRule = ({ id, projectId, expertId }: { id: string; projectId: string; expertId: string }) =>
  http.delete<RoundDetail>(`${base}/${id}/pairs/${projectId}/${expertId}`)
export const listCandidates = (id: string, projectId: string) =>
  http.get<CandidateList>(`${base}/${id}/candidates`, { projectId })

export const useRunAssignment = () => useRoundMutation(runAssignment)
export const useSetPairRule = () => useRoundMutation(setPairRule)
export const useRemovePairRule = () => useRoundMutation(removePairRule)

/** A project's candidates: affinity, 为什么推荐, conflicts with reasons, pins and forbids. */
export function useCandidates(id: string, projectId: string | undefined) {
  return useQuery({
    queryKey: ['evaluation-rounds', 'candidates', id, projectId],
    queryFn: () => listCandidates(id, projectId as string),
    enabled: !!projectId,
  })
}
