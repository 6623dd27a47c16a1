import { createLinearModel, type Example, type LinearModel } from './linear-model'
import { createRandom, shuffle } from './random'

export type SvmOptions = { cost: number; epochs: number; seed: number }

/**
 * One-vs-rest linear SVM with squared hinge loss, solved in the dual by coordinate descent
 * (Hsieh et al. 2008, the liblinear default): no learning rate to tune, converges in a few passes.
 * A bias is learned as the weight of a constant feature 1.
 */
export function trainLinearSvm(
  examples: readonly Example[],
  featureCount: number,
  classCount: number,
  options: SvmOptions,
): LinearModel {
  const model = createLinearModel(featureCount, classCount)
  const random = createRandom(options.seed)
  const squaredNorms = examples.map(({ x }) => x.values.reduce((sum, v) => sum + v * v, 1))
  const w = new Float64Array(featureCount)
  for (let k = 0; k < classCount; k++) {
    w.fill(0)
    let bias = 0
    const alpha = new Float64Array(examples.length)
    const order = examples.map((_, i) => i)
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random)
      for (const i of order) {
        const { x, label, weight } = examples[i]!
        const y = label === k ? 1 : -1
        const diagonal = 0.5 / (options.cost * weight)
        let margin = bias
        for (let n = 0; n < x.indices.length; n++) margin += w[x.indices[n]!]! * x.values[n]!
        const gradient = y * margin - 1 + diagonal * alpha[i]!
        const next = Math.max(0, alpha[i]! - gradient / (squaredNorms[i]! + diagonal))
        const delta = (next - alpha[i]!) * y
        if (delta === 0) continue
        alpha[i] = next
        bias += delta
        for (let n = 0; n < x.indices.length; n++) w[x.indices[n]!]! += delta * x.values[n]!
      }
    }
    for (let j = 0; j < featureCount; j++) model.weights[j * classCount + k] = w[j]!
    model.bias[k] = bias
  }
  return model
}
