import type { VerificationType } from '../projects/schema'
import type { ThinkTank } from './assignment/types'
import type { AssignmentStatus, Criterion, Decision } from './schema'

/** Seed 004 三(三): 从理论创新性、技术可行性、市场潜力、知识产权完整性等维度筛选高价值项目 — equal weights by default. */
export const DEFAULT_CRITERIA: Criterion[] = [
  { key: 'innovation', name: '理论创新性', weight: 25 },
  { key: 'feasibility', name: '技术可行性', weight: 25 },
  { key: 'market', name: '市场潜力', weight: 25 },
  { key: 'ip', name: '知识产权完整性', weight: 25 },
]

/** Round parameters the seeds leave open (待定): editable per round. */
export const ROUND_DEFAULTS = {
  reviewersPerProject: 3,
  defaultCap: 5,
  reminderWorkdays: 3,
  /** Points a review may lie from the mean of the others on the same project before it is flagged. */
  outlierThreshold: 20,
}

/** Seed 002 第15条 专家智库: 原理/技术 → 技术验证, 产品与场景 → 产品验证, 商业 → 商业验证. */
export const TANK_FOR_TYPE: Record<VerificationType, ThinkTank> = {
  principle: 'technical',
  technical: 'technical',
  productScenario: 'product',
  commercial: 'commercial',
}

export function tanksFor(types: readonly VerificationType[]): ThinkTank[] {
  return [...new Set(types.map((t) => TANK_FOR_TYPE[t]))]
}

export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
  invited: '待确认回避',
  confirmed: '已确认无利益冲突',
  accepted: '已接受',
  submitted: '已提交评分',
  declined: '已谢绝',
  conflict: '申报回避',
  withdrawn: '已撤回',
}

export const decisionLabels: Record<Decision, string> = { admitted: '入库', rejected: '不予入库' }

/** Statuses that hold a seat on the project. */
export const ACTIVE_STATUSES: readonly AssignmentStatus[] = ['invited', 'confirmed', 'accepted', 'submitted']
/** Statuses a rerun keeps as they are (the expert has confirmed no conflict and seen the project). */
export const KEPT_STATUSES: readonly AssignmentStatus[] = ['confirmed', 'accepted', 'submitted']

/** 评审专家 A, B, C … for the applicant: reviewers are never named. */
export function reviewerLetter(index: number): string {
  let n = index
  let out = ''
  do {
    out = String.fromCharCode(65 + (n % 26)) + out
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return `评审专家 ${out}`
}
