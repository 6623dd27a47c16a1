import type { OutcomeKind } from './schema'

export const outcomeKindLabels: Record<OutcomeKind, string> = {
  sample: '样品化',
  product: '产品化',
  company: '落地成立企业',
  license: '技术许可',
  transfer: '技术转让',
  equity: '技术作价入股',
  funding: '后续融资',
  serviceFee: '服务收入',
}

export const fundingRounds = ['angel', 'seed', 'preA', 'A', 'B', 'C', 'strategic', 'grant', 'loan'] as const
export const fundingRoundLabels: Record<(typeof fundingRounds)[number], string> = {
  angel: '天使轮',
  seed: '种子轮',
  preA: 'Pre-A 轮',
  A: 'A 轮',
  B: 'B 轮',
  C: 'C 轮及以后',
  strategic: '战略投资',
  grant: '政府资助',
  loan: '概念验证贷款',
}

/** 验证—孵化—产业化 基金接力 (seed 004 三(五)): which leg of the relay the money funds. */
export const relayLegs = ['verification', 'incubation', 'industrialization'] as const
export const relayLegLabels: Record<(typeof relayLegs)[number], string> = {
  verification: '验证',
  incubation: '孵化',
  industrialization: '产业化',
}
