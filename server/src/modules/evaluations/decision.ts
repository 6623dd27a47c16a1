import type { Decision } from './schema'

export type DecisionFacts = {
  decision: Decision
  rawMean: number
  normalizedMean: number
  rank: number
  ranked: number
  reviews: number
  outliers: number
  threshold: number | null
  reason?: string | undefined
}

/**
 * The recorded why of an admission decision (入库, issue 5: 'a recorded, explained decision'): score, rank, the
 * threshold when the round has one, and the organizer's reason. A decision with no threshold, or one that goes
 * against it, needs a reason.
 */
export function explainDecision(facts: DecisionFacts): { explanation: string; needsReason: boolean } {
  const parts = [
    `综合得分 ${facts.normalizedMean}（按专家标准化；原始平均 ${facts.rawMean}），${facts.reviews} 位专家评分，排名第 ${facts.rank}/${facts.ranked}`,
  ]
  let needsReason = true
  if (facts.threshold !== null) {
    const above = facts.normalizedMean >= facts.threshold
    const side = above ? '不低于' : '低于'
    parts.push(`${side}入库分数线 ${facts.threshold} 分`)
    needsReason = above !== (facts.decision === 'admitted')
    if (needsReason) parts.push('决定与分数线不一致')
  } else parts.push('本轮未设入库分数线')
  if (facts.outliers > 0) parts.push(`含 ${facts.outliers} 份异常评分`)
  const reason = facts.reason?.trim()
  if (reason) parts.push(`理由：${reason}`)
  const verdict = facts.decision === 'admitted' ? '准予入库' : '不予入库'
  return { explanation: `${verdict}：${parts.join('；')}`, needsReason }
}
