import type { EntryChannel, VerificationType } from './schema'

export const channelLabels: Record<EntryChannel, string> = {
  application: '科研人员申报',
  solicitation: '征集申报',
  preVerification: '招引项目前置验证',
  fundRequest: '基金投前验证',
}

/** Seed 002 8. 规范化服务流程: 原理验证 → 技术与工艺可行性 → 产品与场景 → 商业可行性. */
export const verificationTypeLabels: Record<VerificationType, string> = {
  principle: '原理验证',
  technical: '技术与工艺可行性验证',
  productScenario: '产品与场景验证',
  commercial: '商业可行性验证',
}
