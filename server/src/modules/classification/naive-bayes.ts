import { createLinearModel, type Example, type LinearModel } from './linear-model'

function classFeatureTotals(examples: readonly Example[], featureCount: number, classCount: number) {
  const counts = new Float64Array(featureCount * classCount)
  const classDocs = new Float64Array(classCount)
  for (const { x, label, weight } of examples) {
    classDocs[label]! += weight
    for (let i = 0; i < x.indices.length; i++) counts[x.indices[i]! * classCount + label]! += weight * x.values[i]!
  }
  return { counts, classDocs }
}

/** Multinomial naive Bayes with Laplace/Lidstone smoothing `alpha`; scores are log P(c) + Σ x log P(w|c). */
export function trainMultinomialNb(
  examples: readonly Example[],
  featureCount: number,
  classCount: number,
  alpha: number,
): LinearModel {
  const model = createLinearModel(featureCount, classCount)
  const { counts, classDocs } = classFeatureTotals(examples, featureCount, classCount)
  const totalDocs = classDocs.reduce((a, b) => a + b, 0)
  for (let k = 0; k < classCount; k++) {
    let total = 0
    for (let j = 0; j < featureCount; j++) total += counts[j * classCount + k]!
    const denominator = Math.log(total + alpha * featureCount)
    // Most (feature, class) pairs were never seen together: one shared log instead of one each.
    const unseen = Math.log(alpha) - denominator
    for (let j = 0; j < featureCount; j++) {
      const count = counts[j * classCount + k]!
      model.weights[j * classCount + k] = count === 0 ? unseen : Math.log(count + alpha) - denominator
    }
    model.bias[k] = Math.log((classDocs[k]! + 1) / (totalDocs + classCount))
  }
  return model
}

/**
 * Complement naive Bayes (Rennie et al. 2003): estimates each class from all *other* classes, which
 * holds up better than multinomial NB when classes are as unbalanced as 工学 (44 %) vs 军事学 (1 %).
 */
export function trainComplementNb(
  examples: readonly Example[],
  featureCount: number,
  classCount: number,
  alpha: number,
): LinearModel {
  const model = createLinearModel(featureCount, classCount)
  const { counts } = classFeatureTotals(examples, featureCount, classCount)
  const featureTotals = new Float64Array(featureCount)
  let grandTotal = 0
  for (let j = 0; j < featureCount; j++) {
    for (let k = 0; k < classCount; k++) featureTotals[j]! += counts[j * classCount + k]!
    grandTotal += featureTotals[j]!
  }
  for (let k = 0; k < classCount; k++) {
    let classTotal = 0
    for (let j = 0; j < featureCount; j++) classTotal += counts[j * classCount + k]!
    const denominator = Math.log(grandTotal - classTotal + alpha * featureCount)
    let norm = 0
    const column = new Float64Array(featureCount)
    for (let j = 0; j < featureCount; j++) {
      column[j] = Math.log(featureTotals[j]! - counts[j * classCount + k]! + alpha) - denominator
      norm += Math.abs(column[j]!)
    }
    // Weight normalization (their step 8) keeps long-document classes from dominating; sign flipped so higher wins.
    for (let j = 0; j < featureCount; j++) model.weights[j * classCount + k] = -column[j]! / norm
  }
  return model
}
