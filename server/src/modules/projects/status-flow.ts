import type { ProjectStatus } from './schema'

/**
 * The pool's lifecycle (seed 004 三(三), seed 002 规范化服务流程): applied → (returned for correction) →
 * evaluated by experts → admitted to the pool (入库) → verified stage by stage → handed to a pilot platform
 * and/or landed; a gate may terminate. Transitions not listed are refused.
 */
export const TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  draft: ['submitted'],
  submitted: ['returned', 'underEvaluation', 'rejected'],
  returned: ['submitted'],
  underEvaluation: ['admitted', 'rejected', 'submitted'],
  admitted: ['verifying', 'terminated'],
  rejected: [],
  verifying: ['verified', 'terminated'],
  verified: ['handedOff', 'landed', 'verifying'],
  handedOff: ['landed', 'verifying'],
  landed: [],
  terminated: [],
}

export const statusLabels: Record<ProjectStatus, string> = {
  draft: '草稿',
  submitted: '已申报',
  returned: '退回修改',
  underEvaluation: '入库评价中',
  admitted: '已入库',
  rejected: '未入库',
  verifying: '验证中',
  verified: '验证完成',
  handedOff: '中试中',
  landed: '已落地转化',
  terminated: '已终止',
}

export function canMove(from: ProjectStatus, to: ProjectStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Moves that need a written reason. */
export function needsReason(from: ProjectStatus, to: ProjectStatus): boolean {
  return (
    to === 'returned' ||
    to === 'rejected' ||
    to === 'terminated' ||
    (from === 'verified' && to === 'verifying') ||
    (from === 'handedOff' && to === 'verifying')
  )
}
