import type { ApplicationStatus, ConditionResult } from '../api/types'

export const statusColors: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  recommended: 'blue',
  notRecommended: 'error',
  proposed: 'geekblue',
  notProposed: 'error',
  inNotice: 'purple',
  accredited: 'success',
  rejected: 'error',
  withdrawn: 'default',
}

/** The statuses a person filters by, in the order of the procedure (指引 三). */
export const statusOptions: { value: ApplicationStatus; label: string }[] = [
  { value: 'draft', label: '草稿' },
  { value: 'submitted', label: '待区县审核' },
  { value: 'returned', label: '退回修改' },
  { value: 'recommended', label: '区县已推荐' },
  { value: 'proposed', label: '拟认定' },
  { value: 'inNotice', label: '公示中' },
  { value: 'accredited', label: '已认定' },
  { value: 'notRecommended', label: '区县未推荐' },
  { value: 'notProposed', label: '未列入拟认定名单' },
  { value: 'rejected', label: '不予认定' },
  { value: 'withdrawn', label: '已撤回' },
]

export const conditionColors: Record<ConditionResult['status'], string> = {
  met: 'success',
  notMet: 'error',
  evidenceMissing: 'warning',
  pending: 'default',
}

export const kindLabels = { pocCenter: '概念验证中心', pilotPlatform: '中试平台' } as const

/** The procedure as the guideline lists it (指引 三), for the progress bar of an application. */
export const procedureSteps = ['自主申报', '县区审核推荐', '市科技局拟认定', '公示', '正式认定'] as const

export function procedureStep(status: ApplicationStatus): { current: number; error: boolean } {
  switch (status) {
    case 'draft':
    case 'returned':
      return { current: 0, error: status === 'returned' }
    case 'submitted':
      return { current: 1, error: false }
    case 'notRecommended':
      return { current: 1, error: true }
    case 'recommended':
      return { current: 2, error: false }
    case 'notProposed':
      return { current: 2, error: true }
    case 'proposed':
    case 'inNotice':
      return { current: 3, error: false }
    case 'rejected':
      return { current: 3, error: true }
    case 'accredited':
      return { current: 4, error: false }
    default:
      return { current: 0, error: true }
  }
}

export const changeKindOptions = [
  { value: 'split', label: '分立' },
  { value: 'merger', label: '合并' },
  { value: 'restructuring', label: '重组' },
  { value: 'businessChange', label: '经营业务变化' },
] as const

export const revocationCauseOptions = [
  { value: 'fraud', label: '申报材料弄虚作假' },
  { value: 'majorAccident', label: '发生重大安全、质量、环境事故' },
  { value: 'researchMisconduct', label: '存在严重科研失信行为' },
] as const

export const bandColors: Record<string, string> = { excellent: 'gold', pass: 'green', fail: 'red' }
