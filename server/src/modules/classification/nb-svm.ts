import { createLinearModel, type Example } from './linear-model'
import { type SvmDual, type SvmModel, type SvmOptions, trainLinearSvm } from './linear-svm'

/** `alpha` smooths the per-class feature counts behind the log-count ratios. */
export type NbSvmOptions = SvmOptions & { alpha: number }

/**
 * NB-SVM (Wang & Manning 2012): for each class, every feature is scaled by its naive-Bayes log-count
 * ratio r = log(P(f | class) / P(f | other classes)) before a one-vs-rest linear SVM learns on it, so
 * words that naive Bayes finds telling start with a head start; strong on short texts such as titles.
 * Still linear in the input: the class weights are r ⊙ w. The dual holds each class's α, as for the SVM.
 */
export function trainNbSvm(
  examples: readonly Example[],
  featureCount: number,
  classCount: number,
  options: NbSvmOptions,
  warmStart?: SvmDual,
): SvmModel {
  const present = new Float64Array(featureCount * classCount)
  const classTotals = new Float64Array(classCount)
  const featureTotals = new Float64Array(featureCount)
  for (const { x, label, weight } of examples) {
    for (let i = 0; i < x.indices.length; i++) {
      if (x.values[i]! <= 0) continue
      present[x.indices[i]! * classCount + label]! += weight
      featureTotals[x.indices[i]!]! += weight
      classTotals[label]! += weight
    }
  }
  const grand = classTotals.reduce((a, b) => a + b, 0)
  const model = createLinearModel(featureCount, classCount)
  const dual: SvmDual = []
  const ratio = new Float64Array(featureCount)
  for (let k = 0; k < classCount; k++) {
    const inside = classTotals[k]! + options.alpha * featureCount
    const outside = grand - classTotals[k]! + options.alpha * featureCount
    for (let j = 0; j < featureCount; j++) {
      const p = present[j * classCount + k]!
      ratio[j] = Math.log((p + options.alpha) / inside) - Math.log((featureTotals[j]! - p + options.alpha) / outside)
    }
    // Class k is label 0 of a one-class (one-vs-rest) problem on the rescaled vectors.
    const scaled: Example[] = examples.map(({ x, label, weight }) => ({
      x: { indices: x.indices, values: x.values.map((v, i) => v * ratio[x.indices[i]!]!) },
      label: label === k ? 0 : 1,
      weight,
    }))
    const start = warmStart?.[k]
    const solved = trainLinearSvm(scaled, featureCount, 1, options, start ? [start] : undefined)
    for (let j = 0; j < featureCount; j++) model.weights[j * classCount + k] = ratio[j]! * solved.weights[j]!
    model.bias[k] = solved.bias[0]!
    dual.push(solved.dual[0]!)
  }
  return { ...model, dual }
}
