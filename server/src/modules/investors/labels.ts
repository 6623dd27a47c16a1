import type { InvestmentStage, InvestorKind } from './schema'

export const investmentStageLabels: Record<InvestmentStage, string> = {
  seed: '种子期',
  angel: '天使轮',
  early: '初创期（A 轮）',
  growth: '成长期（B 轮及以后）',
}

export const investorKindLabels: Record<InvestorKind, string> = {
  ventureCapital: '创业投资机构',
  governmentFund: '政府引导基金/产业基金',
  angel: '天使投资',
  corporate: '产业资本',
}

/** 万元 from 分, as a person reads a ticket size. */
export const wan = (fen: bigint | number) => {
  const value = Number(fen) / 1_000_000
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}
