import { describe, expect, it } from 'vitest'
import { type Example, type LinearModel, scoreLinear } from './linear-model'
import { trainLinearSvm } from './linear-svm'
import { trainLogisticRegression } from './logistic-regression'
import { argmax } from './metrics'
import { trainComplementNb, trainMultinomialNb } from './naive-bayes'
import { trainNbSvm } from './nb-svm'
import { l2Normalize } from './sparse'

// Three classes, each marked by its own features 0/1, 2/3, 4/5, with feature 6 shared noise.
const vector = (entries: [number, number][]) =>
  l2Normalize({
    indices: Int32Array.from(entries.map(([i]) => i)),
    values: Float64Array.from(entries.map(([, v]) => v)),
  })
const examples: Example[] = [
  {
    x: vector([
      [0, 1],
      [1, 1],
      [6, 1],
    ]),
    label: 0,
    weight: 1,
  },
  {
    x: vector([
      [0, 2],
      [6, 1],
    ]),
    label: 0,
    weight: 1,
  },
  {
    x: vector([
      [2, 1],
      [3, 1],
      [6, 1],
    ]),
    label: 1,
    weight: 1,
  },
  {
    x: vector([
      [3, 2],
      [6, 1],
    ]),
    label: 1,
    weight: 1,
  },
  {
    x: vector([
      [4, 1],
      [5, 1],
      [6, 1],
    ]),
    label: 2,
    weight: 1,
  },
  {
    x: vector([
      [5, 2],
      [6, 1],
    ]),
    label: 2,
    weight: 1,
  },
]
const probes: [number[], number][] = [
  [[1], 0],
  [[2], 1],
  [[4, 6], 2],
]

const learners: [string, () => LinearModel][] = [
  ['multinomial NB', () => trainMultinomialNb(examples, 7, 3, 0.1)],
  ['complement NB', () => trainComplementNb(examples, 7, 3, 0.3)],
  [
    'logistic regression',
    () => trainLogisticRegression(examples, 7, 3, { epochs: 30, l2: 1e-4, learningRate: 0.5, seed: 1 }),
  ],
  ['linear SVM', () => trainLinearSvm(examples, 7, 3, { cost: 1, epochs: 20, seed: 1 })],
  ['NB-SVM', () => trainNbSvm(examples, 7, 3, { cost: 1, epochs: 20, seed: 1, alpha: 1 })],
]

describe.each(learners)('%s', (_, train) => {
  const model = train()
  it.each(probes)('puts features %j in class %i', (features, expected) => {
    const x = vector(features.map((f) => [f, 1]))
    expect(argmax(scoreLinear(model, x))).toBe(expected)
  })
})

describe('NB-SVM warm start', () => {
  it('rebuilds the same model from its own α without a single pass', () => {
    const solved = trainNbSvm(examples, 7, 3, { cost: 1, epochs: 20, seed: 1, alpha: 1 })
    const rebuilt = trainNbSvm(examples, 7, 3, { cost: 1, epochs: 0, seed: 1, alpha: 1 }, solved.dual)
    expect(Array.from(rebuilt.weights)).toEqual(Array.from(solved.weights))
    expect(Array.from(rebuilt.bias)).toEqual(Array.from(solved.bias))
  })
})

describe('example weights', () => {
  it('let a heavier example win a tie between two classes', () => {
    const tie: Example[] = [
      { x: vector([[0, 1]]), label: 0, weight: 1 },
      { x: vector([[0, 1]]), label: 1, weight: 5 },
    ]
    const model = trainLinearSvm(tie, 1, 2, { cost: 1, epochs: 500, seed: 1, tolerance: 1e-9 })
    expect(argmax(scoreLinear(model, vector([[0, 1]])))).toBe(1)
  })
})
