import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { CreateRoundInput, RoundDetail, RoundSummary, UpdateRoundInput } from './types'

const base = '/evaluation-rounds'

export const listRounds = () => http.get<{ items: RoundSummary[] }>(base)
export const getRound = (id: string) => http.get<RoundDetail>(`${base}/${id}`)
export const createRound = (input: CreateRoundInput) => http.post<RoundDetail>(base, input)
export const updateRound = ({ id, ...input }: UpdateRoundInput & { id: string }) =>
  http.patch<RoundDetail>(`${base}/${id}`, input)
export const updateRoundProject = ({
  id,
  projectId,
  ...input
}: {
  id: string
  projectId: string
  reviewers?: number | null
  tanks?: ('technical' | 'product' | 'commercial')[]
}) => http.patch<RoundDetail>(`${base}/${id}/projects/${projectId}`, input)

/** 入库评价轮次 of the caller's center, newest first. */
export function useRounds() {
  return useQuery({ queryKey: ['evaluation-rounds', 'list'], queryFn: listRounds })
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: ['evaluation-rounds', 'detail', id],
    queryFn: () => getRound(id as string),
    enabled: !!id,
  })
}

/** Every change to a round refreshes the round, its assignment, results and the projects it moved. */
export function useRoundMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['evaluation-rounds'] }),
        queryClient.invalidateQueries({ queryKey: ['projects'] }),
      ]),
  })
}

export const useCreateRound = () => useRoundMutation(createRound)
export const useUpdateRound = () => useRoundMutation(updateRound)
export const useUpdateRoundProject = () => useRoundMutation(updateRoundProject)
