/** One prediction for scoring: the true class, the predicted distribution over classes. */
export type Scored = { label: number; probabilities: readonly number[] }

export function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i
  return best
}

export function accuracy(scored: readonly Scored[]): number {
  if (scored.length === 0) return 0
  return scored.filter((s) => argmax(s.probabilities) === s.label).length / scored.length
}

/** Mean F1 over classes that occur in the truth or the predictions (absent-everywhere classes are skipped). */
export function macroF1(scored: readonly Scored[], classCount: number): number {
  const tp = new Array<number>(classCount).fill(0)
  const fp = new Array<number>(classCount).fill(0)
  const fn = new Array<number>(classCount).fill(0)
  for (const s of scored) {
    const predicted = argmax(s.probabilities)
    if (predicted === s.label) tp[predicted]!++
    else {
      fp[predicted]!++
      fn[s.label]!++
    }
  }
  const f1s: number[] = []
  for (let k = 0; k < classCount; k++) {
    if (tp[k]! + fp[k]! + fn[k]! === 0) continue
    f1s.push((2 * tp[k]!) / (2 * tp[k]! + fp[k]! + fn[k]!))
  }
  return f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length
}

export type ReliabilityBucket = { from: number; to: number; count: number; confidence: number; accuracy: number }

/** Top-1 confidence bucketed in equal-width bins: how often a "0.9" is right. */
export function reliability(scored: readonly Scored[], bins = 10): ReliabilityBucket[] {
  const buckets = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, n: 0, c: 0, a: 0 }))
  for (const s of scored) {
    const predicted = argmax(s.probabilities)
    const confidence = s.probabilities[predicted]!
    const bucket = buckets[Math.min(bins - 1, Math.floor(confidence * bins))]!
    bucket.n++
    bucket.c += confidence
    bucket.a += predicted === s.label ? 1 : 0
  }
  return buckets.map((b) => ({
    from: b.from,
    to: b.to,
    count: b.n,
    confidence: b.n ? b.c / b.n : 0,
    accuracy: b.n ? b.a / b.n : 0,
  }))
}

/** Expected calibration error: bucket-size-weighted |accuracy − confidence|. */
export function expectedCalibrationError(scored: readonly Scored[], bins = 10): number {
  if (scored.length === 0) return 0
  return reliability(scored, bins).reduce(
    (sum, b) => sum + (b.count * Math.abs(b.accuracy - b.confidence)) / scored.length,
    0,
  )
}

/** Mean negative log-likelihood of the true class. */
export function logLoss(scored: readonly Scored[]): number {
  if (scored.length === 0) return 0
  return scored.reduce((sum, s) => sum - Math.log(Math.max(1e-12, s.probabilities[s.label]!)), 0) / scored.length
}
