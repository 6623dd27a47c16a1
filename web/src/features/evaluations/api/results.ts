import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import { useRoundMutation } from './rounds'
import type { DecisionInput, DecisionResult, Results } from './types'

const base = '/evaluation-rounds'

export const getResults = (id: string) => http.get<Results>(`${base}/${id}/results`)
/** 入库 / 不予入库, with the reason the decision needs. */
export const decideProject = ({ id, ...input }: DecisionInput & { id: string }) =>
  http.post<DecisionResult>(`${base}/${id}/decisions`, input)

/** The ranked list: raw and normalized means, per-criterion means, outlier flags. */
export function useResults(id: string) {
  return useQuery({ queryKey: ['evaluation-rounds', 'results', id], queryFn: () => getResults(id) })
}

export const useDecideProject = () => useRoundMutation(decideProject)
