import type {
  AccreditationOut,
  ApplicationOut,
  CallOut,
  ChangeOut,
  CoverageOut,
  CreateApplication,
  EvaluationOut,
  NoticeOut,
  ObjectionsOut,
  ProgressOut,
  RecordEvaluation,
} from '@server/modules/accreditation/contracts'
import type { DeclaredFacts as DeclaredFactsSchema } from '@server/modules/accreditation/declared'
import type { Scorecard as ScorecardShape } from '@server/modules/accreditation/scorecard'
import type { z } from 'zod'

export type Call = z.infer<typeof CallOut>
export type Application = z.infer<typeof ApplicationOut>
export type ConditionResult = NonNullable<Application['checks']>['results'][number]
export type ApplicationStatus = Application['status']
export type DeclaredFacts = z.infer<typeof DeclaredFactsSchema>
export type AttachmentInput = z.input<typeof CreateApplication>['attachments'] extends (infer A)[] | undefined
  ? A
  : never
export type Notice = z.infer<typeof NoticeOut>
export type Objection = z.infer<typeof ObjectionsOut>['items'][number]
export type Accreditation = z.infer<typeof AccreditationOut>
export type Change = z.infer<typeof ChangeOut>
export type Evaluation = z.infer<typeof EvaluationOut>
export type Scorecard = ScorecardShape
export type EvaluationInput = z.input<typeof RecordEvaluation>
export type Progress = z.infer<typeof ProgressOut>
export type Coverage = z.infer<typeof CoverageOut>
export type CarrierKind = Call['carrierKind']

/** The evaluation template for a year, filled where the platform has the numbers (GET …/evaluation-draft). */
export type EvaluationDraft = {
  accreditationId: string
  year: number
  ruleVersionId: string
  ruleVersion: string
  pending: string[]
  boundaryConvention: string
  indicators: {
    key: string
    label: string
    dimension: string
    input: 'platform' | 'expert' | 'thirdParty' | string
    points: number | null
    fullMarksAt: number | null
    metric: string | null
    figure: { value: number | null; source: string } | null
  }[]
}

export type RuleVersion = {
  id: string
  versionLabel: string
  name: string
  effectiveFrom: string
  effectiveTo: string
  document: {
    parameters: {
      key: string
      label: string
      type: string
      unit?: string
      value: unknown
      cite: string
      note?: string
    }[]
    namePattern: { template: string; regex: string; example: string; cite: string } | null
    conditions: { id: string; label: string; check: string; items?: { key: string; label: string }[] }[] | null
  }
}
