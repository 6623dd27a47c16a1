import { softmax } from './sparse'

/** Raw class scores (logits) of one held-out example with its true class. */
export type Logits = { label: number; scores: readonly number[] }

function negativeLogLikelihood(examples: readonly Logits[], temperature: number): number {
  let sum = 0
  for (const { label, scores } of examples) {
    const p = softmax(scores.map((s) => s / temperature))
    sum -= Math.log(Math.max(1e-12, p[label]!))
  }
  return sum / examples.length
}

/**
 * Temperature scaling (Guo et al. 2017): one scalar T fitted on out-of-fold logits, so confidences
 * match accuracy without changing which class wins. Golden-section search on log T.
 */
export function fitTemperature(examples: readonly Logits[]): number {
  if (examples.length === 0) return 1
  let lo = Math.log(0.05)
  let hi = Math.log(20)
  const ratio = (Math.sqrt(5) - 1) / 2
  for (let i = 0; i < 60; i++) {
    const a = hi - ratio * (hi - lo)
    const b = lo + ratio * (hi - lo)
    if (negativeLogLikelihood(examples, Math.exp(a)) < negativeLogLikelihood(examples, Math.exp(b))) hi = b
    else lo = a
  }
  return Math.exp((lo + hi) / 2)
}
