import { useMutation } from '@tanstack/react-query'
import { http } from '../../../shared/http'
import type { ProjectTarget } from './match-project'
import type { MatchRecordType, MatchSourceType } from './types'

type Source = { fromType: MatchSourceType; fromId: string } | { fromType: 'text'; text: string }
export type MatchJudgement = 'interested' | 'irrelevant'
/** One result of a record's or free text's match, or of a project's (an expert, a center or platform, an investor). */
export type JudgedResult = (
  | (Source & { toType: MatchRecordType })
  | { fromType: 'project'; fromId: string; toType: ProjectTarget }
) & { toId: string }
export type FeedbackInput = JudgedResult & { kind: MatchJudgement }
export type MatchLeadInput = Source & { toType: MatchRecordType; toId: string; message?: string }

/** 有意向 / 不相关: stored with the result's features; the re-ranker of that kind of record learns from it. */
export const sendFeedback = (input: FeedbackInput) => http.post<{ recorded: boolean }>('/match/feedback', input)

/** 有意向并联系: a lead for the result's owner, counted as strong positive feedback. */
export const leadFromMatch = (input: MatchLeadInput) => http.post<{ id: string }>('/match/lead', input)

export function useSendFeedback() {
  return useMutation({ mutationFn: sendFeedback })
}

export function useLeadFromMatch() {
  return useMutation({ mutationFn: leadFromMatch })
}
