import type { SparseVector } from './sparse'

/**
 * Every model here is linear in the features: naive Bayes (log-probabilities), complement NB and
 * logistic regression all score a class as bias + Σ x_j · w_jk, so they share storage and prediction.
 * Weights are feature-major (w[j * classCount + k]) so one document touches contiguous memory.
 */
export type LinearModel = { classCount: number; featureCount: number; weights: Float64Array; bias: Float64Array }

export function createLinearModel(featureCount: number, classCount: number): LinearModel {
  return {
    classCount,
    featureCount,
    weights: new Float64Array(featureCount * classCount),
    bias: new Float64Array(classCount),
  }
}

export function scoreLinear(model: LinearModel, x: SparseVector): Float64Array {
  const { classCount, weights } = model
  const out = Float64Array.from(model.bias)
  for (let i = 0; i < x.indices.length; i++) {
    const offset = x.indices[i]! * classCount
    const value = x.values[i]!
    for (let k = 0; k < classCount; k++) out[k]! += value * weights[offset + k]!
  }
  return out
}

/** A labelled training example; weight > 1 lets a person's correction count more than one paper. */
export type Example = { x: SparseVector; label: number; weight: number }
