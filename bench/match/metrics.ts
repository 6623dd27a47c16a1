import type { Corpus } from './corpus'
import { type BenchQuery, countGradeOne, grade } from './queries'

export interface Quality {
  readonly recall10: number
  readonly mrr10: number
  readonly ndcg10: number
  readonly queries: number
}

const gain = (g: number) => 2 ** g - 1
const discount = (rank: number) => 1 / Math.log2(rank + 2)

/**
 * Recall@10 and MRR@10 of the source paper (known-item: is it in the top 10, how high); nDCG@10 with
 * graded relevance (gain 2^grade − 1) against the ideal order (source first, then up to nine grade-1
 * documents that exist in the corpus).
 */
export function evaluate(
  corpus: Corpus,
  queries: readonly BenchQuery[],
  results: readonly (readonly number[])[],
): Quality {
  const ideal = countGradeOne(corpus, queries, 9)
  let recall = 0
  let mrr = 0
  let ndcg = 0
  queries.forEach((q, i) => {
    const docs = results[i] ?? []
    let dcg = 0
    docs.slice(0, 10).forEach((doc, rank) => {
      const g = grade(corpus, q, doc)
      dcg += gain(g) * discount(rank)
      if (g === 2) {
        recall += 1
        mrr += 1 / (rank + 1)
      }
    })
    let idcg = gain(2) * discount(0)
    for (let r = 0; r < ideal[i]!; r++) idcg += gain(1) * discount(r + 1)
    ndcg += dcg / idcg
  })
  const n = queries.length || 1
  return { recall10: recall / n, mrr10: mrr / n, ndcg10: ndcg / n, queries: queries.length }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}
