import type { MemberSpec } from '../../server/src/modules/classification/ensemble'
import type { FeatureSpec } from '../../server/src/modules/classification/text-features'
import type { VectorizerOptions } from '../../server/src/modules/classification/vectorizer'

// Candidate members compared by tune.ts; the chosen ones are copied into model-spec.ts.
const tfidf: VectorizerOptions = { minDf: 2, sublinearTf: true, idf: true, normalize: true }
const counts: VectorizerOptions = { minDf: 1, sublinearTf: false, idf: false, normalize: false }
const words: FeatureSpec = { words: true, wordBigrams: false, charNgrams: [] }
const wc12: FeatureSpec = { words: true, wordBigrams: false, charNgrams: [1, 2] }
const wc123: FeatureSpec = { words: true, wordBigrams: false, charNgrams: [1, 2, 3] }

export const candidateMembers: MemberSpec[] = [
  {
    name: 'mnb-words-a1',
    features: words,
    model: { vectorizer: counts, learner: { kind: 'multinomialNb', alpha: 1 } },
  },
  {
    name: 'mnb-wc12-a0.1',
    features: wc12,
    model: { vectorizer: counts, learner: { kind: 'multinomialNb', alpha: 0.1 } },
  },
  {
    name: 'lr-wc123-1e-5',
    features: wc123,
    model: { vectorizer: tfidf, learner: { kind: 'logistic', l2: 1e-5, epochs: 15, learningRate: 0.5, seed: 1 } },
  },
  {
    name: 'svm-wc123-c1',
    features: wc123,
    model: { vectorizer: tfidf, learner: { kind: 'svm', cost: 1, epochs: 10, seed: 1 } },
  },
]
