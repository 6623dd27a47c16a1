import { type AttributeColumn, valueIds } from './attributes'
import { ensureLength } from './growable'
import type { AnalyzedQuery } from './query'
import type { Segment } from './segment'
import type { Vocabulary } from './vocabulary'

/**
 * What the re-ranker sees of a (query, document) pair. bm25: the first-stage BM25F score over the best
 * first-stage score of the query; coverage: idf share of query words present; proximity: idf share of
 * adjacent query-word pairs found in order within 3 words; window: idf share of query words inside the
 * best 12-word window; phrase: idf share of the query's phrases (runs between stopwords, spaces,
 * punctuation — a keyword like 大角度机动) found word for word; spread: share of the document's 12-word
 * stretches that mention a query word (a text about the topic throughout, not in passing); frequency:
 * idf-weighted log(1 + occurrences) of the query words, unsaturated, over the query's idf; length: log
 * of length over the average;
 * agreement: how much of the top candidates' score mass shares this document's discipline / industry
 * (pseudo-relevance); attributeMatch: share of the caller's context attributes (industry chain,
 * discipline, jurisdiction) this document shares; trlFit: closeness to the wanted TRL; nearness:
 * closeness to the wanted location.
 */
export const FEATURE_NAMES = [
  'bm25',
  'coverage',
  'proximity',
  'window',
  'phrase',
  'spread',
  'frequency',
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
  /** Occurrences per query word and field: counts[word · fieldCount + field]. */
  readonly counts: Int32Array
  /** Document words that matched (for highlighting). */
  readonly matchedTerms: number[]
}

/** Scratch space for one index: a mark per vocabulary term and buffers sized to the longest document. */
export class FeatureScratch {
  mark = new Int32Array(1024)
  seen = new Int32Array(1024)
  stamp = 0
  words = new Int32Array(1024)
  matched = new Int32Array(1024)
}

export class FeatureExtractor {
  private readonly idfTotal: number
  private readonly pairTotal: number
  private readonly phraseTotal: number
  private readonly marked: number[] = []
  private readonly idf: Float64Array
  private readonly lastSeen: Int32Array
  private readonly inWindow: Int32Array
  private readonly pairFound: Uint8Array

  constructor(
    private readonly query: AnalyzedQuery,
    private readonly vocabulary: Vocabulary,
    private readonly scratch: FeatureScratch,
  ) {
    scratch.mark = ensureLength(scratch.mark, vocabulary.size)
    scratch.seen = ensureLength(scratch.seen, vocabulary.size)
    const words = query.words
    words.forEach((word, i) => {
      for (const t of word.terms) {
        if (scratch.mark[t] === 0) {
          scratch.mark[t] = i + 1
          this.marked.push(t)
        }
      }
    })
    this.idf = Float64Array.from(words, (w) => w.idf)
    this.idfTotal = words.reduce((s, w) => s + w.idf, 0) || 1
    let pairs = 0
    for (let i = 0; i + 1 < words.length; i++) pairs += Math.min(words[i]!.idf, words[i + 1]!.idf)
    this.pairTotal = pairs
    this.phraseTotal = query.chunks.reduce((s, chunk) => s + chunk.reduce((t, w) => t + words[w]!.idf, 0), 0)
    this.lastSeen = new Int32Array(words.length)
    this.inWindow = new Int32Array(words.length)
    this.pairFound = new Uint8Array(words.length)
  }

  /** Clears the marks; call once the query is done. */
  release(): void {
    for (const t of this.marked) this.scratch.mark[t] = 0
  }

