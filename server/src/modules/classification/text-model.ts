import { type Example, type LinearModel, scoreLinear } from './linear-model'
import { type SvmOptions, trainLinearSvm } from './linear-svm'
import { type LogisticOptions, trainLogisticRegression } from './logistic-regression'
import { trainComplementNb, trainMultinomialNb } from './naive-bayes'
import { fitVectorizer, type Vectorizer, type VectorizerOptions, vectorize } from './vectorizer'

export type Learner =
  | { kind: 'multinomialNb'; alpha: number }
  | { kind: 'complementNb'; alpha: number }
  | ({ kind: 'logistic' } & LogisticOptions)
  | ({ kind: 'svm' } & SvmOptions)

/** One vectorizer + one linear learner over a fixed kind of terms. */
export type TextModelSpec = { vectorizer: VectorizerOptions; learner: Learner }
export type TextModel = { vectorizer: Vectorizer; model: LinearModel }

export type TermExample = { terms: readonly string[]; label: number; weight: number }

export function trainTextModel(examples: readonly TermExample[], classCount: number, spec: TextModelSpec): TextModel {
  const vectorizer = fitVectorizer(
    examples.map((e) => e.terms),
    spec.vectorizer,
  )
  const vectors: Example[] = examples.map((e) => ({
    x: vectorize(vectorizer, e.terms),
    label: e.label,
    weight: e.weight,
  }))
  const featureCount = vectorizer.vocabulary.size
  const { learner } = spec
  const model =
    learner.kind === 'multinomialNb'
      ? trainMultinomialNb(vectors, featureCount, classCount, learner.alpha)
      : learner.kind === 'complementNb'
        ? trainComplementNb(vectors, featureCount, classCount, learner.alpha)
        : learner.kind === 'svm'
          ? trainLinearSvm(vectors, featureCount, classCount, learner)
          : trainLogisticRegression(vectors, featureCount, classCount, learner)
  return { vectorizer, model }
}

/** Class scores (logits) of one text's terms. */
export function scoreTextModel(textModel: TextModel, terms: readonly string[]): Float64Array {
  return scoreLinear(textModel.model, vectorize(textModel.vectorizer, terms))
}
