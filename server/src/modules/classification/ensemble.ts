import type { SvmDual } from './linear-svm'
import { type Scales, SHORT_TEXT_MAX_LENGTH } from './model-spec'
import type { SparseVector } from './sparse'
import { softmax } from './sparse'
import { extractTerms, type FeatureSpec, wordsOf } from './text-features'
import { scoreTextModel, type TextModel, type TextModelSpec, trainTextModel } from './text-model'
import { countDocuments, countTerms, type Vocabulary } from './vectorizer'

/** One member: which terms it reads and how it learns. */
export type MemberSpec = { name: string; features: FeatureSpec; model: TextModelSpec }

/**
 * A labelled text; `words` may be passed when already segmented, `weight` lets corrections count more,
 * `subLabel` is its subclass (学科) when known, for subclassSvm members.
 */
export type LabelledText = {
  text: string
  words?: readonly string[]
  label: string
  weight?: number
  subLabel?: string
}

/** The subclasses (学科) and each one's class (门类), for subclassSvm members. */
export type Hierarchy = { subLabels: readonly string[]; classOf: ReadonlyMap<string, string> }

/**
 * Members' logits are summed with `scales` (fitted on out-of-fold predictions, see fitScales). Members
 * reading the same kind of terms share one vocabulary, so a text is segmented and counted once.
 */
export type Ensemble = {
  labels: string[]
  vocabularies: Map<FeatureSpec, Vocabulary>
  members: { spec: MemberSpec; model: TextModel }[]
  scales: Scales
}

function distinctSpecs(members: readonly MemberSpec[]): FeatureSpec[] {
  return [...new Set(members.map((m) => m.features))]
}

export function trainEnsemble(
  examples: readonly LabelledText[],
  labels: readonly string[],
  members: readonly MemberSpec[],
  scales: Scales | readonly number[],
  warmStarts: readonly (SvmDual | undefined)[] = [],
  hierarchy?: Hierarchy,
): Ensemble {
  const index = new Map(labels.map((label, i) => [label, i]))
  const subIndex = new Map(hierarchy?.subLabels.map((label, i) => [label, i]))
  const subclasses = hierarchy && {
    classOf: hierarchy.subLabels.map((label) => index.get(hierarchy.classOf.get(label) ?? '') ?? -1),
  }
  const known = examples.filter((e) => index.has(e.label) && (e.weight ?? 1) > 0)
  const words = known.map((e) => e.words ?? wordsOf(e.text))
  const vocabularies = new Map<FeatureSpec, Vocabulary>()
  const countsBySpec = new Map<FeatureSpec, SparseVector[]>()
  for (const spec of distinctSpecs(members)) {
    const { vocabulary, counts } = countDocuments(known.map((e, i) => extractTerms(e.text, spec, words[i])))
    vocabularies.set(spec, vocabulary)
    countsBySpec.set(spec, counts)
  }
  const fixed: Scales = 'short' in scales ? scales : { short: [...scales], long: [...scales] }
  return {
    labels: [...labels],
    vocabularies,
    scales: { short: [...fixed.short], long: [...fixed.long] },
    members: members.map((spec, m) => {
      const counts = countsBySpec.get(spec.features)!
      const training = known.map((e, i) => ({
        counts: counts[i]!,
        label: index.get(e.label)!,
        weight: e.weight ?? 1,
        subLabel: e.subLabel === undefined ? undefined : subIndex.get(e.subLabel),
      }))
      const vocabulary = vocabularies.get(spec.features)!
      return {
        spec,
        model: trainTextModel(vocabulary, training, labels.length, spec.model, warmStarts[m], subclasses),
      }
    }),
  }
}

/** Terms of one text per feature spec; pass the same cache to several ensembles to extract them once. */
export type TermsCache = Map<FeatureSpec, string[]>

/** Each member's raw class scores for a text (the input to fitScales). */
export function memberScores(
  ensemble: Ensemble,
  text: string,
  words?: readonly string[],
  cache: TermsCache = new Map(),
): number[][] {
  const counts = new Map<FeatureSpec, SparseVector>()
  for (const [spec, vocabulary] of ensemble.vocabularies) {
    let terms = cache.get(spec)
    if (!terms) {
      terms = extractTerms(text, spec, words ?? wordsOf(text))
      cache.set(spec, terms)
    }
    counts.set(spec, countTerms(vocabulary, terms))
  }
  return ensemble.members.map(({ spec, model }) =>
    Array.from(scoreTextModel(model, counts.get(spec.features)!, ensemble.labels.length)),
  )
}

/** The weights for this text: titles and abstracts were calibrated separately. */
export function scalesFor(scales: Scales, text: string): number[] {
  return text.length <= SHORT_TEXT_MAX_LENGTH ? scales.short : scales.long
}

/** Σ scale_m · scores_m, plus extra members' scores whose scales follow the models' in `scales`. */
export function ensembleLogits(
  ensemble: Ensemble,
  text: string,
  words?: readonly string[],
  extraScores: readonly (readonly number[])[] = [],
  cache?: TermsCache,
): number[] {
  const scales = scalesFor(ensemble.scales, text)
  const out = new Array<number>(ensemble.labels.length).fill(0)
  ;[...memberScores(ensemble, text, words, cache), ...extraScores].forEach((scores, m) => {
    for (let k = 0; k < out.length; k++) out[k]! += scales[m]! * scores[k]!
  })
  return out
}

export function predictProbabilities(
  ensemble: Ensemble,
  text: string,
  words?: readonly string[],
  extraScores: readonly (readonly number[])[] = [],
  cache?: TermsCache,
): number[] {
  return softmax(ensembleLogits(ensemble, text, words, extraScores, cache))
}
