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
/** For titles every rare word counts: minDf 1 (CV 0.7803 vs 0.7777 alone). */
const tfidfAllTerms: VectorizerOptions = { ...tfidf, minDf: 1 }
export const svmAllTermsMember: MemberSpec = {
  name: 'svm-wc12-df1-c1-e10',
  features: wordsAndChars12,
  model: { vectorizer: tfidfAllTerms, learner: { kind: 'svm', cost: 1, epochs: 10, seed: 1 } },
}
/** NB-SVM (nb-svm.ts): weaker alone (0.7728) but it errs elsewhere than the plain SVM. */
export const nbSvmMember: MemberSpec = {
  name: 'nbsvm-wc12-df1-c1-e10',
  features: wordsAndChars12,
  model: { vectorizer: tfidfAllTerms, learner: { kind: 'nbsvm', cost: 1, epochs: 10, seed: 1, alpha: 1 } },
}
/**
 * 学科 as latent subclasses of each 门类 (subclass-svm.ts): csl-dev papers keep their 学科, other titles get
 * the best 学科 of their 门类; 67 one-vs-rest SVMs, max-pooled per 门类. Alone 0.7708, but stacked +0.7 points.
 */
export const subclassSvmMember: MemberSpec = {
  name: 'sub-wc12-df1-c1-e10',
  features: wordsAndChars12,
  model: { vectorizer: tfidfAllTerms, learner: { kind: 'subclassSvm', cost: 1, epochs: 10, seed: 1 } },
}

/**
 * Weights of each member's logits, fitted for log-loss on out-of-fold predictions, separately for short
 * inputs (titles) and long ones (abstracts): naive Bayes grows more confident with every extra word.
 */
export type Scales = { short: number[]; long: number[] }
/** Texts up to this many characters are scored with the short (title) weights. */
export const SHORT_TEXT_MAX_LENGTH = 60

/**
 * → 门类. 5-fold CV title accuracy (bench/classify/tune.ts): NB + SVM 0.7827; NB + SVM(minDf 1) + NB-SVM
 * 0.7864 (abstracts 0.7940 → 0.7980); + 学科-subclass SVM 0.7932 (abstracts 0.8010). Tried and not better:
 * char 3-grams (0.7720), chars only, words only, word bigrams, complement NB and logistic members, SVM
 * cost 0.5/2, csl-dev keywords and abstract sentences as extra title-like documents, per-class bias in the
 * stacking; kNN (0.7376 alone, stacked 0.7851), MLP on tf-idf (0.7549 alone, stacked 0.7849), 学科目录
 * names as documents (+0.001/+0.0025), subclass SVM with cost 0.5, re-assigned twice, or as NB-SVM, k-means
 * clusters as subclasses (+0.0004), csl-dev papers weighted ×2 (−0.0034), one-vs-one SVMs (−0.002), first/last
 * word features (+0.0005), Kangxi radicals (−0.0013), csl-dev abstracts weighted 0.5 / 2 (−0.0014 / −0.0021),
 * CC-CEDICT English glosses as extra words (a fifth member +0.0011; in every member −0.003).
 */
export const categorySpec: { members: MemberSpec[]; scales: Scales } = {
  members: [naiveBayesMember, svmAllTermsMember, nbSvmMember, subclassSvmMember],
  scales: { short: [0.05069, 0.3242, 0.7336, 1.63], long: [0.00462, 0.6082, 0.185, 2.85] },
}

/**
 * → 一级学科: its own members, then log P(门类) of the category model broadcast to each 学科 of that 门类.
 * 5-fold CV on csl-dev (bench/classify/tune-discipline.ts), with the 门类 model above: title 0.501, abstract 0.557.
 */
export const disciplineSpec: { members: MemberSpec[]; scales: Scales } = {
  members: [naiveBayesMember, svmMember],
  scales: { short: [0.03224, 3.846, 0.6019], long: [0.001381, 6.509, 0.5583] },
}

/** A person's confirmed label outweighs one paper's journal-derived label. */
export const CORRECTION_WEIGHT = 3
