import { createLinearModel, type Example, type LinearModel } from './linear-model'
import { createRandom, shuffle } from './random'

/** `epochs` caps the passes; training stops earlier once the projected gradient is within `tolerance`. */
export type SvmOptions = { cost: number; epochs: number; seed: number; tolerance?: number }

/** Dual variables α, one array per class over the training examples: w_k = Σ α_ki y_ki x_i. */
export type SvmDual = Float32Array[]
export type SvmModel = LinearModel & { dual: SvmDual }

/**
 * One-vs-rest linear SVM with squared hinge loss, solved in the dual by coordinate descent with
 * shrinking (Hsieh et al. 2008, the liblinear default): no learning rate to tune, and documents far on
 * the right side of the margin drop out after the first pass. The bias is the weight of a constant 1.
 * `warmStart` α (possibly for a prefix of the examples) resume a previous solution: with 0 epochs the
 * model is rebuilt from them in one pass, which is how the server starts without re-solving.
 */
export function trainLinearSvm(
  examples: readonly Example[],
  featureCount: number,
  classCount: number,
  options: SvmOptions,
  warmStart?: SvmDual,
): SvmModel {
  const model = createLinearModel(featureCount, classCount)
  const random = createRandom(options.seed)
  const tolerance = options.tolerance ?? 0.1
  const squaredNorms = examples.map(({ x }) => x.values.reduce((sum, v) => sum + v * v, 1))
  const w = new Float64Array(featureCount)
  const dual: SvmDual = []
  for (let k = 0; k < classCount; k++) {
    const alpha = new Float64Array(examples.length)
    const start = warmStart?.[k]
    if (start) alpha.set(start.subarray(0, Math.min(start.length, examples.length)))
    let bias = rebuild(examples, alpha, k, w)
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
    // Stored α are float32; rebuilding w from them makes a fresh solve and a snapshot load bit-identical.
    const stored = Float32Array.from(alpha)
    bias = rebuild(examples, stored, k, w)
    dual.push(stored)
    for (let j = 0; j < featureCount; j++) model.weights[j * model.classCount + k] = w[j]!
    model.bias[k] = bias
  }
  return { ...model, dual }
}

/** w = Σ α_i y_i x_i into `w`; returns the bias Σ α_i y_i. */
function rebuild(examples: readonly Example[], alpha: Float64Array | Float32Array, k: number, w: Float64Array): number {
  w.fill(0)
  let bias = 0
  for (let i = 0; i < examples.length; i++) {
    const a = alpha[i]!
    if (a === 0) continue
    const { x, label } = examples[i]!
    const signed = label === k ? a : -a
    bias += signed
    for (let n = 0; n < x.indices.length; n++) w[x.indices[n]!]! += signed * x.values[n]!
  }
  return bias
}
