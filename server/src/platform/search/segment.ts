import type { AttributeColumn } from './attributes'
import { readVBytes } from './vbyte'

/** Postings are cut into blocks of this many entries, each with its largest impact and last document. */
export const BLOCK_SIZE = 128
/** A posting packs document and impact into one 32-bit word (doc · 256 + impact): one cache line, not two. */
export const IMPACT_BITS = 8
export const MAX_SEGMENT_DOCUMENTS = 2 ** (32 - IMPACT_BITS)

/**
 * The arrays of one immutable segment. Postings are grouped by term (terms sorted by global term id);
 * within a term, local document numbers ascend; each posting is doc · 256 + impact. The forward index keeps each document's words (term ids,
 * stopwords removed, field after field) for proximity, explanations and merges.
 */
export interface SegmentData {
  readonly size: number
  readonly fieldCount: number
  readonly ids: readonly string[]
  readonly terms: Int32Array
  readonly postingStart: Uint32Array
  /** doc · 256 + impact, ascending by document within a term. */
  readonly postings: Uint32Array
  readonly blockStart: Uint32Array
  readonly blockMax: Uint8Array
  readonly blockLast: Uint32Array
  readonly termMax: Uint8Array
  readonly forwardStart: Uint32Array
  readonly forward: Uint8Array
  readonly fieldLengths: Uint16Array
  readonly averageLengths: readonly number[]
  readonly attributes: Readonly<Record<string, AttributeColumn>>
}

let nextOrdinal = 1

export function newOrdinal(): number {
  return nextOrdinal++
}

export class Segment {
  /** Unique per process; part of every document handle, so handles survive other segments' merges. */
  readonly ordinal: number
  readonly deleted: Uint8Array
  deletedCount = 0

  constructor(
    readonly data: SegmentData,
    ordinal?: number,
  ) {
    this.ordinal = ordinal ?? newOrdinal()
    this.deleted = new Uint8Array(data.size)
  }

  get size(): number {
    return this.data.size
  }

  get liveCount(): number {
    return this.data.size - this.deletedCount
  }

  /** Local index of a global term id, or −1 (binary search: small segments need no dense table). */
  lookup(term: number): number {
    const terms = this.data.terms
    let lo = 0
    let hi = terms.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const t = terms[mid]!
      if (t === term) return mid
      if (t < term) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  documentFrequency(local: number): number {
    return this.data.postingStart[local + 1]! - this.data.postingStart[local]!
  }

  /** A document's words (term ids) into `into`; returns how many. */
  words(doc: number, into: Int32Array): number {
    const count = this.length(doc)
    readVBytes(this.data.forward, this.data.forwardStart[doc]!, count, into)
    return count
  }

  /** Total words of a document over all fields. */
  length(doc: number): number {
    const f = this.data.fieldCount
    let sum = 0
    for (let i = 0; i < f; i++) sum += this.data.fieldLengths[doc * f + i]!
    return sum
  }

  fieldLength(doc: number, field: number): number {
    return this.data.fieldLengths[doc * this.data.fieldCount + field]!
  }

  /** Bytes held by the typed arrays (ids and dictionaries are counted by the index). */
  byteSize(): number {
    const d = this.data
    let bytes = 0
    for (const a of [
      d.terms,
      d.postingStart,
      d.postings,
      d.blockStart,
      d.blockMax,
      d.blockLast,
      d.termMax,
      d.forwardStart,
      d.forward,
      d.fieldLengths,
      this.deleted,
    ])
      bytes += a.byteLength
    for (const column of Object.values(d.attributes)) {
      bytes += column.values.byteLength
      if (column.kind === 'keywords') bytes += column.offsets.byteLength
    }
    return bytes
  }
}
