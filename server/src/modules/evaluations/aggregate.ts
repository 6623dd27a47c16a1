import type { Criterion } from './schema'

/**
 * Aggregation of a round's scores (issue 5: 汇总、按专家标准化、异常评分提示、排序). Pure: reviews in, numbers and
 * the why in Chinese out. Scores are 0–100 per criterion; a review's score is the weighted mean of its criteria.
 */

export type ScoredReview = { id: string; projectId: string; reviewerId: string; raw: number }

export type NormalizedReview = ScoredReview & {
  normalized: number
  method: 'zScore' | 'shift' | 'none'
  why: string
}

export type FlaggedReview = NormalizedReview & { deviation: number | null; outlier: boolean; outlierWhy: string | null }

export type ProjectStanding = {
  projectId: string
  reviews: number
  rawMean: number | null
  normalizedMean: number | null
  criterionMeans: Record<string, number>
  outliers: number
  rank: number | null
}

export const round2 = (x: number) => Math.round(x * 100) / 100
const clamp = (x: number) => Math.min(100, Math.max(0, x))

function meanAndSpread(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length
  return { mean, sd: Math.sqrt(variance) }
}

/** Σ weight × score / Σ weight over the criteria (weights need not sum to 100). */
export function weightedScore(scores: Readonly<Record<string, number>>, criteria: readonly Criterion[]): number {
  const total = criteria.reduce((s, c) => s + c.weight, 0)
  if (total <= 0) return 0
  return round2(criteria.reduce((s, c) => s + c.weight * (scores[c.key] ?? 0), 0) / total)
}

/**
 * Per-reviewer normalization: z = (x − 本人均值) / 本人标准差, mapped back to the round's mean and spread, so a
 * strict and a lenient reviewer weigh alike. A reviewer with one review is left as is; one whose scores do not
 * vary is shifted to the round's mean (their scores carry no ranking information).
 */
export function normalizeByReviewer(reviews: readonly ScoredReview[]): NormalizedReview[] {
  if (reviews.length === 0) return []
  const round = meanAndSpread(reviews.map((r) => r.raw))
  const byReviewer = new Map<string, number[]>()
  for (const r of reviews) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.raw])
  return reviews.map((r) => {
    const own = byReviewer.get(r.reviewerId)!
    if (own.length < 2 || round.sd === 0) {
      const why = own.length < 2 ? '该专家本轮仅评 1 份，未做标准化' : '本轮评分无差异，未做标准化'
      return { ...r, normalized: r.raw, method: 'none', why }
    }
    const mine = meanAndSpread(own)
    const base = `本人均值 ${round2(mine.mean)}、标准差 ${round2(mine.sd)}；全轮均值 ${round2(round.mean)}、标准差 ${round2(round.sd)}`
    if (mine.sd === 0) {
      return { ...r, normalized: round2(round.mean), method: 'shift', why: `${base}；本人评分无差异，取全轮均值` }
    }
    const z = (r.raw - mine.mean) / mine.sd
    const normalized = round2(clamp(round.mean + round.sd * z))
    return { ...r, normalized, method: 'zScore', why: `${base}；z = ${round2(z)} → ${normalized}` }
  })
}

/** A review is an outlier when it lies more than `threshold` points from the mean of the others on its project. */
export function flagOutliers(reviews: readonly NormalizedReview[], threshold: number): FlaggedReview[] {
  const byProject = new Map<string, NormalizedReview[]>()
  for (const r of reviews) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r])
  return reviews.map((r) => {
    const others = byProject.get(r.projectId)!.filter((o) => o.id !== r.id)
    // With one other review there is no telling which of the two is off.
    if (others.length < 2) return { ...r, deviation: null, outlier: false, outlierWhy: null }
    const mean = others.reduce((s, o) => s + o.normalized, 0) / others.length
    const deviation = round2(r.normalized - mean)
    const outlier = Math.abs(deviation) > threshold
    const side = deviation > 0 ? '高' : '低'
    const outlierWhy = outlier
      ? `比同一项目其他 ${others.length} 位专家的平均分${side} ${Math.abs(deviation)} 分（阈值 ${threshold} 分）`
      : null
    return { ...r, deviation, outlier, outlierWhy }
  })
}

/** Standing of every project: means, per-criterion means, outliers, and the rank by normalized mean (1, 2, 2, 4 …). */
export function rankProjects(
  projectIds: readonly string[],
  reviews: readonly FlaggedReview[],
  criteriaScores: ReadonlyMap<string, Readonly<Record<string, number>>>,
  criteria: readonly Criterion[],
): ProjectStanding[] {
  const standings = projectIds.map((projectId): ProjectStanding => {
    const mine = reviews.filter((r) => r.projectId === projectId)
    if (mine.length === 0) {
      return {
        projectId,
        reviews: 0,
        rawMean: null,
        normalizedMean: null,
        criterionMeans: {},
        outliers: 0,
        rank: null,
      }
    }
    const mean = (values: number[]) => round2(values.reduce((s, v) => s + v, 0) / values.length)
    const criterionMeans = Object.fromEntries(
      criteria.map((c) => [c.key, mean(mine.map((r) => criteriaScores.get(r.id)?.[c.key] ?? 0))]),
    )
    return {
      projectId,
      reviews: mine.length,
      rawMean: mean(mine.map((r) => r.raw)),
      normalizedMean: mean(mine.map((r) => r.normalized)),
      criterionMeans,
      outliers: mine.filter((r) => r.outlier).length,
      rank: null,
    }
  })
  const scored = standings
    .filter((s) => s.normalizedMean !== null)
    .sort((a, b) => b.normalizedMean! - a.normalizedMean! || b.rawMean! - a.rawMean!)
  scored.forEach((s, i) => {
    const previous = scored[i - 1]
    const tied = previous && previous.normalizedMean === s.normalizedMean && previous.rawMean === s.rawMean
    s.rank = tied ? previous.rank : i + 1
  })
  return [...scored, ...standings.filter((s) => s.normalizedMean === null)]
}
