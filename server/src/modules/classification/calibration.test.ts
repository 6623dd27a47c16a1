import { describe, expect, it } from 'vitest'
import { combinedLoss, fitScales, type MemberLogits } from './calibration'
import { createRandom } from './random'
import { softmax } from './sparse'

/** Examples whose labels are drawn from softmax(logits / temperature): the right scale is 1/temperature. */
function sample(temperature: number, count: number, seed: number): MemberLogits[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => {
    const logits = [random() * 6, random() * 6, random() * 6]
    const p = softmax(logits.map((l) => l / temperature))
    const u = random()
    const label = u < p[0]! ? 0 : u < p[0]! + p[1]! ? 1 : 2
    return { label, scores: [logits] }
  })
}

describe('fitScales', () => {
  it.each([0.5, 1, 2, 4])('recovers the scale of labels drawn at temperature %d', (temperature) => {
    const [scale] = fitScales(sample(temperature, 4000, 3))
    expect(scale).toBeGreaterThan((1 / temperature) * 0.8)
    expect(scale).toBeLessThan((1 / temperature) * 1.25)
  })

  it('gives a useless member no weight next to an informative one', () => {
    const random = createRandom(5)
    const examples = sample(1, 3000, 9).map((e) => ({
      label: e.label,
      scores: [e.scores[0]!, [random() * 6, random() * 6, random() * 6]],
    }))
    const scales = fitScales(examples)
    expect(scales[0]).toBeGreaterThan(0.8)
    expect(scales[1]).toBeLessThan(0.1)
  })

  it('never does worse than no weights at all', () => {
    const examples = sample(2, 500, 1)
    expect(combinedLoss(examples, fitScales(examples))).toBeLessThanOrEqual(combinedLoss(examples, [0]))
  })
})
