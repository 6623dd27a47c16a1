/** Seed 004 三(三): 理论创新性、技术可行性、市场潜力、知识产权完整性 — equal weights unless the round says otherwise. */
export const DEFAULT_CRITERIA = [
  { key: 'innovation', name: '理论创新性', weight: 25 },
  { key: 'feasibility', name: '技术可行性', weight: 25 },
  { key: 'market', name: '市场潜力', weight: 25 },
  { key: 'ip', name: '知识产权完整性', weight: 25 },
]

export const ROUND_DEFAULTS = { reviewersPerProject: 3, defaultCap: 5, reminderWorkdays: 3, outlierThreshold: 20 }

export const tankOptions = [
  { value: 'technical', label: '技术验证' },
  { value: 'product', label: '产品验证' },
  { value: 'commercial', label: '商业验证' },
]

export const assignmentStatusColors: Record<string, string> = {
  invited: 'default',
  confirmed: 'blue',
  accepted: 'cyan',
  submitted: 'green',
  declined: 'orange',
  conflict: 'red',
  withdrawn: 'default',
}

export const sourceLabels: Record<string, string> = {
  optimized: '优化分配',
  pinned: '组织者固定',
  accepted: '已接受保留',
}
