import type { InvestmentStage, InvestorKind } from '../api/types'

export const investmentStageLabels: Record<InvestmentStage, string> = {
  seed: '种子期',
  angel: '天使轮',
  early: '初创期（A 轮）',
  growth: '成长期（B 轮及以后）',
}

export const investmentStageHints: Record<InvestmentStage, string> = {
  seed: '完成原理或技术验证，TRL 4 及以下',
  angel: '样机或中试阶段，TRL 5–6',
  early: '产品定型或已转化落地，TRL 7 及以上',
  growth: '已有稳定收入，扩大生产',
}

export const investorKindLabels: Record<InvestorKind, string> = {
  ventureCapital: '创业投资机构',
  governmentFund: '政府引导基金/产业基金',
  angel: '天使投资',
  corporate: '产业资本',
}

export const investorFieldLabels: Record<string, string> = {
  kind: '机构类型',
  stages: '投资阶段',
  industryCodes: '关注产业',
  focusKeywords: '关注方向',
  ticketMinWan: '单笔投资下限',
  ticketMaxWan: '单笔投资上限',
  jurisdictionCodes: '投资地域',
  introduction: '机构简介',
  confidentiality: '公开程度',
}
