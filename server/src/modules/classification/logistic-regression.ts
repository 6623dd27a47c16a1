import { createLinearModel, type Example, type LinearModel } from './linear-model'
import { createRandom, shuffle } from './random'

export type LogisticOptions = { epochs: number; l2: number; learningRate: number; seed: number }

/**
 * Multinomial logistic regression by SGD with Bottou's step size η_t = η0 / (1 + λ η0 t) and the
 * weight-scale trick, so L2 shrinkage costs O(1) per step instead of touching every weight.
 */
export function trainLogisticRegression(
  examples: readonly Example[],
  featureCount: number,
  classCount: number,
  options: LogisticOptions,
): LinearModel {
  const model = createLinearModel(featureCount, classCount)
  const { weights, bias } = model
  const random = createRandom(options.seed)
  const order = examples.map((_, i) => i)
  const scores = new Float64Array(classCount)
  const active = new Int32Array(classCount)
  let scale = 1
  let step = 0
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random)
    for (const index of order) {
      const { x, label, weight } = examples[index]!
      const eta = options.learningRate / (1 + options.l2 * options.learningRate * step++)
      scores.set(bias)
      for (let i = 0; i < x.indices.length; i++) {
        const offset = x.indices[i]! * classCount
        const value = x.values[i]! * scale
        for (let k = 0; k < classCount; k++) scores[k]! += value * weights[offset + k]!
      }
      let max = Number.NEGATIVE_INFINITY
      for (let k = 0; k < classCount; k++) max = Math.max(max, scores[k]!)
      let sum = 0
      for (let k = 0; k < classCount; k++) {
        scores[k] = Math.exp(scores[k]! - max)
        sum += scores[k]!
      }
      scale *= 1 - eta * options.l2
      // scores now hold the gradient of the loss w.r.t. each class score: weight · (p_k − [k = label])
      for (let k = 0; k < classCount; k++) {
        scores[k] = weight * (scores[k]! / sum - (k === label ? 1 : 0))
        bias[k]! -= eta * scores[k]!
      }
      // Only classes with a noticeable gradient are updated: after the first pass most are ~0.
      let touched = 0
      for (let k = 0; k < classCount; k++) if (Math.abs(scores[k]!) > 1e-4) active[touched++] = k
      const factor = eta / scale
      for (let i = 0; i < x.indices.length; i++) {
        const offset = x.indices[i]! * classCount
        const value = factor * x.values[i]!
        for (let t = 0; t < touched; t++) {
          const k = active[t]!
          weights[offset + k]! -= value * scores[k]!
        }
      }
      if (scale < 1e-6) {
        for (let j = 0; j < weights.length; j++) weights[j]! *= scale
        scale = 1
      }
    }
  }
  for (let j = 0; j < weights.length; j++) weights[j]! *= scale
  return model
}
