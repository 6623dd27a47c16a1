import { fitScales, type MemberLogits } from '../../server/src/modules/classification/calibration'
import {
  type Hierarchy,
  type MemberSpec,
  memberScores,
  trainEnsemble,
} from '../../server/src/modules/classification/ensemble'
import { accuracy, expectedCalibrationError, macroF1 } from '../../server/src/modules/classification/metrics'
import { softmax } from '../../server/src/modules/classification/sparse'

/** A document in a cross-validation run; documents of one paper share `group`, hence a fold. */
export type CvDoc = {
  group: string
  text: string
  words: readonly string[]
  label: string
  weight: number
  /** Its 学科, when known (subclassSvm members). */
  subLabel?: string
  /** Scored out of fold, as a short (title) or long (abstract) input; absent: training only. */
  evaluate?: 'short' | 'long'
}

/**
 * Out-of-fold member scores: for each fold, train on every document whose group is in another fold and
 * score the evaluated documents of this fold. A paper's abstract never trains the model scoring its title.
 */
export function outOfFoldScores(
  docs: readonly CvDoc[],
  labels: readonly string[],
  members: readonly MemberSpec[],
  foldOf: ReadonlyMap<string, number>,
  foldCount: number,
  hierarchy?: Hierarchy,
): Map<number, number[][]> {
  const out = new Map<number, number[][]>()
  for (let fold = 0; fold < foldCount; fold++) {
    const train = docs.filter((d) => d.weight > 0 && foldOf.get(d.group) !== fold)
    const ensemble = trainEnsemble(
      train,
      labels,
      members,
      members.map(() => 1),
      [],
      hierarchy,
    )
    docs.forEach((doc, i) => {
      if (doc.evaluate && foldOf.get(doc.group) === fold) out.set(i, memberScores(ensemble, doc.text, doc.words))
    })
  }
  return out
}

/** Fits the stacking weights on out-of-fold logits and prints accuracy, macro-F1 and ECE with them. */
export function fitAndReport(name: string, examples: readonly MemberLogits[], classCount: number): number[] {
  const scales = fitScales(examples)
  const scored = examples.map((e) => ({
    label: e.label,
    probabilities: softmax(e.scores[0]!.map((_, k) => e.scores.reduce((s, m, j) => s + scales[j]! * m[k]!, 0))),
  }))
  console.log(
    `${name.padEnd(34)} acc ${accuracy(scored).toFixed(4)} f1 ${macroF1(scored, classCount).toFixed(4)} ece ${expectedCalibrationError(scored).toFixed(3)} scales [${scales.map((s) => s.toPrecision(4)).join(', ')}]`,
  )
  return scales
}
