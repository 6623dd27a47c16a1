import type * as contracts from '@server/modules/projects/contracts'
import type { z } from 'zod'

export type Project = contracts.Project
export type ProjectDetail = z.infer<typeof contracts.ProjectDetail>
export type ProjectEvent = z.infer<typeof contracts.ProjectEvent>
export type ProjectPage = z.infer<typeof contracts.ProjectPage>
export type ApplyProjectInput = z.input<typeof contracts.ApplyProject>
export type Solicitation = z.infer<typeof contracts.Solicitation>
export type CreateSolicitationInput = z.input<typeof contracts.CreateSolicitation>
export type Center = z.infer<typeof contracts.CenterList>['items'][number]
export type EvaluationFeedback = z.infer<typeof import('@server/modules/evaluations/contracts').Feedback>
