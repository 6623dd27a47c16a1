import { softmax } from './sparse'
import { extractTerms, type FeatureSpec, wordsOf } from './text-features'
import { scoreTextModel, type TextModel, type TextModelSpec, trainTextModel } from './text-model'

/** One member: which terms it reads and how it learns. */
export type MemberSpec = { name: string; features: FeatureSpec; model: TextModelSpec }

/** A labelled text; `words` may be passed when already segmented, `weight` lets corrections count more. */
export type LabelledText = { text: string; words?: readonly string[]; label: string; weight?: number }

/** Members' logits are summed with `scales`, fitted on out-of-fold predictions (see fitScales). */
export type Ensemble = { labels: string[]; members: { spec: MemberSpec; model: TextModel }[]; scales: number[] }

export function trainEnsemble(
  examples: readonly LabelledText[],
  labels: readonly string[],
  members: readonly MemberSpec[],
  scales: readonly number[],
): Ensemble {
  const index = new Map(labels.map((label, i) => [label, i]))
  const known = examples.filter((e) => index.has(e.label))
  const words = known.map((e) => e.words ?? wordsOf(e.text))
  return {
    labels: [...labels],
    scales: [...scales],
    members: members.map((spec) => ({
      spec,
      model: trainTextModel(
        known.map((e, i) => ({
          terms: extractTerms(e.text, spec.features, words[i]),
          label: index.get(e.label)!,
          weight: e.weight ?? 1,
        })),
        labels.length,
        spec.model,
      ),
    })),
  }
}

/** Each member's raw class scores for a text (the input to fitScales). */
export function memberScores(ensemble: Ensemble, text: string, words?: readonly string[]): number[][] {
  const tokens = words ?? wordsOf(text)
  return ensemble.members.map(({ spec, model }) =>
    Array.from(scoreTextModel(model, extractTerms(text, spec.features, tokens))),
  )
}

export function ensembleLogits(ensemble: Ensemble, text: string, words?: readonly string[]): number[] {
  const out = new Array<number>(ensemble.labels.length).fill(0)
  memberScores(ensemble, text, words).forEach((scores, m) => {
    for (let k = 0; k < out.length; k++) out[k]! += ensemble.scales[m]! * scores[k]!
  })
  return out
}

export function predictProbabilities(ensemble: Ensemble, text: string, words?: readonly string[]): number[] {
  return softmax(ensembleLogits(ensemble, text, words))
}
