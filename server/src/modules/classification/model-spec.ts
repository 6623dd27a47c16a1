import type { MemberSpec } from './ensemble'
import type { FeatureSpec } from './text-features'
import type { VectorizerOptions } from './vectorizer'

// Chosen by 5-fold cross-validation on csl-category-train + csl-dev (bench/classify/tune*.ts); heldout never seen.
const tfidf: VectorizerOptions = { minDf: 2, sublinearTf: true, idf: true, normalize: true }
const counts: VectorizerOptions = { minDf: 1, sublinearTf: false, idf: false, normalize: false }
const wordsAndChars12: FeatureSpec = { words: true, wordBigrams: false, charNgrams: [1, 2] }

export const naiveBayesMember: MemberSpec = {
  name: 'mnb-wc12-a0.1',
  features: wordsAndChars12,
  model: { vectorizer: counts, learner: { kind: 'multinomialNb', alpha: 0.1 } },
}
export const svmMember: MemberSpec = {
  name: 'svm-wc12-c1-e10',
  features: wordsAndChars12,
  model: { vectorizer: tfidf, learner: { kind: 'svm', cost: 1, epochs: 10, seed: 1 } },
}

/**
 * Weights of each member's logits, fitted for log-loss on out-of-fold predictions, separately for short
 * inputs (titles) and long ones (abstracts): naive Bayes grows more confident with every extra word.
 */
export type Scales = { short: number[]; long: number[] }
/** Texts up to this many characters are scored with the short (title) weights. */
export const SHORT_TEXT_MAX_LENGTH = 60

/** → 门类 */
export const categorySpec: { members: MemberSpec[]; scales: Scales } = {
  members: [naiveBayesMember, svmMember],
  scales: { short: [0.05524, 1.767], long: [0.004704, 2.144] },
}

/** → 一级学科: its own members, then log P(门类) of the category model broadcast to each 学科 of that 门类. */
export const disciplineSpec: { members: MemberSpec[]; scales: Scales } = {
  members: [naiveBayesMember, svmMember],
  scales: { short: [0.03175, 3.998, 0.5695], long: [0.001188, 6.886, 0.5243] },
}

/** A person's confirmed label outweighs one paper's journal-derived label. */
export const CORRECTION_WEIGHT = 3
