import { useQuery } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { MatchRecordType, MatchResponse, MatchSourceType } from './types'

export const matchRecord = (fromType: MatchSourceType, fromId: string, toType: MatchRecordType, limit = 10) =>
  http.get<MatchResponse>(`/match/${fromType}/${fromId}/${toType}`, { limit })

export const matchQueryKey = (fromType: MatchSourceType, fromId: string, toType: MatchRecordType) =>
  ['match', fromType, fromId, toType] as const

/** 匹配推荐 of one record towards one kind of record, each result with 为什么推荐. */
export function useMatchRecord(fromType: MatchSourceType, fromId: string, toType: MatchRecordType, enabled = true) {
  return useQuery({
    queryKey: matchQueryKey(fromType, fromId, toType),
    queryFn: () => matchRecord(fromType, fromId, toType),
    enabled,
    staleTime: 0,
  })
}
