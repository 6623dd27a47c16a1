import type { WeightedTerm } from './max-score'
import { inverseDocumentFrequency } from './scoring'
import type { Vocabulary } from './vocabulary'

export interface QueryOptions {
  /**
   * Boost of a known query word's dictionary sub-words (具身智能机器人 also looks for 机器人). Off by
   * default: on the CSL dev queries it gained < 0.002 nDCG and it pulls in every 智能 for 具身智能.
   */
  readonly subwordBoost: number
  /** Boost of the sub-words standing in for a word the index has never seen. */
  readonly fallbackBoost: number
  /** Boost (× similarity) of index words sharing character grams with an unknown word. */
  readonly fuzzyBoost: number
  readonly fuzzyLimit: number
  /** Long queries (a whole record as the query) keep only their heaviest terms. */
  readonly maxTerms: number
}

export const DEFAULT_QUERY_OPTIONS: QueryOptions = {
  subwordBoost: 0,
  fallbackBoost: 0.8,
  fuzzyBoost: 0.6,
  fuzzyLimit: 3,
  maxTerms: 48,
}

/** One word of the query and the index terms that stand for it (itself, or its fallbacks). */
export interface QueryWord {
  readonly text: string
  readonly terms: readonly number[]
  readonly idf: number
  readonly count: number
  /** How the word was matched: exact, via its sub-words, or via similar index words. */
  readonly via: 'exact' | 'subwords' | 'similar' | 'none'
}

export interface AnalyzedQuery {
  readonly words: readonly QueryWord[]
  /** Runs of ≥ 2 consecutive words not broken by a stopword, space or punctuation (as word indices). */
  readonly chunks: readonly (readonly number[])[]
  readonly terms: readonly WeightedTerm[]
  /** Σ of term weights: the score a document matching everything at full saturation would get. */
  readonly norm: number
}

/**
 * Turns the query's word sequence (null where a stopword, space or punctuation broke it) into weighted
 * index terms: each word by itself
 * when the index knows it, plus its dictionary sub-words at a lower boost; an unknown word falls back to
 * its sub-words, else to index words that share character grams with it — so one wrong character never
 * empties the results.
 */
export function analyzeQuery(
  sequence: readonly (string | null)[],
  vocabulary: Vocabulary,
  documentCount: number,
  options: QueryOptions = DEFAULT_QUERY_OPTIONS,
): AnalyzedQuery {
  const counts = new Map<string, number>()
  for (const w of sequence) if (w !== null) counts.set(w, (counts.get(w) ?? 0) + 1)
  const order = [...counts.keys()]
  const chunks: number[][] = []
  let run: number[] = []
  for (const w of [...sequence, null]) {
    if (w !== null) {
      run.push(order.indexOf(w))
      continue
    }
    if (run.length >= 2) chunks.push(run)
    run = []
  }
  const boosts = new Map<number, number>()
  const add = (term: number, boost: number) => boosts.set(term, (boosts.get(term) ?? 0) + boost)
  const idf = (term: number) => inverseDocumentFrequency(documentCount, vocabulary.df[term] ?? 0)
  const live = (term: number) => (vocabulary.df[term] ?? 0) > 0
  const out: QueryWord[] = []
  for (const [text, count] of counts) {
    const id = vocabulary.id(text)
    if (id !== undefined && live(id)) {
      add(id, count)
      for (const sub of vocabulary.expansion(id)) if (live(sub)) add(sub, count * options.subwordBoost)
      out.push({ text, terms: [id], idf: idf(id), count, via: 'exact' })
      continue
    }
    const subs = (id === undefined ? vocabulary.knownSubwords(text) : Array.from(vocabulary.expansion(id))).filter(live)
    if (subs.length > 0) {
      for (const sub of subs) add(sub, count * options.fallbackBoost)
      out.push({ text, terms: subs, idf: Math.max(...subs.map(idf)), count, via: 'subwords' })
      continue
    }
    const similar = vocabulary.similar(text, options.fuzzyLimit)
    for (const s of similar) add(s.id, count * options.fuzzyBoost * s.similarity)
    const ids = similar.map((s) => s.id)
    out.push({
      text,
      terms: ids,
      idf: ids.length > 0 ? Math.max(...ids.map(idf)) : 0,
      count,
      via: ids.length > 0 ? 'similar' : 'none',
    })
  }
  let terms = [...boosts].map(([term, boost]) => ({ term, weight: boost * idf(term) }))
  if (terms.length > options.maxTerms) {
    terms.sort((a, b) => b.weight - a.weight || a.term - b.term)
    terms = terms.slice(0, options.maxTerms)
  }
  terms.sort((a, b) => a.term - b.term)
  const norm = terms.reduce((sum, t) => sum + t.weight, 0)
  return { words: out, chunks, terms, norm }
}
