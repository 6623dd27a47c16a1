import type { MemberSpec } from '../../server/src/modules/classification/ensemble'
import type { FeatureSpec } from '../../server/src/modules/classification/text-features'
import type { Learner } from '../../server/src/modules/classification/text-model'
import type { VectorizerOptions } from '../../server/src/modules/classification/vectorizer'

// Candidate members compared by tune*.ts; the chosen ones are copied into model-spec.ts.
const tfidf: VectorizerOptions = { minDf: 2, sublinearTf: true, idf: true, normalize: true }
const counts: VectorizerOptions = { minDf: 1, sublinearTf: false, idf: false, normalize: false }
const features: Record<string, FeatureSpec> = {
  w: { words: true, wordBigrams: false, charNgrams: [] },
  wc12: { words: true, wordBigrams: false, charNgrams: [1, 2] },
  wc123: { words: true, wordBigrams: false, charNgrams: [1, 2, 3] },
  wc23: { words: true, wordBigrams: false, charNgrams: [2, 3] },
  c12: { words: false, wordBigrams: false, charNgrams: [1, 2] },
  c123: { words: false, wordBigrams: false, charNgrams: [1, 2, 3] },
  wbc12: { words: true, wordBigrams: true, charNgrams: [1, 2] },
}
const member = (name: string, feature: string, vectorizer: VectorizerOptions, learner: Learner): MemberSpec => ({
  name,
  features: features[feature]!,
  model: { vectorizer, learner },
})
const lr = (l2: number, epochs: number): Learner => ({ kind: 'logistic', l2, epochs, learningRate: 0.5, seed: 1 })
const svm = (cost: number, epochs: number): Learner => ({ kind: 'svm', cost, epochs, seed: 1 })

export const candidateMembers: MemberSpec[] = [
  member('mnb-w-a1', 'w', counts, { kind: 'multinomialNb', alpha: 1 }),
  member('mnb-w-a0.1', 'w', counts, { kind: 'multinomialNb', alpha: 0.1 }),
  member('mnb-wc12-a0.1', 'wc12', counts, { kind: 'multinomialNb', alpha: 0.1 }),
  member('mnb-wc12-a0.03', 'wc12', counts, { kind: 'multinomialNb', alpha: 0.03 }),
  member('cnb-wc12-a0.3', 'wc12', counts, { kind: 'complementNb', alpha: 0.3 }),
  member('lr-wc123-1e-5', 'wc123', tfidf, lr(1e-5, 15)),
  member('lr-wc123-1e-5-e5', 'wc123', tfidf, lr(1e-5, 5)),
  member('lr-wc12-1e-5-e5', 'wc12', tfidf, lr(1e-5, 5)),
  member('svm-wc123-c1', 'wc123', tfidf, svm(1, 10)),
  member('svm-wc123-c1-e3', 'wc123', tfidf, svm(1, 3)),
  member('svm-wc12-c1-e3', 'wc12', tfidf, svm(1, 3)),
  member('svm-wc12-c1-e10', 'wc12', tfidf, svm(1, 10)),
  member('svm-wc12-c0.5-e10', 'wc12', tfidf, svm(0.5, 10)),
  member('svm-wc12-c1-e30', 'wc12', tfidf, svm(1, 30)),
  member('svm-wbc12-c1-e10', 'wbc12', tfidf, svm(1, 10)),
  member('nbsvm-wc12-c1-e10', 'wc12', tfidf, { kind: 'nbsvm', cost: 1, epochs: 10, seed: 1, alpha: 1 }),
  member('nbsvm-wc12-c0.3-e10', 'wc12', tfidf, { kind: 'nbsvm', cost: 0.3, epochs: 10, seed: 1, alpha: 1 }),
  member('svm-wc12-df1-c1-e10', 'wc12', { ...tfidf, minDf: 1 }, svm(1, 10)),
  member('svm-w-c1-e10', 'w', tfidf, svm(1, 10)),
  member('svm-c12-c1-e10', 'c12', tfidf, svm(1, 10)),
  member(
    'nbsvm-wc12-df1-c1-e10',
    'wc12',
    { ...tfidf, minDf: 1 },
    { kind: 'nbsvm', cost: 1, epochs: 10, seed: 1, alpha: 1 },
  ),
  member('svm-wc12-df1-c2-e10', 'wc12', { ...tfidf, minDf: 1 }, svm(2, 10)),
  member('svm-c123-c1-e10', 'c123', tfidf, svm(1, 10)),
  member('svm-wc123-c0.5-e10', 'wc123', tfidf, svm(0.5, 10)),
  member('svm-wc12-c2-e30', 'wc12', tfidf, svm(2, 30)),
  // 学科 as latent subclasses of each 门类 (subclass-svm.ts).
  member('sub-wc12-df1-c1-e10', 'wc12', { ...tfidf, minDf: 1 }, { kind: 'subclassSvm', cost: 1, epochs: 10, seed: 1 }),
  // Scored by bench/classify/ovo.ts (one-vs-one SVMs); tune.ts only reads their out-of-fold cache.
  ...['ovo-lin-c1', 'ovo-tanh-c1', 'ovo-vote-c1'].map((name) =>
    member(name, 'wc12', { ...tfidf, minDf: 1 }, svm(1, 10)),
  ),
]
