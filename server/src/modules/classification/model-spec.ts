import type { MemberSpec } from './ensemble'
import type { FeatureSpec } from './text-features'
import type { VectorizerOptions } from './vectorizer'

// Chosen by 5-fold cross-validation on csl-category-train + csl-dev (bench/classify/tune*.ts); heldout never seen.
const tfidf: VectorizerOptions = { minDf: 2, sublinearTf: true, idf: true, normalize: true }
const counts: VectorizerOptions = { minDf: 1, sublinearTf: false, idf: false, normalize: false }
const wordsAndChars12: FeatureSpec = { words: true, wordBigrams: false, charNgrams: [1, 2] }
const wordsAndChars123: FeatureSpec = { words: true, wordBigrams: false, charNgrams: [1, 2, 3] }

export const naiveBayesMember: MemberSpec = {
  name: 'mnb-wc12-a0.1',
  features: wordsAndChars12,
  model: { vectorizer: counts, learner: { kind: 'multinomialNb', alpha: 0.1 } },
}
export const logisticMember: MemberSpec = {
  name: 'lr-wc123-1e-5',
  features: wordsAndChars123,
  model: { vectorizer: tfidf, learner: { kind: 'logistic', l2: 1e-5, epochs: 15, learningRate: 0.5, seed: 1 } },
}
export const svmMember: MemberSpec = {
  name: 'svm-wc123-c1',
  features: wordsAndChars123,
  model: { vectorizer: tfidf, learner: { kind: 'svm', cost: 1, epochs: 10, seed: 1 } },
}

/** title → 门类: weights of the members' logits, fitted for log-loss on out-of-fold predictions. */
export const categorySpec = { members: [naiveBayesMember, logisticMember, svmMember], scales: [0.053, 0.478, 0.379] }

/** → 一级学科: logistic + SVM members, then log P(门类) of the category model broadcast to its 学科. */
export const disciplineSpec = { members: [logisticMember, svmMember], scales: [0.886, 2.796], categoryScale: 0.941 }

/** A person's confirmed label outweighs one paper's journal-derived label. */
export const CORRECTION_WEIGHT = 3
