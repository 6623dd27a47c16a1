import type { FindingSeverity, FindingStatus, HandoffStatus } from './schema'

export const handoffStatusLabels: Record<HandoffStatus, string> = {
  offered: '待中试平台答复',
  accepted: '中试中',
  declined: '已婉拒',
  withdrawn: '已撤回',
  completed: '中试完成',
}

export const severityLabels: Record<FindingSeverity, string> = {
  info: '提示',
  minor: '一般',
  major: '重要',
  critical: '严重',
}

export const findingStatusLabels: Record<FindingStatus, string> = {
  open: '待验证中心处理',
  reopened: '已重新开启验证',
  resolved: '已解决',
}
