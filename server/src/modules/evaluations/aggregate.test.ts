import { describe, expect, it } from 'vitest'
import { flagOutliers, normalizeByReviewer, rankProjects, type ScoredReview, weightedScore } from './aggregate'
import { explainDecision } from './decision'
import { DEFAULT_CRITERIA, reviewerLetter, tanksFor } from './labels'

const review = (id: string, projectId: string, reviewerId: string, raw: number): ScoredReview => ({
  id,
  projectId,
  reviewerId,
  raw,
})

describe('weightedScore', () => {
  it.each([
    [{ innovation: 80, feasibility: 80, market: 80, ip: 80 }, DEFAULT_CRITERIA, 80],
    [{ innovation: 100, feasibility: 0, market: 0, ip: 0 }, DEFAULT_CRITERIA, 25],
    [
      { innovation: 90, feasibility: 60 },
      [
        { key: 'innovation', name: 'a', weight: 70 },
        { key: 'feasibility', name: 'b', weight: 30 },
      ],
      81,
    ],
    [{ innovation: 59.99 }, [{ key: 'innovation', name: 'a', weight: 1 }], 59.99],
    [{}, DEFAULT_CRITERIA, 0],
  ])('%j under the criteria → %d', (scores, criteria, expected) => {
    expect(weightedScore(scores, criteria)).toBe(expected)
  })
})

describe('normalizeByReviewer', () => {
  it('maps a strict and a lenient reviewer with the same ranking onto the same scale', () => {
    const out = normalizeByReviewer([
      review('a1', 'p1', 'strict', 50),
      review('a2', 'p2', 'strict', 40),
      review('b1', 'p1', 'lenient', 95),
      review('b2', 'p2', 'lenient', 85),
    ])
    const by = new Map(out.map((r) => [r.id, r]))
    expect(by.get('a1')!.normalized).toBe(by.get('b1')!.normalized)
    expect(by.get('a2')!.normalized).toBe(by.get('b2')!.normalized)
    expect(by.get('a1')!.normalized).toBeGreaterThan(by.get('a2')!.normalized)
    expect(by.get('a1')).toMatchObject({ method: 'zScore' })
    expect(by.get('a1')!.why).toContain('本人均值 45')
  })

  it.each([
    [
      'a reviewer with a single review',
      [review('a', 'p1', 'r1', 70), review('b', 'p1', 'r2', 50), review('c', 'p2', 'r2', 60)],
      'a',
      'none',
      70,
    ],
    ['a round where every score is equal', [review('a', 'p1', 'r1', 70), review('b', 'p2', 'r1', 70)], 'a', 'none', 70],
    [
      'a reviewer whose scores never vary (shifted to the round mean)',
      [
        review('a', 'p1', 'r1', 80),
        review('b', 'p2', 'r1', 80),
        review('c', 'p1', 'r2', 40),
        review('d', 'p2', 'r2', 60),
      ],
      'a',
      'shift',
      65,
    ],
  ])('leaves %s as explained', (_label, reviews, id, method, normalized) => {
    const r = normalizeByReviewer(reviews).find((x) => x.id === id)!
    expect(r.method).toBe(method)
    expect(r.normalized).toBe(normalized)
    expect(r.why).not.toBe('')
  })

  it('keeps normalized scores within 0–100', () => {
    const out = normalizeByReviewer([
      review('a', 'p1', 'r1', 100),
      review('b', 'p2', 'r1', 0),
      review('c', 'p1', 'r2', 100),
      review('d', 'p2', 'r2', 99),
    ])
    for (const r of out) expect(r.normalized).toBeGreaterThanOrEqual(0)
    for (const r of out) expect(r.normalized).toBeLessThanOrEqual(100)
  })
})

describe('flagOutliers', () => {
  const none = (id: string, projectId: string, normalized: number) => ({
    ...review(id, projectId, id, normalized),
    normalized,
    method: 'none' as const,
    why: '',
  })
  it.each([
    // deviation from the mean of the others, against a threshold of 20
    [[80, 82, 61], 2, false, -20],
    [[80, 82, 60.99], 2, true, -20.01],
    [[80, 82, 30], 2, true, -51],
    [[80, 82, 100], 2, false, 19],
    [[80, 20], 1, false, null],
  ])('scores %j: the review at %d is flagged %s (deviation %s)', (scores, index, flagged, deviation) => {
    const out = flagOutliers(
      scores.map((s, i) => none(`r${i}`, 'p', s)),
      20,
    )
    expect(out[index]!.outlier).toBe(flagged)
    expect(out[index]!.deviation).toBe(deviation)
    if (flagged) expect(out[index]!.outlierWhy).toContain('阈值 20 分')
  })
})

describe('rankProjects', () => {
  it('ranks by normalized mean, ties share a rank, unscored projects come last without one', () => {
    const reviews = [
      {
        ...review('a', 'p1', 'r1', 80),
        normalized: 80,
        method: 'none' as const,
        why: '',
        deviation: null,
        outlier: false,
        outlierWhy: null,
      },
      {
        ...review('b', 'p2', 'r1', 90),
        normalized: 90,
        method: 'none' as const,
        why: '',
        deviation: null,
        outlier: false,
        outlierWhy: null,
      },
      {
        ...review('c', 'p3', 'r1', 80),
        normalized: 80,
        method: 'none' as const,
        why: '',
        deviation: null,
        outlier: true,
        outlierWhy: 'x',
      },
    ]
    const scores = new Map([['a', { innovation: 80 }]])
    const out = rankProjects(['p1', 'p2', 'p3', 'p4'], reviews, scores, DEFAULT_CRITERIA)
    expect(out.map((s) => [s.projectId, s.rank])).toEqual([
      ['p2', 1],
      ['p1', 2],
      ['p3', 2],
      ['p4', null],
    ])
    expect(out.find((s) => s.projectId === 'p3')!.outliers).toBe(1)
    expect(out.find((s) => s.projectId === 'p1')!.criterionMeans.innovation).toBe(80)
  })
})

describe('explainDecision', () => {
  const facts = { rawMean: 70, normalizedMean: 72.5, rank: 2, ranked: 5, reviews: 3, outliers: 0 }
  it.each([
    ['admitted', 72.5, false, '不低于入库分数线 72.5 分'],
    ['admitted', 72.51, true, '低于入库分数线 72.51 分'],
    ['rejected', 72.51, false, '低于入库分数线'],
    ['rejected', 60, true, '决定与分数线不一致'],
    ['admitted', null, true, '本轮未设入库分数线'],
  ] as const)('%s with threshold %s needs a reason: %s', (decision, threshold, needsReason, text) => {
    const out = explainDecision({ ...facts, decision, threshold })
    expect(out.needsReason).toBe(needsReason)
    expect(out.explanation).toContain(text)
    expect(out.explanation).toContain('排名第 2/5')
  })
})

describe('labels', () => {
  it('maps requested verification types to think tanks (seed 002 第15条)', () => {
    expect(tanksFor(['principle', 'technical', 'productScenario', 'commercial'])).toEqual([
      'technical',
      'product',
      'commercial',
    ])
  })
  it.each([
    [0, '评审专家 A'],
    [2, '评审专家 C'],
    [25, '评审专家 Z'],
    [26, '评审专家 AA'],
  ])('names reviewer %d as %s', (i, label) => expect(reviewerLetter(i)).toBe(label))
})
