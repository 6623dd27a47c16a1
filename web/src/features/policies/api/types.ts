import type {
  ApplicationDetail as ApplicationDetailSchema,
  Application as ApplicationSchema,
  Apply,
  BudgetView as BudgetViewSchema,
  CandidateList as CandidateListSchema,
  Candidate as CandidateSchema,
  Computation as ComputationSchema,
  EntitlementRun as EntitlementRunSchema,
  LedgerPage as LedgerPageSchema,
  Payment,
  Policy,
  Review,
  SetParameters,
} from '@server/modules/policies/contracts'
import type { PolicyApplicationStatus } from '@server/modules/policies/schema'
import type { z } from 'zod'

export type { Policy, PolicyApplicationStatus }
export type PolicyInput = Policy['inputs'][number]
export type Computation = z.infer<typeof ComputationSchema> & { basis?: string }
export type Application = z.infer<typeof ApplicationSchema>
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>
export type ApplyInput = z.input<typeof Apply>
export type ReviewInput = z.input<typeof Review>
export type PaymentInput = z.input<typeof Payment>
export type SetParametersInput = z.input<typeof SetParameters>
export type Candidate = z.infer<typeof CandidateSchema>
export type CandidateList = z.infer<typeof CandidateListSchema>
export type EntitlementRun = z.infer<typeof EntitlementRunSchema>
export type BudgetView = z.infer<typeof BudgetViewSchema>
export type LedgerPage = z.infer<typeof LedgerPageSchema>
export type LedgerRow = LedgerPage['items'][number]
export type FactValue = string | number | boolean | string[]
