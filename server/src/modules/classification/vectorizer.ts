import { l2Normalize, type SparseVector } from './sparse'

export type VectorizerOptions = {
  /** Terms seen in fewer training documents get weight 0 (noise that cannot generalize). */
  minDf: number
  /** 1 + log(tf) instead of tf: a repeated word in an abstract should not dominate. */
  sublinearTf: boolean
  /** Weight terms by smoothed inverse document frequency. */
  idf: boolean
  /** Scale each document to unit length (for linear models; naive Bayes wants raw counts). */
  normalize: boolean
}

/** Term → feature index with document frequencies, shared by every member that reads the same terms. */
export type Vocabulary = { index: Map<string, number>; df: number[]; documentCount: number }

/** Builds the vocabulary and each document's raw term counts in one pass. */
export function countDocuments(documents: readonly (readonly string[])[]): {
  vocabulary: Vocabulary
  counts: SparseVector[]
} {
  const vocabulary: Vocabulary = { index: new Map(), df: [], documentCount: documents.length }
  const scratch: number[] = []
  const counts = documents.map((terms) => {
    const touched: number[] = []
    for (const term of terms) {
      let index = vocabulary.index.get(term)
      if (index === undefined) {
        index = vocabulary.df.length
        vocabulary.index.set(term, index)
        vocabulary.df.push(0)
        scratch.push(0)
      }
      if (scratch[index] === 0) touched.push(index)
      scratch[index]!++
    }
    for (const index of touched) vocabulary.df[index]!++
    return drain(touched, scratch)
  })
  return { vocabulary, counts }
}

/** Raw counts of a new text's terms; terms never seen in training are dropped. */
export function countTerms(vocabulary: Vocabulary, terms: readonly string[]): SparseVector {
  const local = new Map<number, number>()
  for (const term of terms) {
    const index = vocabulary.index.get(term)
    if (index !== undefined) local.set(index, (local.get(index) ?? 0) + 1)
  }
  const indices = Int32Array.from(local.keys()).sort()
  return { indices, values: Float64Array.from(indices, (index) => local.get(index)!) }
}

/** The touched entries of `scratch` as a sorted sparse vector; resets them to 0 for the next document. */
function drain(touched: number[], scratch: number[]): SparseVector {
  const indices = Int32Array.from(touched).sort()
  const values = new Float64Array(indices.length)
  for (let i = 0; i < indices.length; i++) {
    values[i] = scratch[indices[i]!]!
    scratch[indices[i]!] = 0
  }
  return { indices, values }
}

/** Per-feature multipliers: idf (or 1), and 0 for features below minDf. */
export type Vectorizer = { featureWeights: Float64Array; options: VectorizerOptions }

export function fitVectorizer(vocabulary: Vocabulary, options: VectorizerOptions): Vectorizer {
  const n = vocabulary.documentCount
  const featureWeights = Float64Array.from(vocabulary.df, (df) =>
    df < options.minDf ? 0 : options.idf ? Math.log((1 + n) / (1 + df)) + 1 : 1,
  )
  return { featureWeights, options }
}

/** Counts → the member's feature values (tf transform × idf, zero-weight features dropped, optional L2). */
export function weigh(vectorizer: Vectorizer, counts: SparseVector): SparseVector {
  const { featureWeights, options } = vectorizer
  const indices: number[] = []
  const values: number[] = []
  for (let i = 0; i < counts.indices.length; i++) {
    const index = counts.indices[i]!
    const weight = featureWeights[index] ?? 0
    if (weight === 0) continue
    const count = counts.values[i]!
    indices.push(index)
    values.push((options.sublinearTf ? 1 + Math.log(count) : count) * weight)
  }
  const vector = { indices: Int32Array.from(indices), values: Float64Array.from(values) }
  return options.normalize ? l2Normalize(vector) : vector
}
