import {
  type AttributeColumn,
  AttributeColumnsBuilder,
  type AttributeSchema,
  type Attributes,
  type ValueDictionary,
} from './attributes'
import { ensureLength, GrowableBytes, GrowableU32 } from './growable'
import { type Bm25fParameters, fieldNorms, quantizeImpact } from './scoring'
import { BLOCK_SIZE, type Segment, type SegmentData } from './segment'
import { readVBytes, writeVByte } from './vbyte'
import type { Vocabulary } from './vocabulary'

const MAX_FIELD_LENGTH = 0xffff

/**
 * Builds one immutable segment in two passes. `add` writes each document's words to the forward index
 * and counts document frequencies (a word counts for its dictionary sub-words too); `finish`, once the
 * average field lengths are known, computes every (term, document) BM25F impact and lays out the
 * postings, blocks and block maxima. Nothing is kept per posting between the passes.
 */
export class SegmentBuilder {
  readonly ids: string[] = []
  readonly lengthSums: Float64Array
  private readonly forward = new GrowableBytes(1 << 16)
  private readonly forwardStart = new GrowableU32()
  private readonly fieldLengths = new GrowableU32()
  private readonly attributes: AttributeColumnsBuilder
  private counts = new Int32Array(1024)
  private stamps = new Int32Array(1024)
  private longest = 0

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly fieldCount: number,
    schema: AttributeSchema,
    dictionaries: Map<string, ValueDictionary>,
  ) {
    this.lengthSums = new Float64Array(fieldCount)
    this.forwardStart.push(0)
    this.attributes = new AttributeColumnsBuilder(schema, dictionaries)
  }

  get size(): number {
    return this.ids.length
  }

  /** Adds a document given as term ids per field (stopwords already removed). */
  add(id: string, fields: readonly ArrayLike<number>[], attributes: Attributes | undefined): void {
    const doc = this.ids.length
    this.ids.push(id)
    let total = 0
    for (let f = 0; f < this.fieldCount; f++) {
      const words = fields[f] ?? []
      const length = Math.min(words.length, MAX_FIELD_LENGTH)
      this.fieldLengths.push(length)
      this.lengthSums[f]! += length
      total += length
      for (let i = 0; i < length; i++) {
        const term = words[i]!
        writeVByte(this.forward, term)
        this.count(term, doc)
      }
    }
    if (total > this.longest) this.longest = total
    this.forwardStart.push(this.forward.length)
    this.attributes.add(attributes)
  }

  /** Copies a live document of another segment (merges): forward bytes as they are, attributes by id. */
  copy(segment: Segment, doc: number, scratch: Int32Array): void {
    const data = segment.data
    const id = this.ids.length
    this.ids.push(data.ids[doc]!)
    const count = segment.words(doc, scratch)
    for (let i = 0; i < count; i++) this.count(scratch[i]!, id)
    for (let f = 0; f < this.fieldCount; f++) {
      const length = segment.fieldLength(doc, f)
      this.fieldLengths.push(length)
      this.lengthSums[f]! += length
    }
    if (count > this.longest) this.longest = count
    const bytes = data.forward.subarray(data.forwardStart[doc]!, data.forwardStart[doc + 1]!)
    this.forward.ensure(bytes.length)
    this.forward.data.set(bytes, this.forward.length)
    this.forward.length += bytes.length
    this.forwardStart.push(this.forward.length)
    this.attributes.copy(data.attributes, doc)
  }

  private count(term: number, doc: number): void {
    this.mark(term, doc)
    const expansion = this.vocabulary.expansion(term)
    for (let j = 0; j < expansion.length; j++) this.mark(expansion[j]!, doc)
  }

  private mark(term: number, doc: number): void {
    if (term >= this.counts.length) {
      this.counts = ensureLength(this.counts, this.vocabulary.size)
      this.stamps = ensureLength(this.stamps, this.vocabulary.size)
    }
    if (this.stamps[term] !== doc + 1) {
      this.stamps[term] = doc + 1
      this.counts[term]!++
    }
  }

  /** Document frequencies of this segment by global term id (for the index-wide counts). */
  documentFrequencies(): Int32Array {
    return this.counts
  }

  finish(parameters: Omit<Bm25fParameters, 'averageLengths'> & { averageLengths?: readonly number[] }): SegmentData {
    const size = this.ids.length
    const averageLengths =
      parameters.averageLengths ?? Array.from(this.lengthSums, (sum) => (size > 0 ? sum / size : 1))
    const bm25f: Bm25fParameters = { ...parameters, averageLengths }
    const vocabularySize = this.vocabulary.size
    const counts = ensureLength(this.counts, vocabularySize)
    const local = new Int32Array(vocabularySize).fill(-1)
    let termCount = 0
    let postingCount = 0
    for (let t = 0; t < vocabularySize; t++) {
      if (counts[t]! > 0) {
        local[t] = termCount++
        postingCount += counts[t]!
      }
    }
    const terms = new Int32Array(termCount)
    const postingStart = new Uint32Array(termCount + 1)
    for (let t = 0, l = 0, start = 0; t < vocabularySize; t++) {
      if (counts[t]! === 0) continue
      terms[l] = t
      postingStart[l] = start
      start += counts[t]!
      postingStart[++l] = start
    }
    const fill = postingStart.slice(0, termCount)
    const docs = new Uint32Array(postingCount)
    const impacts = new Uint8Array(postingCount)
    const forwardStart = this.forwardStart.toArray()
    const forward = this.forward.toArray()
    const fieldLengths = Uint16Array.from(this.fieldLengths.data.subarray(0, this.fieldLengths.length))
    const words = new Int32Array(this.longest + 1)
    const pseudo = new Float64Array(vocabularySize)
    let touched = new Int32Array(1024)
    const norms = new Float64Array(this.fieldCount)
    const { k1 } = parameters
    const expansionOf = (t: number) => this.vocabulary.expansion(t)
    for (let doc = 0; doc < size; doc++) {
      const lengths = fieldLengths.subarray(doc * this.fieldCount, (doc + 1) * this.fieldCount)
      let total = 0
      for (let f = 0; f < this.fieldCount; f++) total += lengths[f]!
      readVBytes(forward, forwardStart[doc]!, total, words)
      fieldNorms(bm25f, lengths, norms)
      let n = 0
      let p = 0
      for (let f = 0; f < this.fieldCount; f++) {
        const w = norms[f]!
        for (let end = p + lengths[f]!; p < end; p++) {
          const term = words[p]!
          const expansion = expansionOf(term)
          if (n + expansion.length + 1 > touched.length) touched = ensureLength(touched, n + expansion.length + 1)
          if (pseudo[term] === 0) touched[n++] = term
          pseudo[term]! += w
          for (let j = 0; j < expansion.length; j++) {
            const sub = expansion[j]!
            if (pseudo[sub] === 0) touched[n++] = sub
            pseudo[sub]! += w
          }
        }
      }
      for (let j = 0; j < n; j++) {
        const term = touched[j]!
        const at = fill[local[term]!]!++
        docs[at] = doc
        impacts[at] = quantizeImpact(pseudo[term]!, k1)
        pseudo[term] = 0
      }
    }
    const blocks = layOutBlocks(postingStart, docs, impacts)
    return {
      size,
      fieldCount: this.fieldCount,
      ids: this.ids,
      terms,
      postingStart,
      docs,
      impacts,
      ...blocks,
      forwardStart,
      forward,
      fieldLengths,
      averageLengths,
      attributes: this.attributes.finish() as Record<string, AttributeColumn>,
    }
  }
}

