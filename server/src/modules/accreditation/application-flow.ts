import { AppError } from '../../platform/errors/errors'
import type { ApplicationStatus } from './schema'

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '已申报，待区县审核',
  returned: '退回修改',
  recommended: '区县已推荐',
  notRecommended: '区县未推荐',
  proposed: '列入拟认定名单',
  notProposed: '未列入拟认定名单',
  inNotice: '公示中',
  accredited: '已认定',
  rejected: '不予认定',
  withdrawn: '已撤回',
}

/**
 * 认定程序 (seed 004 指引 三): 自主申报 → 县(市、区)、功能区审核推荐 (may return for correction) → 市科技局
 * 确定拟认定名单 → 公示 → 正式认定. Moves not listed are refused.
 */
export const APPLICATION_FLOW: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['returned', 'recommended', 'notRecommended', 'withdrawn'],
  returned: ['submitted', 'withdrawn'],
  recommended: ['proposed', 'notProposed'],
  notRecommended: [],
  proposed: ['inNotice'],
  notProposed: [],
  inNotice: ['accredited', 'rejected'],
  accredited: [],
  rejected: [],
  withdrawn: [],
}

/** Ended without accreditation: the carrier goes back to where it stood before applying. */
export const endedWithout: readonly ApplicationStatus[] = ['notRecommended', 'notProposed', 'rejected', 'withdrawn']
export const isOpen = (status: ApplicationStatus) => APPLICATION_FLOW[status].length > 0

export function assertMove(from: ApplicationStatus, to: ApplicationStatus): void {
  if (!APPLICATION_FLOW[from].includes(to))
    throw new AppError(
      'STATE_INVALID',
      `申报当前为“${applicationStatusLabels[from]}”，不能变更为“${applicationStatusLabels[to]}”`,
      { from, to },
    )
}
