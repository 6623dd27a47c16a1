import type { ContextEvidence } from './context'
import { type Evidence, FEATURE_NAMES, type FeatureName } from './features'
import type { AnalyzedQuery } from './query'
import type { SearchIndex } from './search-index'
import type { MatchedTerm, Reasons } from './types'

const FEATURE_LABELS: Record<FeatureName, string> = {
  bm25: '文本相关度',
  coverage: '关键词覆盖',
  proximity: '关键词相邻',
  window: '关键词集中',
  phrase: '短语完整出现',
  spread: '通篇相关',
  frequency: '关键词出现次数',
  length: '篇幅',
  agreement: '与高分结果同领域',
  attributeMatch: '产业/学科相符',
  trlFit: '成熟度相符',
  nearness: '距离',
}

const round = (x: number) => Math.round(x * 1000) / 1000

/** 为什么推荐: matched words per field, each field's share of the text score, the score's parts. */
export function buildReasons(
  index: SearchIndex,
  analyzed: AnalyzedQuery,
  evidence: Evidence,
  context: ContextEvidence,
  firstStageScore: number,
): Reasons {
  const fields = index.config.fields
  const matchedTerms: MatchedTerm[] = []
  const fieldMass = new Array<number>(fields.length).fill(0)
  analyzed.words.forEach((word, w) => {
    const counts = Array.from(evidence.counts.subarray(w * fields.length, (w + 1) * fields.length))
    if (word.via === 'none' || !counts.some((c) => c > 0)) return
    const occurrences: Record<string, number> = {}
    counts.forEach((c, f) => {
      if (c === 0) return
      occurrences[fields[f]!.name] = c
      fieldMass[f]! += word.idf * fields[f]!.weight * c
    })
    matchedTerms.push({ word: word.text, via: word.via, occurrences })
  })
  const massTotal = fieldMass.reduce((s, x) => s + x, 0) || 1
  const textScore = firstStageScore
  const fieldContributions: Record<string, number> = {}
  fields.forEach((field, f) => {
    if (fieldMass[f]! > 0) fieldContributions[field.name] = round((textScore * fieldMass[f]!) / massTotal)
  })
  const contributions: Partial<Record<FeatureName, number>> = {}
  for (const name of FEATURE_NAMES) {
    const weight = index.reranker.weights[name] ?? 0
    if (weight !== 0 && evidence.features[name] !== 0) contributions[name] = round(weight * evidence.features[name])
  }
  const summary: string[] = []
  if (matchedTerms.length > 0) {
    const labelOf = (name: string) => fields.find((f) => f.name === name)?.label ?? name
    const parts = matchedTerms.map((m) => {
      const where = Object.entries(m.occurrences)
        .map(([field, c]) => `${labelOf(field)}${c}次`)
        .join('、')
      return `${m.word}（${where}）`
    })
    summary.push(`命中关键词：${parts.join('，')}`)
  }
  for (const m of matchedTerms) {
    if (m.via === 'similar') summary.push(`“${m.word}”未在库中出现，按相近词匹配`)
    if (m.via === 'subwords') summary.push(`“${m.word}”按其组成词匹配`)
  }
  if (evidence.features.phrase > 0) summary.push('查询中的短语在文中完整出现')
  else if (evidence.features.proximity >= 0.5) summary.push('多个关键词在文中相邻出现')
  for (const s of context.shared) summary.push(`相同${s.attribute}：${s.values.join('、')}`)
  if (context.trl !== undefined) summary.push(`技术成熟度 TRL ${context.trl}`)
  if (context.distanceKm !== undefined) summary.push(`距离约 ${Math.round(context.distanceKm)} 公里`)
  const strongest = Object.entries(contributions)
    .filter(([name]) => name !== 'bm25')
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0]
  if (strongest && (strongest[1] ?? 0) > 0) summary.push(`排序加分最多：${FEATURE_LABELS[strongest[0] as FeatureName]}`)
  return {
    matchedTerms,
    fieldContributions,
    features: Object.fromEntries(FEATURE_NAMES.map((n) => [n, round(evidence.features[n])])) as Record<
      FeatureName,
      number
    >,
    contributions,
    shared: context.shared,
    ...(context.trl === undefined ? {} : { trl: context.trl }),
    ...(context.distanceKm === undefined ? {} : { distanceKm: round(context.distanceKm) }),
    summary,
    model: index.reranker.version,
  }
}
