import { describe, expect, it } from 'vitest'
import { FEATURE_NAMES, type FeatureVector } from './features'
import {
  FEEDBACK_GRADES,
  type FeedbackExample,
  FIRST_STAGE_ONLY,
  pairwiseAccuracy,
  rerankScore,
  trainReranker,
} from './reranker'
import { SearchIndex } from './search-index'
import type { SearchRequest } from './types'

function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TECH = ['视觉检测', '激光焊接', '电池管理', '路径规划', '故障诊断', '材料涂层', '柔性传感', '边缘计算']
const INDUSTRIES = ['智能装备', '新能源汽车', '生物医药', '新材料']

/** Achievements whose words do not reveal their industry or maturity: text alone cannot tell the fit. */
function registry(): SearchIndex {
  const next = random(7)
  const docs = Array.from({ length: 400 }, (_, i) => {
    const words = [0, 1, 2].map(() => TECH[Math.floor(next() * TECH.length)]!)
    return {
      id: `a${i}`,
      fields: { text: [...words, '技术', '应用'] },
      attributes: { industry: INDUSTRIES[Math.floor(next() * INDUSTRIES.length)]!, trl: 1 + Math.floor(next() * 9) },
    }
  })
  return SearchIndex.fromDocuments(
    {
      fields: [{ name: 'text', weight: 1, b: 0.5 }],
      attributes: { industry: 'keyword', trl: 'number' },
      subwords: () => [],
      isStopword: () => false,
    },
    docs,
  )
}

interface Demand {
  readonly id: string
  readonly request: SearchRequest
  readonly industry: string
  readonly trl: number
}

function demands(): Demand[] {
  const next = random(11)
  return Array.from({ length: 60 }, (_, i) => {
    const industry = INDUSTRIES[i % INDUSTRIES.length]!
    const trl = 4 + Math.floor(next() * 4)
    return {
      id: `d${i}`,
      industry,
      trl,
      request: {
        words: [TECH[Math.floor(next() * TECH.length)]!, TECH[Math.floor(next() * TECH.length)]!],
        context: { attributes: { industry: [industry] }, trl: { wanted: trl } },
        limit: 20,
        explain: true,
      },
    }
  })
}

/** What people do on the results page: 有意向 when industry and maturity fit, 不相关 otherwise. */
function recordFeedback(index: SearchIndex, list: readonly Demand[]): FeedbackExample[] {
  return list.flatMap((demand) =>
    index.search(demand.request).hits.map((hit) => {
      const fits = hit.attributes.industry === demand.industry && Number(hit.attributes.trl) >= demand.trl
      return {
        group: demand.id,
        features: hit.reasons!.features,
        grade: fits ? FEEDBACK_GRADES.interested : FEEDBACK_GRADES.irrelevant,
      }
    }),
  )
}

/** nDCG@5 of the shown order against the people's judgements. */
function ndcgAt5(index: SearchIndex, list: readonly Demand[]): number {
  let total = 0
  for (const demand of list) {
    const grades = index
      .search({ ...demand.request, limit: 5 })
      .hits.map((h) => (h.attributes.industry === demand.industry && Number(h.attributes.trl) >= demand.trl ? 1 : 0))
    const ideal = [...recordFeedback(index, [demand]).map((e) => e.grade)].sort((a, b) => b - a).slice(0, 5)
    const dcg = (gs: number[]) => gs.reduce((s, g, i) => s + g / Math.log2(i + 2), 0)
    total += dcg(ideal) > 0 ? dcg(grades) / dcg(ideal) : 1
  }
  return total / list.length
}

describe('re-ranker trained from feedback', () => {
  it('orders held-out feedback better than the text score alone and lifts nDCG on held-out demands', () => {
    const index = registry()
    const all = demands()
    const train = all.slice(0, 30)
    const heldOut = all.slice(30)
    const before = {
      accuracy: pairwiseAccuracy(FIRST_STAGE_ONLY, recordFeedback(index, heldOut)),
      ndcg: ndcgAt5(index, heldOut),
    }

    index.reranker = trainReranker(recordFeedback(index, train))
    const after = {
      accuracy: pairwiseAccuracy(index.reranker, recordFeedback(index, heldOut)),
      ndcg: ndcgAt5(index, heldOut),
    }

    expect(before.accuracy).toBeLessThan(0.65)
    expect(after.accuracy).toBeGreaterThan(before.accuracy + 0.2)
    expect(after.ndcg).toBeGreaterThan(before.ndcg + 0.2)
    expect(index.reranker.weights.attributeMatch).toBeGreaterThan(0)
    expect(index.reranker.weights.trlFit).toBeGreaterThan(0)
  })
})

describe('trainReranker', () => {
  const vector = (values: Partial<Record<(typeof FEATURE_NAMES)[number], number>>): FeatureVector =>
    Object.fromEntries(FEATURE_NAMES.map((n) => [n, values[n] ?? 0])) as FeatureVector

  it('keeps the prior when there is no pair to learn from', () => {
    const model = trainReranker([{ group: 'q', features: vector({ bm25: 1 }), grade: 1 }])
    expect(model.weights).toEqual(FIRST_STAGE_ONLY.weights)
  })

  it('learns to prefer the feature that separates better from worse', () => {
    const examples: FeedbackExample[] = [0, 1, 2, 3].flatMap((q) => [
      { group: `q${q}`, features: vector({ bm25: 0.5, phrase: 1 }), grade: 1 },
      { group: `q${q}`, features: vector({ bm25: 1, phrase: 0 }), grade: 0 },
    ])
    const model = trainReranker(examples)
    expect(rerankScore(model, vector({ bm25: 0.5, phrase: 1 }))).toBeGreaterThan(
      rerankScore(model, vector({ bm25: 1 })),
    )
    expect(pairwiseAccuracy(model, examples)).toBe(1)
    expect(pairwiseAccuracy(FIRST_STAGE_ONLY, examples)).toBe(0)
  })

  it('moves with the amount of feedback: one pair nudges the prior, forty consistent pairs overturn it', () => {
    const pair = (q: number): FeedbackExample[] => [
      { group: `q${q}`, features: vector({ bm25: 0.2, coverage: 1 }), grade: 1 },
      { group: `q${q}`, features: vector({ bm25: 0.9, coverage: 0 }), grade: 0 },
    ]
    // Two unjudged results that differ only in their text score keep their order after one person's first pair
    // (a mean over one pair alone would turn the text score's weight negative and reshuffle every list).
    const one = trainReranker(pair(0))
    expect(one.weights.bm25).toBeGreaterThan(0.5)
    expect(one.weights.coverage).toBeGreaterThan(0)
    const many = trainReranker(Array.from({ length: 40 }, (_, q) => pair(q)).flat())
    expect(many.weights.coverage).toBeGreaterThan(3 * one.weights.coverage!)
    expect(pairwiseAccuracy(many, pair(0))).toBe(1)
  })
})
