import {
  AttributeColumnsBuilder,
  type AttributeSchema,
  type Attributes,
  clusterOrder,
  permuteColumns,
  type ValueDictionary,
} from './attributes'
import { ensureLength, GrowableBytes, GrowableU32 } from './growable'
import { type Bm25fParameters, fieldNorms } from './scoring'
import { BLOCK_SIZE, MAX_SEGMENT_DOCUMENTS, type Segment, type SegmentData } from './segment'
import { readVBytes } from './vbyte'

const MAX_FIELD_LENGTH = 0xffff

/** Term-indexed scratch arrays shared by every build in the process; each build leaves `pseudo` zeroed. */
const scratch = { pseudo: new Float64Array(1024), local: new Int32Array(1024) }

function scratchFor(vocabularySize: number): typeof scratch {
  if (scratch.pseudo.length < vocabularySize) {
    scratch.pseudo = ensureLength(scratch.pseudo, vocabularySize)
    scratch.local = ensureLength(scratch.local, vocabularySize)
  }
  return scratch
}

/** What the builder needs of a vocabulary: sub-words per term id (a worker passes a view in global ids). */
export interface ExpansionSource {
  readonly size: number
  readonly expansionStart: Int32Array
  readonly expansionCount: Int32Array
  readonly expansionPool: { readonly data: Uint32Array }
  expansion(term: number): Uint32Array
}

/**
 * Builds one immutable segment. `add` writes each document's words (term ids) to the forward index and
 * counts document frequencies (a word counts for its dictionary sub-words too); `finish`, once the
 * average field lengths are known, reads the forward index once, computing every (term, document) BM25F
 * impact straight into its place in the postings, and lays out blocks and block maxima.
 */
export class SegmentBuilder {
  readonly ids: string[] = []
  readonly lengthSums: Float64Array
  private forward = new GrowableBytes(1 << 16)
  private forwardStart = new GrowableU32()
  private readonly fieldLengths = new GrowableU32()
  private readonly attributes: AttributeColumnsBuilder
  private longest = 0
  /** Document frequency per term id (a word counts for its sub-words too); stamps dedupe within a document. */
  private counts = new Int32Array(1024)
  private stamps = new Int32Array(1024)
  private distinct = 0

