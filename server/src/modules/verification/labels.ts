import type { GateDecision, ReportKind, StageStatus, VerificationStatus } from './schema'

export const verificationStatusLabels: Record<VerificationStatus, string> = {
  running: '验证中',
  gatesPassed: '各阶段已通过，待出具报告',
  reported: '已出具验证报告',
  terminated: '已终止',
}

export const stageStatusLabels: Record<StageStatus, string> = {
  skipped: '已跳过',
  notPlanned: '不开展',
  pending: '待开始',
  active: '进行中',
  passed: '通过',
  conditionallyPassed: '有条件通过',
  terminated: '终止',
  cancelled: '已取消',
}

export const gateDecisionLabels: Record<GateDecision, string> = {
  passed: '通过',
  conditional: '有条件通过',
  terminated: '终止',
}

export const reportKindLabels: Record<ReportKind, string> = {
  poc: '概念验证报告',
  technicalFeasibility: '技术可行性报告',
}
