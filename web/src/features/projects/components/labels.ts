import type { EntryChannel, ProjectStatus, VerificationType } from '@server/modules/projects/schema'

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

export const statusColors: Record<ProjectStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  underEvaluation: 'purple',
  admitted: 'green',
  rejected: 'red',
  verifying: 'cyan',
  verified: 'geekblue',
  handedOff: 'magenta',
  landed: 'gold',
  terminated: 'default',
}

export const channelLabels: Record<EntryChannel, string> = {
  application: '科研人员申报',
  solicitation: '征集申报',
  preVerification: '招引项目前置验证',
  fundRequest: '基金投前验证',
}

/** Which channels a role applies through (the server refuses the others). */
export const channelsForRole: Record<string, EntryChannel[]> = {
  researcher: ['application', 'solicitation'],
  enterpriseUser: ['application', 'solicitation'],
  districtOfficer: ['preVerification'],
  cityOfficer: ['preVerification'],
  investor: ['fundRequest'],
}

/** Seed 002 8. 规范化服务流程. */
export const verificationTypeLabels: Record<VerificationType, string> = {
  principle: '原理验证',
  technical: '技术与工艺可行性验证',
  productScenario: '产品与场景验证',
  commercial: '商业可行性验证',
}

export const verificationTypeHints: Record<VerificationType, string> = {
  principle: '理论推导、模拟分析、初步实验',
  technical: '原型制造、技术集成、性能测评',
  productScenario: '样品/产品在真实场景中的试用',
  commercial: '目标市场规模、竞争格局、盈利模式',
}

export const statusOptions = Object.entries(statusLabels).map(([value, label]) => ({ value, label }))
export const channelOptions = Object.entries(channelLabels).map(([value, label]) => ({ value, label }))
