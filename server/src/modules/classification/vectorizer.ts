import { l2Normalize, type SparseVector, toSparse } from './sparse'

export type VectorizerOptions = {
  /** Terms seen in fewer documents are dropped (noise, and they cannot generalize). */
  minDf: number
  /** 1 + log(tf) instead of tf: a repeated word in an abstract should not dominate. */
  sublinearTf: boolean
  /** Weight terms by smoothed inverse document frequency. */
  idf: boolean
  /** Scale each document to unit length (for linear models; naive Bayes wants raw counts). */
  normalize: boolean
}

export type Vectorizer = { vocabulary: Map<string, number>; idf: Float64Array; options: VectorizerOptions }

export function fitVectorizer(documents: readonly (readonly string[])[], options: VectorizerOptions): Vectorizer {
  const df = new Map<string, number>()
  for (const terms of documents) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1)
  // Map iteration follows first appearance, so the same documents always give the same indices.
  const kept = [...df.entries()].filter(([, count]) => count >= options.minDf)
  const vocabulary = new Map<string, number>()
  const idf = new Float64Array(kept.length)
  kept.forEach(([term, count], index) => {
    vocabulary.set(term, index)
    idf[index] = options.idf ? Math.log((1 + documents.length) / (1 + count)) + 1 : 1
  })
  return { vocabulary, idf, options }
}

export function vectorize(vectorizer: Vectorizer, terms: readonly string[]): SparseVector {
  const counts = new Map<number, number>()
  for (const term of terms) {
    const index = vectorizer.vocabulary.get(term)
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1)
  }
  const { sublinearTf, normalize } = vectorizer.options
  for (const [index, count] of counts) {
    const tf = sublinearTf ? 1 + Math.log(count) : count
    counts.set(index, tf * vectorizer.idf[index]!)
  }
  const vector = toSparse(counts)
  return normalize ? l2Normalize(vector) : vector
}
