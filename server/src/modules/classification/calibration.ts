import { softmax } from './sparse'

/** Per-member class scores of one held-out example, with its true class. */
export type MemberLogits = { label: number; scores: readonly (readonly number[])[] }

function combine(scores: readonly (readonly number[])[], scales: readonly number[]): number[] {
  const out = new Array<number>(scores[0]!.length).fill(0)
  scores.forEach((memberScores, m) => {
    for (let k = 0; k < out.length; k++) out[k]! += scales[m]! * memberScores[k]!
  })
  return out
}

/** Mean negative log-likelihood of the true class under softmax(Σ scale_m · scores_m). */
export function combinedLoss(examples: readonly MemberLogits[], scales: readonly number[]): number {
  let loss = 0
  for (const { label, scores } of examples) loss -= Math.log(Math.max(1e-300, softmax(combine(scores, scales))[label]!))
  return loss / examples.length
}

/** Gradient and Hessian of combinedLoss in the scales (M ≤ a handful, so the Hessian is tiny). */
function derivatives(examples: readonly MemberLogits[], scales: readonly number[]) {
  const m = scales.length
  const gradient = new Array<number>(m).fill(0)
  const hessian = Array.from({ length: m }, () => new Array<number>(m).fill(0))
  for (const { label, scores } of examples) {
    const p = softmax(combine(scores, scales))
    const mean = scores.map((s) => s.reduce((sum, v, k) => sum + p[k]! * v, 0))
    for (let a = 0; a < m; a++) {
      gradient[a]! += mean[a]! - scores[a]![label]!
      for (let b = a; b < m; b++) {
        let second = 0
        for (let k = 0; k < p.length; k++) second += p[k]! * scores[a]![k]! * scores[b]![k]!
        hessian[a]![b]! += second - mean[a]! * mean[b]!
      }
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!
  return { gradient, hessian }
}

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length
  const a = matrix.map((row, i) => [...row.map((v, j) => v + (i === j ? 1e-9 : 0)), vector[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    for (let r = 0; r < n; r++) {
      if (r === col || a[col]![col] === 0) continue
      const f = a[r]![col]! / a[col]![col]!
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[n]! / row[i]!))
}

/**
 * Stacks and calibrates in one step: the non-negative weights of a sum of member logits that minimize
 * log-loss on out-of-fold predictions. With one member this is temperature scaling (Guo et al. 2017).
 * The loss is convex in the weights; damped Newton steps, clamped at 0, converge in a few dozen steps
 * even when members' scores differ by orders of magnitude (naive Bayes log-probabilities vs SVM margins).
 */
export function fitScales(examples: readonly MemberLogits[], iterations = 50): number[] {
  const memberCount = examples[0]?.scores.length ?? 0
  let scales = new Array<number>(memberCount).fill(0)
  if (examples.length === 0) return scales
  let loss = combinedLoss(examples, scales)
  for (let i = 0; i < iterations; i++) {
    const { gradient, hessian } = derivatives(examples, scales)
    const direction = solve(hessian, gradient)
    let step = 1
    let improved = false
    while (step > 1e-6) {
      const candidate = scales.map((s, m) => Math.max(0, s - step * direction[m]!))
      const next = combinedLoss(examples, candidate)
      if (next < loss - 1e-12) {
        scales = candidate
        loss = next
        improved = true
        break
      }
      step /= 2
    }
    if (!improved) break
  }
  return scales
}