  constructor(
    private readonly vocabulary: ExpansionSource,
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

  /** Adds a document given as term ids per field (stopwords already removed, sub-words derived). */
  add(id: string, fields: readonly ArrayLike<number>[], attributes: Attributes | undefined): void {
    if (this.ids.length >= MAX_SEGMENT_DOCUMENTS) throw new Error('segment full: start another builder')
    const stamp = this.ids.push(id)
    let total = 0
    for (let f = 0; f < this.fieldCount; f++) {
      const words = fields[f] ?? []
      const length = Math.min(words.length, MAX_FIELD_LENGTH)
      this.fieldLengths.push(length)
      this.lengthSums[f]! += length
      total += length
      const out = this.forward
      out.ensure(5 * length)
      const bytes = out.data
      let at = out.length
      for (let i = 0; i < length; i++) {
        let v = words[i]!
        this.count(v, stamp)
        while (v >= 0x80) {
          bytes[at++] = (v & 0x7f) | 0x80
          v >>>= 7
        }
        bytes[at++] = v
      }
      out.length = at
    }
    if (total > this.longest) this.longest = total
    this.forwardStart.push(this.forward.length)
    this.attributes.add(attributes)
  }

  /** Copies a live document of another segment (merges): forward bytes as they are, attributes by id. */
  copy(segment: Segment, doc: number, scratch: Int32Array): void {
    const data = segment.data
    const stamp = this.ids.push(data.ids[doc]!)
    let total = 0
    for (let f = 0; f < this.fieldCount; f++) {
      const length = segment.fieldLength(doc, f)
      this.fieldLengths.push(length)
      this.lengthSums[f]! += length
      total += length
    }
    if (total > this.longest) this.longest = total
    segment.words(doc, scratch)
    for (let i = 0; i < total; i++) this.count(scratch[i]!, stamp)
    const bytes = data.forward.subarray(data.forwardStart[doc]!, data.forwardStart[doc + 1]!)
    this.forward.ensure(bytes.length)
    this.forward.data.set(bytes, this.forward.length)
    this.forward.length += bytes.length
    this.forwardStart.push(this.forward.length)
    this.attributes.copy(data.attributes, doc)
  }

  private count(term: number, stamp: number): void {
    const vocabulary = this.vocabulary
    if (vocabulary.expansionCount[term] === 0) vocabulary.expansion(term)
    const start = vocabulary.expansionStart[term]!
    const end = start + vocabulary.expansionCount[term]! - 1
    if (this.counts.length < vocabulary.size) {
      this.counts = ensureLength(this.counts, vocabulary.size)
      this.stamps = ensureLength(this.stamps, vocabulary.size)
    }
    const counts = this.counts
    const stamps = this.stamps
    if (stamps[term] !== stamp) {
      stamps[term] = stamp
      if (counts[term]!++ === 0) this.distinct++
    }
    const pool = vocabulary.expansionPool.data
    for (let j = start; j < end; j++) {
      const sub = pool[j]!
      if (stamps[sub] !== stamp) {
        stamps[sub] = stamp
        if (counts[sub]!++ === 0) this.distinct++
      }
    }
  }

  /** Words of a document added so far (the write buffer removes documents before it is finished). */
  words(doc: number, into: Int32Array): number {
    const count = this.length(doc)
    readVBytes(this.forward.data, this.forwardStart.data[doc]!, count, into)
    return count
  }

  length(doc: number): number {
    let sum = 0
    for (let f = 0; f < this.fieldCount; f++) sum += this.fieldLength(doc, f)
    return sum
  }

  fieldLength(doc: number, field: number): number {
    return this.fieldLengths.data[doc * this.fieldCount + field]!
  }

  /**
   * Rewrites the forward index and the document frequencies through `table` (a worker's local term
   * ids → the index's global ones; `size` is the global vocabulary's).
   */
  remapTerms(table: Int32Array, size: number): void {
    const documents = this.ids.length
    const source = this.forward.data
    const sourceStarts = this.forwardStart.data
    const out = new GrowableBytes(this.forward.length + (this.forward.length >> 3) + 1024)
    const starts = new GrowableU32(documents + 1)
    starts.push(0)
    // one pass over the bytes, each code decoded and the global id encoded in place (no per-word calls)
    for (let doc = 0, p = 0; doc < documents; doc++) {
      const end = sourceStarts[doc + 1]!
      out.ensure(5 * (end - p))
      const bytes = out.data
      let at = out.length
      while (p < end) {
        let b = source[p++]!
        let local = b & 0x7f
        for (let shift = 7; b & 0x80; shift += 7) {
          b = source[p++]!
          local |= (b & 0x7f) << shift
        }
        let v = table[local]! >>> 0
        while (v >= 0x80) {
          bytes[at++] = (v & 0x7f) | 0x80
          v >>>= 7
        }
        bytes[at++] = v
      }
      out.length = at
      starts.push(at)
    }
    this.forward = out
    this.forwardStart = starts
    const counts = new Int32Array(Math.max(size, 1))
    for (let local = 0; local < table.length && local < this.counts.length; local++)
      counts[table[local]!] = this.counts[local]!
    this.counts = counts
    this.stamps = new Int32Array(counts.length)
  }

  remapAttributeValues(name: string, table: Int32Array): void {
    this.attributes.remap(name, table)
  }

  finish(
    parameters: Omit<Bm25fParameters, 'averageLengths'> & { averageLengths?: readonly number[]; clusterBy?: string },
    expansions: ExpansionSource = this.vocabulary,
  ): SegmentData {
    const size = this.ids.length
    const fieldCount = this.fieldCount
    const averageLengths =
      parameters.averageLengths ?? Array.from(this.lengthSums, (sum) => (size > 0 ? sum / size : 1))
    const bm25f: Bm25fParameters = { ...parameters, averageLengths }
    let ids = this.ids.slice()
    let forwardStart = this.forwardStart.toArray()
    let forward = this.forward.toArray()
    let fieldLengths = Uint16Array.from(this.fieldLengths.data.subarray(0, this.fieldLengths.length))
    let attributes = this.attributes.finish()
    const cluster = parameters.clusterBy === undefined ? undefined : attributes[parameters.clusterBy]
    if (cluster && size > 1) {
      const order = clusterOrder(cluster, size)
      const moved = new Uint8Array(forward.length)
      const starts = new Uint32Array(size + 1)
      const lengths = new Uint16Array(fieldLengths.length)
      order.forEach((old, doc) => {
        const bytes = forward.subarray(forwardStart[old]!, forwardStart[old + 1]!)
        moved.set(bytes, starts[doc]!)
        starts[doc + 1] = starts[doc]! + bytes.length
        lengths.set(fieldLengths.subarray(old * fieldCount, (old + 1) * fieldCount), doc * fieldCount)
      })
      ids = Array.from(order, (old) => ids[old]!)
      forward = moved
      forwardStart = starts
      fieldLengths = lengths
      attributes = permuteColumns(attributes, order)
    }
    const words = new Int32Array(this.longest + 1)
    const vocabularySize = Math.min(expansions.size, this.counts.length)
    const { pseudo, local } = scratchFor(expansions.size)
    const counts = this.counts
    const distinct = this.distinct
    const terms = new Int32Array(distinct)
    const postingStart = new Uint32Array(distinct + 1)
    for (let t = 0, l = 0; t < vocabularySize && l < distinct; t++) {
      if (counts[t] === 0) continue
      terms[l] = t
      local[t] = l
      postingStart[l + 1] = postingStart[l]! + counts[t]!
      l++
    }
    const fill = postingStart.slice(0, distinct)
    const postings = new Uint32Array(postingStart[distinct]!)
    const norms = new Float64Array(fieldCount)
    const k1 = parameters.k1
    const expansionStart = expansions.expansionStart
    const expansionCount = expansions.expansionCount
    const pool = expansions.expansionPool.data
    let touched = new Int32Array(1024)

    // per document: BM25F pseudo-frequencies of its words and their sub-words, quantized into the postings
    for (let doc = 0; doc < size; doc++) {
      const lengths = fieldLengths.subarray(doc * fieldCount, (doc + 1) * fieldCount)
      let total = 0
      for (let f = 0; f < fieldCount; f++) total += lengths[f]!
      readVBytes(forward, forwardStart[doc]!, total, words)
      fieldNorms(bm25f, lengths, norms)
      let n = 0
      let p = 0
      for (let f = 0; f < fieldCount; f++) {
        const w = norms[f]!
        for (let end = p + lengths[f]!; p < end; p++) {
          const term = words[p]!
          const start = expansionStart[term]!
          const stop = start + expansionCount[term]! - 1
          if (n + stop - start + 1 > touched.length) touched = ensureLength(touched, n + stop - start + 1)
          if (pseudo[term] === 0) touched[n++] = term
          pseudo[term]! += w
          for (let j = start; j < stop; j++) {
            const sub = pool[j]!
            if (pseudo[sub] === 0) touched[n++] = sub
            pseudo[sub]! += w
          }
        }
      }
      const key = doc * 256
      for (let j = 0; j < n; j++) {
        const term = touched[j]!
        const frequency = pseudo[term]!
        pseudo[term] = 0
        // saturated frequency quantized to 1..255 (quantizeImpact, inlined)
        const impact = ((frequency / (k1 + frequency)) * 255 + 0.5) | 0
        postings[fill[local[term]!]!++] = key + Math.max(impact, 1)
      }
    }
    const blocks = layOutBlocks(postingStart, postings)
    return {
      size,
      fieldCount,
      ids,
      terms,
      postingStart,
      postings,
      ...blocks,
      forwardStart,
      forward,
      fieldLengths,
      averageLengths,
      attributes,
    }
  }
}

/** Per block of BLOCK_SIZE postings: its largest impact and last document; per term: its largest impact. */
export function layOutBlocks(
  postingStart: Uint32Array,
  postings: Uint32Array,
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
      for (; p < end; p++) if ((postings[p]! & 255) > max) max = postings[p]! & 255
      blockMax[b] = max
      blockLast[b] = postings[end - 1]! >>> 8
      if (max > best) best = max
    }
    termMax[l] = best
  }
  return { blockStart, blockMax, blockLast, termMax }
}
