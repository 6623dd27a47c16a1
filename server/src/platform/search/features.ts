import { type AttributeColumn, valueIds } from './attributes'
import { ensureLength } from './growable'
import type { AnalyzedQuery } from './query'
import type { Segment } from './segment'
import type { Vocabulary } from './vocabulary'

/**
 * What the re-ranker sees of a (query, document) pair. bm25: the first-stage BM25F score over the best
 * possible; coverage: idf share of query words present; proximity: idf share of adjacent query-word pairs
 * found in order within 3 words; window: idf share of query words inside the best 12-word window;
 * length: log of length over the average; agreement: how much of the top candidates' score mass shares
 * this document's discipline / industry (pseudo-relevance); attributeMatch: share of the caller's context
 * attributes (industry chain, discipline, jurisdiction) this document shares; trlFit: closeness to the
 * wanted TRL; nearness: closeness to the wanted location.
 */
export const FEATURE_NAMES = [
  'bm25',
  'coverage',
  'proximity',
  'window',
  'length',
  'agreement',
  'attributeMatch',
  'trlFit',
  'nearness',
] as const
export type FeatureName = (typeof FEATURE_NAMES)[number]
export type FeatureVector = Readonly<Record<FeatureName, number>>

const PAIR_DISTANCE = 3
const WINDOW = 12

/** Per-document evidence: the features plus what the explanation shows. */
export interface Evidence {
  readonly features: Record<FeatureName, number>
  /** Occurrences per query word and field: counts[word][field]. */
  readonly counts: number[][]
  /** Document words that matched (for highlighting). */
  readonly matchedTerms: number[]
}

/** Scratch space for one index: a mark per vocabulary term and a buffer of document words. */
export class FeatureScratch {
  mark = new Int32Array(1024)
  words = new Int32Array(1024)
}

export class FeatureExtractor {
  private readonly idfTotal: number
  private readonly pairTotal: number
  private readonly marked: number[] = []

  constructor(
    private readonly query: AnalyzedQuery,
    private readonly vocabulary: Vocabulary,
    private readonly scratch: FeatureScratch,
  ) {
    scratch.mark = ensureLength(scratch.mark, vocabulary.size)
    query.words.forEach((word, i) => {
      for (const t of word.terms) {
        if (scratch.mark[t] === 0) {
          scratch.mark[t] = i + 1
          this.marked.push(t)
        }
      }
    })
    this.idfTotal = query.words.reduce((s, w) => s + w.idf, 0) || 1
    let pairs = 0
    for (let i = 0; i + 1 < query.words.length; i++) pairs += Math.min(query.words[i]!.idf, query.words[i + 1]!.idf)
    this.pairTotal = pairs
  }

  /** Clears the marks; call once the query is done. */
  release(): void {
    for (const t of this.marked) this.scratch.mark[t] = 0
  }

  extract(segment: Segment, doc: number, firstStageScore: number): Evidence {
    const words = this.query.words
    const fieldCount = segment.data.fieldCount
    const length = segment.length(doc)
    this.scratch.words = ensureLength(this.scratch.words, length + 1)
    const buffer = this.scratch.words
    segment.words(doc, buffer)
    const mark = this.scratch.mark
    const counts = words.map(() => new Array<number>(fieldCount).fill(0))
    const lastSeen = new Array<number>(words.length).fill(-1000)
    const pairFound = new Array<boolean>(Math.max(0, words.length - 1)).fill(false)
    const occurrencePositions: number[] = []
    const occurrenceWords: number[] = []
    const matchedTerms: number[] = []
    let field = 0
    let fieldEnd = segment.fieldLength(doc, 0)
    for (let p = 0; p < length; p++) {
      while (p >= fieldEnd && field + 1 < fieldCount) fieldEnd += segment.fieldLength(doc, ++field)
      const term = buffer[p]!
      let w = (mark[term] ?? 0) - 1
      if (w < 0) {
        const expansion = this.vocabulary.expansion(term)
        for (let j = 0; j < expansion.length && w < 0; j++) w = (mark[expansion[j]!] ?? 0) - 1
      }
      if (w < 0) continue
      counts[w]![field]!++
      if (!matchedTerms.includes(term)) matchedTerms.push(term)
      if (w > 0 && p - lastSeen[w - 1]! <= PAIR_DISTANCE) pairFound[w - 1] = true
      lastSeen[w] = p
      occurrencePositions.push(p)
      occurrenceWords.push(w)
    }
    let covered = 0
    counts.forEach((c, i) => {
      if (c.some((x) => x > 0)) covered += words[i]!.idf
    })
    let pairs = 0
    pairFound.forEach((found, i) => {
      if (found) pairs += Math.min(words[i]!.idf, words[i + 1]!.idf)
    })
    const average = segment.data.averageLengths.reduce((s, x) => s + x, 0)
    return {
      features: {
        bm25: this.query.norm > 0 ? firstStageScore / this.query.norm : 0,
        coverage: covered / this.idfTotal,
        proximity: this.pairTotal > 0 ? pairs / this.pairTotal : 0,
        window: this.bestWindow(occurrencePositions, occurrenceWords) / this.idfTotal,
        length: Math.log((length + 1) / (average + 1)),
        agreement: 0,
        attributeMatch: 0,
        trlFit: 0,
        nearness: 0,
      },
      counts,
      matchedTerms,
    }
  }

  /** Largest idf mass of distinct query words within any WINDOW consecutive words (two pointers). */
  private bestWindow(positions: readonly number[], words: readonly number[]): number {
    const inWindow = new Array<number>(this.query.words.length).fill(0)
    let mass = 0
    let best = 0
    let left = 0
    for (let right = 0; right < positions.length; right++) {
      const w = words[right]!
      if (inWindow[w]!++ === 0) mass += this.query.words[w]!.idf
      while (positions[right]! - positions[left]! >= WINDOW) {
        const out = words[left++]!
        if (--inWindow[out]! === 0) mass -= this.query.words[out]!.idf
      }
      if (mass > best) best = mass
    }
    return best
  }
}

/**
 * Pseudo-relevance agreement: for each attribute, the share of the candidates' first-stage score mass
 * carried by documents sharing a value with this one, averaged over the attributes.
 */
export function agreementScores(
  candidates: readonly { segment: Segment; doc: number; score: number }[],
  attributes: readonly string[],
): number[] {
  const out = new Array<number>(candidates.length).fill(0)
  if (attributes.length === 0 || candidates.length === 0) return out
  const total = candidates.reduce((s, c) => s + c.score, 0) || 1
  for (const name of attributes) {
    const mass = new Map<number, number>()
    const values = candidates.map((c) => {
      const column: AttributeColumn | undefined = c.segment.data.attributes[name]
      return column ? Array.from(valueIds(column, c.doc)) : []
    })
    values.forEach((ids, i) => {
      for (const id of ids) mass.set(id, (mass.get(id) ?? 0) + candidates[i]!.score)
    })
    values.forEach((ids, i) => {
      let best = 0
      for (const id of ids) best = Math.max(best, (mass.get(id) ?? 0) / total)
      out[i]! += best / attributes.length
    })
  }
  return out
}
