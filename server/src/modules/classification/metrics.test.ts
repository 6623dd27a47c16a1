import { describe, expect, it } from 'vitest'
import { accuracy, expectedCalibrationError, logLoss, macroF1, reliability } from './metrics'

const scored = [
  { label: 0, probabilities: [0.9, 0.1] },
  { label: 0, probabilities: [0.6, 0.4] },
  { label: 1, probabilities: [0.7, 0.3] },
  { label: 1, probabilities: [0.2, 0.8] },
]

describe('metrics', () => {
  it('accuracy counts top-1 hits', () => expect(accuracy(scored)).toBe(0.75))

  it('macro-F1 averages per-class F1', () => {
    // class 0: tp 2, fp 1, fn 0 → 0.8; class 1: tp 1, fp 0, fn 1 → 2/3
    expect(macroF1(scored, 2)).toBeCloseTo((0.8 + 2 / 3) / 2, 10)
  })

  it('buckets top-1 confidence for the reliability table', () => {
    const buckets = reliability(scored, 5)
    expect(buckets.map((b) => b.count)).toEqual([0, 0, 0, 2, 2])
    expect(buckets[3]!.confidence).toBeCloseTo(0.65, 10)
    expect(buckets[3]!.accuracy).toBe(0.5)
    expect(buckets[4]!.confidence).toBeCloseTo(0.85, 10)
    expect(buckets[4]!.accuracy).toBe(1)
  })

  it.each([
    ['perfectly calibrated', [{ label: 0, probabilities: [1, 0] }], 0],
    ['over-confident and wrong', [{ label: 1, probabilities: [0.9, 0.1] }], 0.9],
    ['the mixed table', scored, (2 * 0.15 + 2 * 0.15) / 4],
  ])('ECE of %s', (_, input, expected) => expect(expectedCalibrationError(input, 5)).toBeCloseTo(expected, 10))

  it('log-loss is the mean −log p(true class)', () =>
    expect(logLoss(scored.slice(0, 1))).toBeCloseTo(-Math.log(0.9), 10))
})
