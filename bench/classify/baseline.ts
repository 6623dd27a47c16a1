import type { PaperRecord } from '../../server/src/modules/classification/dataset'
import { scoreLinear } from '../../server/src/modules/classification/linear-model'
import type { Scored } from '../../server/src/modules/classification/metrics'
import { trainMultinomialNb } from '../../server/src/modules/classification/naive-bayes'
import { softmax } from '../../server/src/modules/classification/sparse'
import { wordsOf } from '../../server/src/modules/classification/text-features'
import { countDocuments, countTerms } from '../../server/src/modules/classification/vectorizer'

/** The reference baseline of the data README: multinomial naive Bayes on jieba words, title → 门类. */
export function baselineScored(
  training: readonly { title: string; category: string }[],
  alpha: number,
  heldout: readonly PaperRecord[],
): { scored: Scored[]; classCount: number } {
  const labels = [...new Set(training.map((t) => t.category))].sort()
  const { vocabulary, counts } = countDocuments(training.map((t) => wordsOf(t.title)))
  const model = trainMultinomialNb(
    counts.map((x, i) => ({ x, label: labels.indexOf(training[i]!.category), weight: 1 })),
    vocabulary.df.length,
    labels.length,
    alpha,
  )
  const scored = heldout.map((paper) => ({
    label: labels.indexOf(paper.category),
    probabilities: softmax(scoreLinear(model, countTerms(vocabulary, wordsOf(paper.title)))),
  }))
  return { scored, classCount: labels.length }
}
