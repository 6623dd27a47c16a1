import type * as contracts from '@server/modules/evaluations/contracts'
import type { z } from 'zod'

export type RoundSummary = z.infer<typeof contracts.RoundSummary>
export type RoundDetail = z.infer<typeof contracts.RoundDetail>
export type RoundItem = RoundDetail['items'][number]
export type Assignment = z.infer<typeof contracts.Assignment>
export type Run = z.infer<typeof contracts.Run>
export type AssignmentView = z.infer<typeof contracts.AssignmentView>
export type CandidateList = z.infer<typeof contracts.CandidateList>
export type Candidate = CandidateList['items'][number]
export type Results = z.infer<typeof contracts.Results>
export type ResultItem = Results['items'][number]
export type DecisionResult = z.infer<typeof contracts.DecisionResult>
export type CreateRoundInput = z.input<typeof contracts.CreateRound>
export type UpdateRoundInput = z.input<typeof contracts.UpdateRound>
export type CriterionInput = z.input<typeof contracts.CriterionInput>
export type PairRuleInput = z.input<typeof contracts.PairRuleInput>
export type DecisionInput = z.input<typeof contracts.DecisionInput>
export type Invitation = z.infer<typeof contracts.Invitation>
export type InvitationDetail = z.infer<typeof contracts.InvitationDetail>
export type SaveReviewInput = z.input<typeof contracts.SaveReview>
