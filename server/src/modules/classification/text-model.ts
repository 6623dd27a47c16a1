import { type Example, type LinearModel, scoreLinear } from './linear-model'
import { type SvmDual, type SvmOptions, trainLinearSvm } from './linear-svm'
import { type LogisticOptions, trainLogisticRegression } from './logistic-regression'
import { trainComplementNb, trainMultinomialNb } from './naive-bayes'
import { type NbSvmOptions, trainNbSvm } from './nb-svm'
import type { SparseVector } from './sparse'
import { poolSubclasses, type Subclasses, trainSubclassSvm } from './subclass-svm'
import { fitVectorizer, type Vectorizer, type VectorizerOptions, type Vocabulary, weigh } from './vectorizer'

export type Learner =
  | { kind: 'multinomialNb'; alpha: number }
  | { kind: 'complementNb'; alpha: number }
  | ({ kind: 'logistic' } & LogisticOptions)
  | ({ kind: 'svm' } & SvmOptions)
  | ({ kind: 'nbsvm' } & NbSvmOptions)
  /** An SVM over the subclasses (学科) of each class, pooled back to classes; see subclass-svm.ts. */
  | ({ kind: 'subclassSvm' } & SvmOptions)

/** One feature weighting + one linear learner. */
export type TextModelSpec = { vectorizer: VectorizerOptions; learner: Learner }
/**
 * `model.dual` is present for SVM members: their α, kept for snapshots and warm restarts. With
 * `subclasses` the model scores subclasses, pooled into class scores.
 */
export type TextModel = { vectorizer: Vectorizer; model: LinearModel & { dual?: SvmDual }; subclasses?: Subclasses }

/** A training document as raw term counts over a shared vocabulary; `subLabel`: its subclass, when known. */
export type CountExample = { counts: SparseVector; label: number; weight: number; subLabel?: number }

export function trainTextModel(
  vocabulary: Vocabulary,
  examples: readonly CountExample[],
  classCount: number,
  spec: TextModelSpec,
  warmStart?: SvmDual,
  subclasses?: Subclasses,
): TextModel {
  const vectorizer = fitVectorizer(vocabulary, spec.vectorizer)
  const vectors: Example[] = examples.map((e) => ({ x: weigh(vectorizer, e.counts), label: e.label, weight: e.weight }))
  const featureCount = vocabulary.df.length
  const { learner } = spec
  if (learner.kind === 'subclassSvm') {
    if (!subclasses) throw new Error('a subclassSvm member needs the subclasses of each class')
    const withSubclasses = vectors.map((v, i) => ({ ...v, subLabel: examples[i]!.subLabel }))
    const model = trainSubclassSvm(withSubclasses, featureCount, classCount, subclasses, learner, warmStart)
    return { vectorizer, model, subclasses: { classOf: model.classOf } }
  }
  const model =
    learner.kind === 'multinomialNb'
      ? trainMultinomialNb(vectors, featureCount, classCount, learner.alpha)
      : learner.kind === 'complementNb'
        ? trainComplementNb(vectors, featureCount, classCount, learner.alpha)
        : learner.kind === 'svm'
          ? trainLinearSvm(vectors, featureCount, classCount, learner, warmStart)
          : learner.kind === 'nbsvm'
            ? trainNbSvm(vectors, featureCount, classCount, learner, warmStart)
            : trainLogisticRegression(vectors, featureCount, classCount, learner)
  return { vectorizer, model }
}

/** Class scores (logits) of one text's term counts. */
export function scoreTextModel(textModel: TextModel, counts: SparseVector, classCount: number): Float64Array {
  const scores = scoreLinear(textModel.model, weigh(textModel.vectorizer, counts))
  return textModel.subclasses ? poolSubclasses(scores, textModel.subclasses, classCount) : scores
}