/** Per block of BLOCK_SIZE postings: its largest impact and last document; per term: its largest impact. */
export function layOutBlocks(
  postingStart: Uint32Array,
  docs: Uint32Array,
  impacts: Uint8Array,
): Pick<SegmentData, 'blockStart' | 'blockMax' | 'blockLast' | 'termMax'> {
  const termCount = postingStart.length - 1
  const blockStart = new Uint32Array(termCount + 1)
  for (let l = 0; l < termCount; l++) {
    const df = postingStart[l + 1]! - postingStart[l]!
    blockStart[l + 1] = blockStart[l]! + Math.ceil(df / BLOCK_SIZE)
  }
  const blockCount = blockStart[termCount]!
  const blockMax = new Uint8Array(blockCount)
  const blockLast = new Uint32Array(blockCount)
  const termMax = new Uint8Array(termCount)
  for (let l = 0; l < termCount; l++) {
    let best = 0
    for (let b = blockStart[l]!, p = postingStart[l]!; b < blockStart[l + 1]!; b++) {
      const end = Math.min(p + BLOCK_SIZE, postingStart[l + 1]!)
      let max = 0
      for (; p < end; p++) if (impacts[p]! > max) max = impacts[p]!
      blockMax[b] = max
      blockLast[b] = docs[end - 1]!
      if (max > best) best = max
    }
    termMax[l] = best
  }
  return { blockStart, blockMax, blockLast, termMax }
}
