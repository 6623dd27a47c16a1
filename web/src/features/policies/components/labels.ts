import type { Candidate, Computation, PolicyApplicationStatus } from '../api/types'

export const applicationStatusColors: Record<PolicyApplicationStatus, string> = {
  submitted: 'processing',
  returned: 'warning',
  districtApproved: 'processing',
  approved: 'gold',
  paid: 'success',
  rejected: 'error',
  withdrawn: 'default',
}

/** The statuses a person filters by, in the order an application moves. */
export const applicationStatusOptions: { value: PolicyApplicationStatus; label: string }[] = [
  { value: 'submitted', label: '待区县审核' },
  { value: 'districtApproved', label: '待市级审核' },
  { value: 'approved', label: '已核定待拨付' },
  { value: 'paid', label: '已拨付' },
  { value: 'returned', label: '已退回修改' },
  { value: 'rejected', label: '未通过' },
  { value: 'withdrawn', label: '已撤回' },
]

export const computationStatusColors: Record<Computation['status'], string> = {
  computed: 'success',
  pending: 'warning',
  incomplete: 'processing',
  ineligible: 'error',
}

export const candidateStatusColors: Record<Candidate['status'], string> = {
  eligible: 'success',
  nearlyEligible: 'warning',
  ineligible: 'default',
}

export const originLabels: Record<string, { label: string; color: string }> = {
  platform: { label: '平台数据', color: 'blue' },
  declared: { label: '申报', color: 'purple' },
  whatIf: { label: '测算假设', color: 'orange' },
}

export const policyKindColors: Record<string, string> = {
  subsidy: 'blue',
  reward: 'gold',
  voucher: 'cyan',
  premiumSubsidy: 'purple',
}

/** The year a claim is for: the current one by default. */
export const thisYear = () => new Date().getFullYear()
