/** One weighted text field of BM25F: `weight` multiplies its term frequencies, `b` its length normalization. */
export interface FieldConfig {
  readonly name: string
  readonly weight: number
  readonly b: number
  /** Shown in 为什么推荐 (标题, 关键词, 摘要); the name if absent. */
  readonly label?: string
}

export interface Bm25fParameters {
  readonly k1: number
  readonly fields: readonly FieldConfig[]
  /** Average field lengths the impacts were computed with. */
  readonly averageLengths: readonly number[]
}

/** Postings hold BM25F's saturated term frequency quantized to 1..255; the query multiplies it by idf. */
export const IMPACT_SCALE = 255

export function quantizeImpact(pseudoFrequency: number, k1: number): number {
  const saturated = pseudoFrequency / (k1 + pseudoFrequency)
  return Math.min(IMPACT_SCALE, Math.max(1, Math.round(saturated * IMPACT_SCALE)))
}

/** BM25's idf, never negative. */
export function inverseDocumentFrequency(documentCount: number, df: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5))
}

/** Per-field multiplier of one occurrence: weight / (1 − b + b · length / average). */
export function fieldNorms(parameters: Bm25fParameters, lengths: ArrayLike<number>, into: Float64Array): void {
  parameters.fields.forEach((field, f) => {
    const average = parameters.averageLengths[f] || 1
    into[f] = field.weight / (1 - field.b + (field.b * (lengths[f] ?? 0)) / average)
  })
}
