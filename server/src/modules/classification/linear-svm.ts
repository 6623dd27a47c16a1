import { createLinearModel, type Example, type LinearModel } from './linear-model'
import { createRandom, shuffle } from './random'

/** `epochs` caps the passes; training stops earlier once the projected gradient is within `tolerance`. */
export type SvmOptions = { cost: number; epochs: number; seed: number; tolerance?: number }

/**
 * One-vs-rest linear SVM with squared hinge loss, solved in the dual by coordinate descent with
 * shrinking (Hsieh et al. 2008, the liblinear default): no learning rate to tune, and documents far
 * on the right side of the margin drop out after the first pass, which makes 67 classes affordable.
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
  const tolerance = options.tolerance ?? 0.1
  const squaredNorms = examples.map(({ x }) => x.values.reduce((sum, v) => sum + v * v, 1))
  const w = new Float64Array(featureCount)
  const alpha = new Float64Array(examples.length)
  for (let k = 0; k < classCount; k++) {
    w.fill(0)
    alpha.fill(0)
    let bias = 0
    let active = examples.map((_, i) => i)
    let upperOld = Number.POSITIVE_INFINITY
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(active, random)
      let upper = Number.NEGATIVE_INFINITY
      let lower = Number.POSITIVE_INFINITY
      const kept: number[] = []
      for (const i of active) {
        const { x, label, weight } = examples[i]!
        const y = label === k ? 1 : -1
        const diagonal = 0.5 / (options.cost * weight)
        let margin = bias
        for (let n = 0; n < x.indices.length; n++) margin += w[x.indices[n]!]! * x.values[n]!
        const gradient = y * margin - 1 + diagonal * alpha[i]!
        // Shrinking: at the bound with a gradient beyond last pass's largest, this document is done.
        if (alpha[i] === 0 && gradient > upperOld) continue
        kept.push(i)
        const projected = alpha[i] === 0 ? Math.min(0, gradient) : gradient
        upper = Math.max(upper, projected)
        lower = Math.min(lower, projected)
        if (Math.abs(projected) < 1e-12) continue
        const next = Math.max(0, alpha[i]! - gradient / (squaredNorms[i]! + diagonal))
        const delta = (next - alpha[i]!) * y
        alpha[i] = next
        bias += delta
        for (let n = 0; n < x.indices.length; n++) w[x.indices[n]!]! += delta * x.values[n]!
      }
      active = kept
      if (upper - lower <= tolerance) break
      upperOld = upper > 0 ? upper : Number.POSITIVE_INFINITY
    }
    for (let j = 0; j < featureCount; j++) model.weights[j * classCount + k] = w[j]!
    model.bias[k] = bias
  }
  return model
}
