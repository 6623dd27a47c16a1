import { type Example, scoreLinear } from './linear-model'
import { type SvmDual, type SvmModel, type SvmOptions, trainLinearSvm } from './linear-svm'

/**
 * The finer labels under each class: here the 67 一级学科 under the 13 门类. `classOf[s]` is subclass s's
 * class; an example's `subLabel` is its subclass when known (csl-dev papers, corrections with a 学科).
 */
export type Subclasses = { classOf: readonly number[] }
export type SubclassExample = Example & { subLabel?: number }

/**
 * A linear SVM over latent subclasses (学科 within 门类): 工学 alone is 44 % of the titles and spans 26 学科,
 * which one hyperplane per 门类 separates poorly. Stage 1 learns the subclasses from the examples that have
 * one; every other example gets the best-scoring subclass *of its own class*; stage 2 learns all examples
 * with those subclasses. The model scores subclasses; poolSubclasses turns them into class scores (max).
 * The dual holds stage 1's α followed by stage 2's, so a snapshot rebuilds both stages, and with them the
 * same assignment, in one pass each. A class without subclasses becomes its own single subclass.
 */
export function trainSubclassSvm(
  examples: readonly SubclassExample[],
  featureCount: number,
  classCount: number,
  given: Subclasses,
  options: SvmOptions,
  warmStart?: SvmDual,
): SvmModel & Subclasses {
  const classOf = [...given.classOf]
  for (let k = 0; k < classCount; k++) if (!classOf.includes(k)) classOf.push(k)
  const count = classOf.length
  const ownSubclass = (e: SubclassExample) =>
    e.subLabel !== undefined && e.subLabel >= 0 && classOf[e.subLabel] === e.label ? e.subLabel : undefined
  const stage1 = trainLinearSvm(
    examples.flatMap((e) => {
      const subLabel = ownSubclass(e)
      return subLabel === undefined ? [] : [{ x: e.x, label: subLabel, weight: e.weight }]
    }),
    featureCount,
    count,
    options,
    warmStart?.slice(0, count),
  )
  const assigned = examples.map((e) => {
    const known = ownSubclass(e)
    if (known !== undefined) return known
    const scores = scoreLinear(stage1, e.x)
    let best = -1
    for (let s = 0; s < count; s++) if (classOf[s] === e.label && (best < 0 || scores[s]! > scores[best]!)) best = s
    return best
  })
  const stage2 = trainLinearSvm(
    examples.map((e, i) => ({ x: e.x, label: assigned[i]!, weight: e.weight })),
    featureCount,
    count,
    options,
    warmStart?.slice(count),
  )
  return { ...stage2, dual: [...stage1.dual, ...stage2.dual], classOf }
}

/** Class scores from subclass scores: each class scores as its best subclass. */
export function poolSubclasses(scores: ArrayLike<number>, subclasses: Subclasses, classCount: number): Float64Array {
  const out = new Float64Array(classCount).fill(Number.NEGATIVE_INFINITY)
  for (let s = 0; s < scores.length; s++) {
    const k = subclasses.classOf[s]!
    if (scores[s]! > out[k]!) out[k] = scores[s]!
  }
  return out
}
