/** A sparse feature vector: ascending feature indices with their values. */
export type SparseVector = { indices: Int32Array; values: Float64Array }

export function l2Normalize(vector: SparseVector): SparseVector {
  let sum = 0
  for (const value of vector.values) sum += value * value
  if (sum === 0) return vector
  const norm = Math.sqrt(sum)
  return { indices: vector.indices, values: vector.values.map((value) => value / norm) }
}

/** Numerically stable softmax of scores. */
export function softmax(scores: ArrayLike<number>): number[] {
  let max = Number.NEGATIVE_INFINITY
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!)
  const out = new Array<number>(scores.length)
  let sum = 0
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(scores[i]! - max)
    out[i] = e
    sum += e
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum
  return out
}
