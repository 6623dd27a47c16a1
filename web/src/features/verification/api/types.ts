import type { Project } from '@server/modules/projects/contracts'
import type { ProjectStatus, VerificationType } from '@server/modules/projects/schema'
import type {
  AddDelegation,
  AddExpense,
  AddMilestone,
  GateInput,
  ReportCheck,
  StageView,
  StartVerification,
  VerificationDetail,
} from '@server/modules/verification/contracts'
import type { z } from 'zod'

export type { Project, ProjectStatus, ReportCheck, VerificationDetail, VerificationType }
export type Stage = z.infer<typeof StageView>
export type StartInput = z.input<typeof StartVerification>
export type MilestoneInput = z.input<typeof AddMilestone>
export type ExpenseInput = z.input<typeof AddExpense>
export type DelegationInput = z.input<typeof AddDelegation>
export type GateDecisionInput = z.input<typeof GateInput>
