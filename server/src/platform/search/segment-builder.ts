import {
  type AttributeColumn,
  AttributeColumnsBuilder,
  type AttributeSchema,
  type Attributes,
  type ValueDictionary,
} from './attributes'
import { ensureLength, GrowableBytes, GrowableU32 } from './growable'
import { type Bm25fParameters, fieldNorms, quantizeImpact } from './scoring'
import { BLOCK_SIZE, MAX_SEGMENT_DOCUMENTS, type Segment, type SegmentData } from './segment'
import { readVBytes, writeVByte } from './vbyte'

const MAX_FIELD_LENGTH = 0xffff

/** Term-indexed scratch arrays shared by every build in the process; each build leaves them zeroed. */
const scratch = { counts: new Int32Array(1024), pseudo: new Float64Array(1024), local: new Int32Array(1024) }

function scratchFor(vocabularySize: number): typeof scratch {
  if (scratch.counts.length < vocabularySize) {
    scratch.counts = ensureLength(scratch.counts, vocabularySize)
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
 * Builds one immutable segment. `add` only writes each document's words (term ids) to the forward index;
 * `finish`, once the average field lengths are known, reads the forward index twice — counting document
 * frequencies (a word counts for its dictionary sub-words too), then computing every (term, document)
 * BM25F impact straight into its place in the postings — and lays out blocks and block maxima.
 */
export class SegmentBuilder {
  readonly ids: string[] = []
  readonly lengthSums: Float64Array
  private forward = new GrowableBytes(1 << 16)
  private forwardStart = new GrowableU32()
  private readonly fieldLengths = new GrowableU32()
  private readonly attributes: AttributeColumnsBuilder
  private longest = 0

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
    this.ids.push(id)
    let total = 0
    for (let f = 0; f < this.fieldCount; f++) {
      const words = fields[f] ?? []
      const length = Math.min(words.length, MAX_FIELD_LENGTH)
      this.fieldLengths.push(length)
      this.lengthSums[f]! += length
      total += length
      for (let i = 0; i < length; i++) writeVByte(this.forward, words[i]!)
    }
    if (total > this.longest) this.longest = total
    this.forwardStart.push(this.forward.length)
    this.attributes.add(attributes)
  }

  /** Copies a live document of another segment (merges): forward bytes as they are, attributes by id. */
  copy(segment: Segment, doc: number): void {
    const data = segment.data
    this.ids.push(data.ids[doc]!)
    let total = 0
    for (let f = 0; f < this.fieldCount; f++) {
      const length = segment.fieldLength(doc, f)
      this.fieldLengths.push(length)
      this.lengthSums[f]! += length
      total += length
    }
    if (total > this.longest) this.longest = total
    const bytes = data.forward.subarray(data.forwardStart[doc]!, data.forwardStart[doc + 1]!)
    this.forward.ensure(bytes.length)
    this.forward.data.set(bytes, this.forward.length)
    this.forward.length += bytes.length
    this.forwardStart.push(this.forward.length)
    this.attributes.copy(data.attributes, doc)
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

  /** Rewrites the forward index through `table` (a worker's local term ids → the index's global ones). */
  remapTerms(table: Int32Array): void {
    const size = this.ids.length
    const words = new Int32Array(this.longest + 1)
    const out = new GrowableBytes(this.forward.length + 1024)
    const starts = new GrowableU32(size + 1)
    starts.push(0)
    for (let doc = 0; doc < size; doc++) {
      const count = this.words(doc, words)
      for (let i = 0; i < count; i++) writeVByte(out, table[words[i]!]!)
      starts.push(out.length)
    }
    this.forward = out
    this.forwardStart = starts
  }

  remapAttributeValues(name: string, table: Int32Array): void {
    this.attributes.remap(name, table)
  }

  finish(
    parameters: Omit<Bm25fParameters, 'averageLengths'> & { averageLengths?: readonly number[] },
    expansions: ExpansionSource = this.vocabulary,
  ): SegmentData {
    const size = this.ids.length
    const fieldCount = this.fieldCount
    const averageLengths =
      parameters.averageLengths ?? Array.from(this.lengthSums, (sum) => (size > 0 ? sum / size : 1))
    const bm25f: Bm25fParameters = { ...parameters, averageLengths }
    const forwardStart = this.forwardStart.toArray()
    const forward = this.forward.toArray()
    const fieldLengths = Uint16Array.from(this.fieldLengths.data.subarray(0, this.fieldLengths.length))
    const words = new Int32Array(this.longest + 1)
    const totals = new Uint32Array(size)
    for (let doc = 0; doc < size; doc++) {
      let total = 0
      for (let f = 0; f < fieldCount; f++) total += fieldLengths[doc * fieldCount + f]!
      totals[doc] = total
    }
    // every word's sub-words must be derived before the vocabulary size is read
    const vocabulary = expansions
    for (let doc = 0; doc < size; doc++) {
      readVBytes(forward, forwardStart[doc]!, totals[doc]!, words)
      for (let p = 0; p < totals[doc]!; p++)
        if (vocabulary.expansionCount[words[p]!] === 0) vocabulary.expansion(words[p]!)
    }
    const vocabularySize = vocabulary.size
    const { counts, pseudo, local } = scratchFor(vocabularySize)
    const expansionStart = vocabulary.expansionStart
    const expansionCount = vocabulary.expansionCount
    const pool = vocabulary.expansionPool.data
    let touched = new Int32Array(1024)

    // pass 1: document frequencies (pseudo[] marks a term as seen in the current document)
    let distinct = 0
    for (let doc = 0; doc < size; doc++) {
      const total = totals[doc]!
      readVBytes(forward, forwardStart[doc]!, total, words)
      let n = 0
      for (let p = 0; p < total; p++) {
        const term = words[p]!
        const start = expansionStart[term]!
        const end = start + expansionCount[term]! - 1
        if (n + end - start + 1 > touched.length) touched = ensureLength(touched, n + end - start + 1)
        if (pseudo[term] === 0) {
          pseudo[term] = 1
          touched[n++] = term
        }
        for (let j = start; j < end; j++) {
          const sub = pool[j]!
          if (pseudo[sub] === 0) {
            pseudo[sub] = 1
            touched[n++] = sub
          }
        }
      }
      for (let j = 0; j < n; j++) {
        const term = touched[j]!
        pseudo[term] = 0
        if (counts[term]!++ === 0) distinct++
      }
    }

    const terms = new Int32Array(distinct)
    const postingStart = new Uint32Array(distinct + 1)
    for (let t = 0, l = 0; t < vocabularySize && l < distinct; t++) {
      if (counts[t] === 0) continue
      terms[l] = t
      local[t] = l
      postingStart[l + 1] = postingStart[l]! + counts[t]!
      counts[t] = 0
      l++
    }
    const fill = postingStart.slice(0, distinct)
    const postingCount = postingStart[distinct]!
    const postings = new Uint32Array(postingCount)
    const norms = new Float64Array(fieldCount)
    const { k1 } = parameters

    // pass 2: BM25F pseudo-frequencies per document, quantized into the postings
    for (let doc = 0; doc < size; doc++) {
      readVBytes(forward, forwardStart[doc]!, totals[doc]!, words)
      const lengths = fieldLengths.subarray(doc * fieldCount, (doc + 1) * fieldCount)
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
      for (let j = 0; j < n; j++) {
        const term = touched[j]!
        const at = fill[local[term]!]!++
        postings[at] = doc * 256 + quantizeImpact(pseudo[term]!, k1)
        pseudo[term] = 0
      }
    }
    const blocks = layOutBlocks(postingStart, postings)
    return {
      size,
      fieldCount,
      ids: this.ids.slice(),
      terms,
      postingStart,
      postings,
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
