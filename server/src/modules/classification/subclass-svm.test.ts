import { describe, expect, it } from 'vitest'
import { scoreLinear } from './linear-model'
import { argmax } from './metrics'
import { l2Normalize } from './sparse'
import { poolSubclasses, type SubclassExample, trainSubclassSvm } from './subclass-svm'

const vector = (...entries: [number, number][]) =>
  l2Normalize({
    indices: Int32Array.from(entries.map(([i]) => i)),
    values: Float64Array.from(entries.map(([, v]) => v)),
  })
// Class 0 has two subclasses (0: feature 0, 1: feature 1), class 1 one (2: feature 2); feature 3 is noise.
const classOf = [0, 0, 1]
const examples: SubclassExample[] = [
  { x: vector([0, 1], [3, 1]), label: 0, weight: 1, subLabel: 0 },
  { x: vector([1, 1], [3, 1]), label: 0, weight: 1, subLabel: 1 },
  { x: vector([2, 1], [3, 1]), label: 1, weight: 1, subLabel: 2 },
  // Without a known subclass: assigned the best subclass of their own class.
  { x: vector([0, 2], [3, 1]), label: 0, weight: 1 },
  { x: vector([1, 2]), label: 0, weight: 1 },
  { x: vector([2, 2], [0, 0.2]), label: 1, weight: 1 },
]
const options = { cost: 1, epochs: 50, seed: 1 }

describe('subclass SVM (学科 as latent subclasses of 门类)', () => {
  it('scores subclasses, and pooled they give each example its class', () => {
    const model = trainSubclassSvm(examples, 4, 2, { classOf }, options)
    expect(model.classCount).toBe(3)
    for (const e of examples) expect(argmax(poolSubclasses(scoreLinear(model, e.x), model, 2))).toBe(e.label)
    // The unlabelled feature-1 example lands in subclass 1, not merely in class 0.
    expect(argmax(scoreLinear(model, examples[4]!.x))).toBe(1)
  })

  it('keeps both stages’ α, so a zero-epoch rebuild from them gives the same model', () => {
    const model = trainSubclassSvm(examples, 4, 2, { classOf }, options)
    expect(model.dual).toHaveLength(6)
    const rebuilt = trainSubclassSvm(examples, 4, 2, { classOf }, { ...options, epochs: 0 }, model.dual)
    expect(rebuilt.weights).toEqual(model.weights)
    expect(rebuilt.bias).toEqual(model.bias)
  })

  it('gives a class without subclasses its own, and ignores a subclass of another class', () => {
    const model = trainSubclassSvm(
      examples.map((e) => (e.label === 1 ? { ...e, subLabel: 0 } : e)),
      4,
      2,
      { classOf: [0, 0] },
      options,
    )
    expect(model.classOf).toEqual([0, 0, 1])
    for (const e of examples) expect(argmax(poolSubclasses(scoreLinear(model, e.x), model, 2))).toBe(e.label)
  })
})
