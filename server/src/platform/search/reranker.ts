import { FEATURE_NAMES, type FeatureName, type FeatureVector } from './features'

/** A linear model over the features; `weights` missing a feature count it as 0. */
export interface RerankerModel {
  readonly version: string
  readonly weights: Readonly<Partial<Record<FeatureName, number>>>
}

/** Before any feedback: the first-stage BM25F order, unchanged. */
export const FIRST_STAGE_ONLY: RerankerModel = { version: 'bm25f', weights: { bm25: 1 } }

/**
 * A starting point learned from feedback simulated on the CSL dev queries (bench/match/train-prior.ts):
 * rewards full coverage, phrases, text that stays on the topic and repeated mentions. Use it as the
 * prior that the platform's own feedback then moves.
 */
export const CSL_DEV_PRIOR: RerankerModel = {
  version: 'csl-dev-prior-1',
  weights: {
    bm25: 2.217,
    coverage: 0.522,
    proximity: 0.654,
    window: 0.477,
    phrase: 0.614,
    spread: 1.097,
    frequency: 1.587,
    length: 0.097,
    agreement: 0.436,
  },
}

/** Grades of recorded feedback: 不相关 < 有意向 < lead or event sign-up < signed agreement. */
export const FEEDBACK_GRADES = { irrelevant: 0, interested: 1, lead: 2, signup: 2, agreement: 3 } as const
export type FeedbackKind = keyof typeof FEEDBACK_GRADES

/** One judged result: `group` ties together results of the same query (pairs are formed within it). */
export interface FeedbackExample {
  readonly group: string
  readonly features: FeatureVector
  readonly grade: number
}

export function rerankScore(model: RerankerModel, features: FeatureVector): number {
  let score = 0
  for (const name of FEATURE_NAMES) score += (model.weights[name] ?? 0) * features[name]
  return score
}

function toArray(features: FeatureVector): number[] {
  return FEATURE_NAMES.map((name) => features[name])
}

interface Pair {
  readonly difference: number[]
  /** How much getting this pair wrong costs: the gain difference 2^better − 2^worse (LambdaRank-like). */
  readonly weight: number
}

/** Ordered pairs (better, worse) within each group, as feature differences; at most `limit` per group. */
function pairDifferences(examples: readonly FeedbackExample[], limit: number): Pair[] {
  const groups = new Map<string, FeedbackExample[]>()
  for (const e of examples) {
    const list = groups.get(e.group)
    if (list) list.push(e)
    else groups.set(e.group, [e])
  }
  const out: Pair[] = []
  for (const list of groups.values()) {
    let made = 0
    for (let i = 0; i < list.length && made < limit; i++) {
      for (let j = 0; j < list.length && made < limit; j++) {
        if (list[i]!.grade <= list[j]!.grade) continue
        const better = toArray(list[i]!.features)
        const worse = toArray(list[j]!.features)
        out.push({
          difference: better.map((x, k) => x - worse[k]!),
          weight: 2 ** list[i]!.grade - 2 ** list[j]!.grade,
        })
        made++
      }
    }
  }
  return out
}

/** Solves a small dense system by Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length
  const a = matrix.map((row, i) => [...row, vector[i]!])
  for (let c = 0; c < n; c++) {
    let pivot = c
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r
    ;[a[c], a[pivot]] = [a[pivot]!, a[c]!]
    const d = a[c]![c]! || 1e-12
    for (let r = 0; r < n; r++) {
      if (r === c) continue
      const f = a[r]![c]! / d
      for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!
    }
  }
  return a.map((row, i) => row[n]! / (row[i]! || 1e-12))
}

/**
 * How many judged pairs the prior is worth. The data term is a mean over pairs, so without this one person's
 * first two judgements (one pair) could push the weights as far as it takes to separate that pair: the whole
 * list reshuffled, the result marked 有意向 itself falling out of the top ten. Feedback moves the model in
 * proportion to how much of it there is.
 */
export const PRIOR_PAIRS = 2

export interface TrainingOptions {
  /** The model to start from and shrink towards (the shipped defaults, or the previous model). */
  readonly prior?: RerankerModel
  /**
   * L2 pull towards the prior; larger trusts little feedback less. By default the prior weighs as much as
   * PRIOR_PAIRS judged pairs, and never less than 0.01 (as fitted on the CSL dev feedback, thousands of pairs).
   */
  readonly l2?: number
  readonly iterations?: number
  readonly pairsPerGroup?: number
  readonly version?: string
}

/**
 * Pairwise logistic regression (RankNet with a linear scorer) on feedback: for every pair of results of
 * the same query where one was judged better, P(better ranks first) = σ(w · (f_better − f_worse)),
 * each pair weighted by its gain difference so the pairs that move nDCG count most. Fitted by Newton's
 * method (ten weights), with an L2 pull towards the prior model.
 */
export function trainReranker(examples: readonly FeedbackExample[], options: TrainingOptions = {}): RerankerModel {
  const prior = options.prior ?? FIRST_STAGE_ONLY
  const pairs = pairDifferences(examples, options.pairsPerGroup ?? 200)
  const l2 = options.l2 ?? Math.max(0.01, PRIOR_PAIRS / Math.max(1, pairs.length))
  const n = FEATURE_NAMES.length
  const center = FEATURE_NAMES.map((name) => prior.weights[name] ?? 0)
  let w = [...center]
  const totalWeight = pairs.reduce((s, p) => s + p.weight, 0)
  if (pairs.length > 0) {
    for (let iteration = 0; iteration < (options.iterations ?? 25); iteration++) {
      const gradient = w.map((x, k) => 2 * l2 * (x - center[k]!))
      const hessian = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 2 * l2 : 0)))
      for (const { difference: d, weight: pairWeight } of pairs) {
        const margin = d.reduce((s, x, k) => s + x * w[k]!, 0)
        const p = 1 / (1 + Math.exp(-margin))
        const scale = pairWeight / totalWeight
        for (let i = 0; i < n; i++) {
          gradient[i]! -= (1 - p) * d[i]! * scale
          for (let j = 0; j < n; j++) hessian[i]![j]! += p * (1 - p) * d[i]! * d[j]! * scale
        }
      }
      const step = solve(hessian, gradient)
      w = w.map((x, k) => x - step[k]!)
      if (step.every((s) => Math.abs(s) < 1e-9)) break
    }
  }
  const weights: Partial<Record<FeatureName, number>> = {}
  FEATURE_NAMES.forEach((name, k) => {
    if (w[k] !== 0) weights[name] = w[k]!
  })
  return { version: options.version ?? `feedback-${examples.length}`, weights }
}

/** Share of judged pairs the model orders correctly (ties count half). */
export function pairwiseAccuracy(model: RerankerModel, examples: readonly FeedbackExample[]): number {
  const pairs = pairDifferences(examples, Number.POSITIVE_INFINITY)
  if (pairs.length === 0) return 1
  let right = 0
  for (const { difference: d } of pairs) {
    const margin = FEATURE_NAMES.reduce((s, name, k) => s + (model.weights[name] ?? 0) * d[k]!, 0)
    right += margin > 0 ? 1 : margin === 0 ? 0.5 : 0
  }
  return right / pairs.length
}
