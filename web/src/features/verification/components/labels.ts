import type { ProjectStatus } from '@server/modules/projects/schema'

export { verificationTypeLabels as stageLabels } from '@server/modules/projects/labels'
export { gateDecisionLabels, stageStatusLabels } from '@server/modules/verification/labels'

/** Tag colours of a stage's status. */
export const stageStatusColors: Record<string, string> = {
  skipped: 'default',
  notPlanned: 'default',
  pending: 'default',
  active: 'processing',
  passed: 'success',
  conditionallyPassed: 'warning',
  terminated: 'error',
  cancelled: 'default',
}

export const gateColors: Record<string, string> = { passed: 'success', conditional: 'warning', terminated: 'error' }

export const projectStatusColors: Partial<Record<ProjectStatus, string>> = {
  admitted: 'blue',
  verifying: 'processing',
  verified: 'cyan',
  handedOff: 'purple',
  landed: 'success',
  terminated: 'error',
}

/** Which director signs (双主任制, server verification/stages.ts): the hint next to the signer field. */
export const signerHint = (stage: string | 'report') =>
  stage === 'report'
    ? '验证报告由本中心主任、行政主任或技术主任签署'
    : stage === 'commercial'
      ? '商业可行性验证由行政主任签署'
      : '技术类阶段由技术主任签署'

export const preferredRole = (stage: string | 'report') =>
  stage === 'commercial' ? 'administrative' : stage === 'report' ? 'administrative' : 'technical'