  extract(segment: Segment, doc: number, firstStageScore: number, bestScore: number): Evidence {
    const wordCount = this.query.words.length
    const fieldCount = segment.data.fieldCount
    const length = segment.length(doc)
    const scratch = this.scratch
    if (scratch.words.length < length + 1) {
      scratch.words = ensureLength(scratch.words, length + 1)
      scratch.matched = ensureLength(scratch.matched, length + 1)
    }
    const buffer = scratch.words
    segment.words(doc, buffer)
    // matched[p] = query word at position p + 1 (0: none); each position matched once
    const matched = scratch.matched
    const mark = scratch.mark
    const seen = scratch.seen
    const stamp = ++scratch.stamp
    const counts = new Int32Array(wordCount * fieldCount)
    const matchedTerms: number[] = []
    const expansionStart = this.vocabulary.expansionStart
    const expansionCount = this.vocabulary.expansionCount
    const pool = this.vocabulary.expansionPool.data
    this.lastSeen.fill(-1000)
    this.pairFound.fill(0)
    let field = 0
    let fieldEnd = segment.fieldLength(doc, 0)
    for (let p = 0; p < length; p++) {
      while (p >= fieldEnd && field + 1 < fieldCount) fieldEnd += segment.fieldLength(doc, ++field)
      const term = buffer[p]!
      let w = mark[term]! - 1
      if (w < 0) {
        const from = expansionStart[term]!
        const to = from + expansionCount[term]! - 1
        for (let j = from; j < to && w < 0; j++) w = mark[pool[j]!]! - 1
      }
      matched[p] = w + 1
      if (w < 0) continue
      counts[w * fieldCount + field]!++
      if (seen[term] !== stamp) {
        seen[term] = stamp
        matchedTerms.push(term)
      }
      if (w > 0 && p - this.lastSeen[w - 1]! <= PAIR_DISTANCE) this.pairFound[w - 1] = 1
      this.lastSeen[w] = p
    }
    let covered = 0
    for (let w = 0; w < wordCount; w++) {
      for (let f = 0; f < fieldCount; f++) {
        if (counts[w * fieldCount + f]! > 0) {
          covered += this.idf[w]!
          break
        }
      }
    }
    let frequency = 0
    for (let w = 0; w < wordCount; w++) {
      let tf = 0
      for (let f = 0; f < fieldCount; f++) tf += counts[w * fieldCount + f]!
      if (tf > 0) frequency += this.idf[w]! * Math.log(1 + tf)
    }
    let pairs = 0
    for (let w = 0; w + 1 < wordCount; w++)
      if (this.pairFound[w] === 1) pairs += Math.min(this.idf[w]!, this.idf[w + 1]!)
    const average = segment.data.averageLengths.reduce((s, x) => s + x, 0)
    return {
      features: {
        bm25: bestScore > 0 ? firstStageScore / bestScore : 0,
        coverage: covered / this.idfTotal,
        proximity: this.pairTotal > 0 ? pairs / this.pairTotal : 0,
        window: this.bestWindow(matched, length) / this.idfTotal,
        phrase: this.phraseTotal > 0 ? this.phrases(matched, length) / this.phraseTotal : 0,
        spread: this.spread(matched, length),
        frequency: frequency / this.idfTotal,
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
  private bestWindow(matched: Int32Array, length: number): number {
    const inWindow = this.inWindow
    inWindow.fill(0)
    let mass = 0
    let best = 0
    for (let p = 0; p < length; p++) {
      const w = matched[p]! - 1
      if (w >= 0 && inWindow[w]!++ === 0) mass += this.idf[w]!
      const out = p - WINDOW >= 0 ? matched[p - WINDOW]! - 1 : -1
      if (out >= 0 && --inWindow[out]! === 0) mass -= this.idf[out]!
      if (mass > best) best = mass
    }
    return best
  }

  private spread(matched: Int32Array, length: number): number {
    let stretches = 0
    let mentioning = 0
    for (let p = 0; p < length; p += WINDOW) {
      stretches++
      for (let q = p; q < Math.min(length, p + WINDOW); q++) {
        if (matched[q]! > 0) {
          mentioning++
          break
        }
      }
    }
    return stretches > 0 ? mentioning / stretches : 0
  }

  /** idf mass of the query's phrases that occur word for word, consecutively, somewhere in the document. */
  private phrases(matched: Int32Array, length: number): number {
    let mass = 0
    for (const chunk of this.query.chunks) {
      const first = chunk[0]! + 1
      let found = false
      for (let p = 0; p + chunk.length <= length && !found; p++) {
        if (matched[p] !== first) continue
        let k = 1
        while (k < chunk.length && matched[p + k] === chunk[k]! + 1) k++
        found = k === chunk.length
      }
      if (found) for (const w of chunk) mass += this.idf[w]!
    }
    return mass
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
