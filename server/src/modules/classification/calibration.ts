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

/** Mean negative log-likelihood of the true class under softmax(Σ scale_m · scores_m), and its gradient. */
export function combinedLoss(examples: readonly MemberLogits[], scales: readonly number[]) {
  let loss = 0
  const gradient = new Array<number>(scales.length).fill(0)
  for (const { label, scores } of examples) {
    const p = softmax(combine(scores, scales))
    loss -= Math.log(Math.max(1e-12, p[label]!))
    scores.forEach((memberScores, m) => {
      for (let k = 0; k < p.length; k++) gradient[m]! += (p[k]! - (k === label ? 1 : 0)) * memberScores[k]!
    })
  }
  return { loss: loss / examples.length, gradient: gradient.map((g) => g / examples.length) }
}

/**
 * Stacks and calibrates in one step: the weights of a sum of member logits that minimize log-loss on
 * out-of-fold predictions. With one member this is temperature scaling (Guo et al. 2017); the loss is
 * convex in the weights, so projected gradient descent with backtracking finds the optimum.
 */
export function fitScales(examples: readonly MemberLogits[], iterations = 200): number[] {
  const memberCount = examples[0]?.scores.length ?? 0
  let scales = new Array<number>(memberCount).fill(1 / Math.max(1, memberCount))
  if (examples.length === 0) return scales
  let { loss, gradient } = combinedLoss(examples, scales)
  let step = 1
  for (let i = 0; i < iterations && step > 1e-9; i++) {
    const candidate = scales.map((s, m) => Math.max(0, s - step * gradient[m]!))
    const next = combinedLoss(examples, candidate)
    if (next.loss < loss) {
      scales = candidate
      loss = next.loss
      gradient = next.gradient
      step *= 1.5
    } else step /= 2
  }
  return scales
}
