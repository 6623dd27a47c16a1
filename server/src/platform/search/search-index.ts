import { isStopword as defaultIsStopword, subwords as defaultSubwords } from '../text/tokenize'
import { createDictionaries, type ValueDictionary } from './attributes'
import { DocumentTerms } from './document-terms'
import { ensureLength } from './growable'
import { DEFAULT_QUERY_OPTIONS, type QueryOptions } from './query'
import { FIRST_STAGE_ONLY, type RerankerModel } from './reranker'
import { runSearch } from './searcher'
import { MAX_SEGMENT_DOCUMENTS, newOrdinal, Segment, type SegmentData } from './segment'
import { SegmentBuilder } from './segment-builder'
import type { IndexDocument, SearchIndexConfig, SearchRequest, SearchResponse } from './types'
import { Vocabulary } from './vocabulary'

const LOCAL_BITS = MAX_SEGMENT_DOCUMENTS

export interface ResolvedConfig extends Required<Omit<SearchIndexConfig, 'query' | 'reranker' | 'clusterBy'>> {
  readonly clusterBy: string | undefined
  readonly query: QueryOptions
}

function resolve(config: SearchIndexConfig): ResolvedConfig {
  return {
    fields: config.fields,
    attributes: config.attributes ?? {},
    k1: config.k1 ?? 1.2,
    clusterBy: config.clusterBy,
    agreementAttributes: config.agreementAttributes ?? [],
    rerankDepth: config.rerankDepth ?? 50,
    query: { ...DEFAULT_QUERY_OPTIONS, ...config.query },
    bufferLimit: config.bufferLimit ?? 4096,
    maxSegments: config.maxSegments ?? 8,
    subwords: config.subwords ?? defaultSubwords,
    isStopword: config.isStopword ?? defaultIsStopword,
  }
}

/**
 * The in-process search index: sealed segments plus a write buffer. Writes (upsert, remove) apply at
 * once; deleted documents are tombstones until their segment is merged. Document frequencies, the
 * document count and average field lengths always describe the live documents.
 */
export class SearchIndex {
  readonly config: ResolvedConfig
  readonly vocabulary: Vocabulary
  readonly dictionaries: Map<string, ValueDictionary>
  reranker: RerankerModel
  private readonly documentTerms: DocumentTerms
  private sealed: Segment[] = []
  private readonly byOrdinal = new Map<number, Segment>()
  private readonly handles = new Map<string, number>()
  private buffer: SegmentBuilder
  private bufferOrdinal = newOrdinal()
  private bufferSegment: Segment | null = null
  private bufferDeleted: number[] = []
  private live = 0
  private readonly lengthSums: Float64Array
  private stamps = new Int32Array(1024)
  private stamp = 0
  private scratch = new Int32Array(1024)

  constructor(config: SearchIndexConfig) {
    this.config = resolve(config)
    this.vocabulary = new Vocabulary(this.config.subwords)
    this.documentTerms = new DocumentTerms(this.vocabulary, this.config.isStopword)
    this.dictionaries = createDictionaries(this.config.attributes)
    this.reranker = config.reranker ?? FIRST_STAGE_ONLY
    this.lengthSums = new Float64Array(this.config.fields.length)
    this.buffer = this.newBuilder()
  }

  /** Builds an index from stored tokens in one pass over the records (a rebuild at start). */
  static fromDocuments(config: SearchIndexConfig, documents: Iterable<IndexDocument>): SearchIndex {
    const load = SearchIndex.bulkLoad(config)
    for (const doc of documents) load.add(doc)
    return load.finish()
  }

  /** The same from pages read one after another (a rebuild from the database holds one page, not every record). */
  static async fromDocumentPages(
    config: SearchIndexConfig,
    pages: AsyncIterable<Iterable<IndexDocument>>,
  ): Promise<SearchIndex> {
    const load = SearchIndex.bulkLoad(config)
    for await (const page of pages) for (const doc of page) load.add(doc)
    return load.finish()
  }

  private static bulkLoad(config: SearchIndexConfig): { add(doc: IndexDocument): void; finish(): SearchIndex } {
    const index = new SearchIndex(config)
    let builder = index.newBuilder()
    const parameters = { k1: index.config.k1, fields: index.config.fields, clusterBy: index.config.clusterBy }
    return {
      add(doc) {
        if (builder.size === MAX_SEGMENT_DOCUMENTS) {
          index.install(builder.finish(parameters))
          builder = index.newBuilder()
        }
        builder.add(doc.id, index.termIds(doc), doc.attributes)
      },
      finish() {
        index.install(builder.finish(parameters))
        return index
      },
    }
  }

  get size(): number {
    return this.live
  }

  has(id: string): boolean {
    return this.handles.has(id)
  }

  /** Adds a record or replaces its previous version. */
  upsert(doc: IndexDocument): void {
    this.remove(doc.id)
    const terms = this.termIds(doc)
    const local = this.buffer.size
    this.buffer.add(doc.id, terms, doc.attributes)
    this.handles.set(doc.id, this.bufferOrdinal * LOCAL_BITS + local)
    this.countDocument(
      terms.flatMap((t) => Array.from(t)),
      +1,
    )
    terms.forEach((t, f) => {
      this.lengthSums[f]! += t.length
    })
    this.live++
    this.bufferSegment = null
    if (this.buffer.size >= this.config.bufferLimit) this.seal()
  }

  remove(id: string): boolean {
    const handle = this.handles.get(id)
    if (handle === undefined) return false
    this.handles.delete(id)
    const ordinal = Math.floor(handle / LOCAL_BITS)
    const local = handle - ordinal * LOCAL_BITS
    // buffered documents are read from the builder: finishing the buffer on every replace would be quadratic
    const source = ordinal === this.bufferOrdinal ? this.buffer : this.byOrdinal.get(ordinal)
    if (!source) return false
    this.scratch = ensureLength(this.scratch, source.length(local) + 1)
    const count = source.words(local, this.scratch)
    this.countDocument(Array.from(this.scratch.subarray(0, count)), -1)
    for (let f = 0; f < this.config.fields.length; f++) this.lengthSums[f]! -= source.fieldLength(local, f)
    if (ordinal === this.bufferOrdinal) {
      this.bufferDeleted.push(local)
      this.bufferSegment = null
    } else {
      const segment = source as Segment
      segment.deleted[local] = 1
      segment.deletedCount++
    }
    this.live--
    return true
  }

  search(request: SearchRequest): SearchResponse {
    return runSearch(this, request)
  }

  /** Seals the write buffer and rewrites everything into one segment without tombstones (a quiet hour's job). */
  compact(): void {
    this.seal()
    if (this.sealed.length > 1 || this.sealed.some((s) => s.deletedCount > 0)) this.merge([...this.sealed])
  }

  /** Segments in search order (sealed, then the buffer). */
  segments(): Segment[] {
    const buffer = this.currentBuffer()
    return buffer && buffer.size > 0 ? [...this.sealed, buffer] : [...this.sealed]
  }

  averageLengths(): number[] {
    return Array.from(this.lengthSums, (sum) => (this.live > 0 ? sum / this.live : 1))
  }

  /** Bytes held by the index's arrays, vocabulary and id map (an estimate for strings and maps). */
  memoryBytes(): number {
    let bytes = 0
    for (const s of this.segments()) bytes += s.byteSize() + s.size * 8
    for (const t of this.vocabulary.terms) bytes += 2 * t.length + 64
    for (const id of this.handles.keys()) bytes += 2 * id.length + 56
    return bytes
  }

  /** What a snapshot needs: every segment (the buffer included), the live counts and length sums. */
  exportState(): { segments: Segment[]; live: number; lengthSums: Float64Array } {
    return { segments: this.segments(), live: this.live, lengthSums: this.lengthSums.slice() }
  }

  /**
   * Puts back segments whose tombstones and statistics were saved with them (snapshots): document
   * frequencies are restored by the caller, so nothing is recounted here.
   */
  restoreSegments(
    segments: readonly { data: SegmentData; deleted: Uint8Array }[],
    live: number,
    lengthSums: ArrayLike<number>,
  ): void {
    for (const { data, deleted } of segments) {
      const segment = new Segment(data)
      segment.deleted.set(deleted)
      segment.deletedCount = deleted.reduce((n, x) => n + x, 0)
      this.sealed.push(segment)
      this.byOrdinal.set(segment.ordinal, segment)
      data.ids.forEach((id, local) => {
        if (deleted[local] === 0) this.handles.set(id, segment.ordinal * LOCAL_BITS + local)
      })
    }
    this.live = live
    this.lengthSums.set(Array.from(lengthSums))
  }

  /** Installs a finished segment (bulk builds, parallel builds, snapshots). */
  install(data: SegmentData): Segment {
    const segment = new Segment(data)
    const df = this.vocabulary.df
    for (let l = 0; l < data.terms.length; l++) df[data.terms[l]!]! += data.postingStart[l + 1]! - data.postingStart[l]!
    this.sealed.push(segment)
    this.byOrdinal.set(segment.ordinal, segment)
    for (let f = 0; f < data.fieldCount; f++)
      for (let d = 0; d < data.size; d++) this.lengthSums[f]! += data.fieldLengths[d * data.fieldCount + f]!
    this.live += data.size
    data.ids.forEach((id, local) => {
      this.remove(id)
      this.handles.set(id, segment.ordinal * LOCAL_BITS + local)
    })
    return segment
  }

  /** Term ids of a record's fields, stopwords dropped (interning new words). */
  termIds(doc: IndexDocument): Int32Array[] {
    return this.config.fields.map((field, f) => this.documentTerms.ids(doc.fields[field.name] ?? [], f))
  }

  private newBuilder(): SegmentBuilder {
    return new SegmentBuilder(this.vocabulary, this.config.fields.length, this.config.attributes, this.dictionaries)
  }

  private currentBuffer(): Segment | null {
    if (this.buffer.size === 0) return null
    if (!this.bufferSegment) {
      const data = this.buffer.finish({
        k1: this.config.k1,
        fields: this.config.fields,
        averageLengths: this.averageLengths(),
      })
      this.bufferSegment = new Segment(data, this.bufferOrdinal)
      for (const local of this.bufferDeleted) this.bufferSegment.deleted[local] = 1
      this.bufferSegment.deletedCount = this.bufferDeleted.length
    }
    return this.bufferSegment
  }

  private seal(): void {
    const segment = this.currentBuffer()
    if (segment) {
      this.sealed.push(segment)
      this.byOrdinal.set(segment.ordinal, segment)
    }
    this.buffer = this.newBuilder()
    this.bufferOrdinal = newOrdinal()
    this.bufferSegment = null
    this.bufferDeleted = []
    if (this.sealed.length > this.config.maxSegments) {
      const bySize = [...this.sealed].sort((a, b) => a.liveCount - b.liveCount)
      this.merge(bySize.slice(0, bySize.length - Math.floor(this.config.maxSegments / 2)))
    }
  }

  /** Rewrites segments' live documents into one new segment; document frequencies do not change. */
  private merge(segments: readonly Segment[]): void {
    if (segments.length === 0) return
    const builder = this.newBuilder()
    for (const segment of segments) {
      for (let doc = 0; doc < segment.size; doc++) {
        if (segment.deleted[doc] === 1) continue
        this.scratch = ensureLength(this.scratch, segment.length(doc) + 1)
        builder.copy(segment, doc, this.scratch)
      }
    }
    const merged = new Segment(
      builder.finish({
        k1: this.config.k1,
        fields: this.config.fields,
        averageLengths: this.averageLengths(),
        clusterBy: this.config.clusterBy,
      }),
    )
    const gone = new Set(segments)
    const at = this.sealed.findIndex((s) => gone.has(s))
    this.sealed = this.sealed.filter((s) => !gone.has(s))
    if (merged.size > 0) this.sealed.splice(at, 0, merged)
    for (const s of segments) this.byOrdinal.delete(s.ordinal)
    this.byOrdinal.set(merged.ordinal, merged)
    merged.data.ids.forEach((id, local) => {
      this.handles.set(id, merged.ordinal * LOCAL_BITS + local)
    })
  }

  /** Adds or removes one document's unique terms (and their sub-words) from the document frequencies. */
  private countDocument(terms: readonly number[], delta: number): void {
    this.stamp++
    const vocabulary = this.vocabulary
    const bump = (t: number) => {
      if (t >= this.stamps.length) this.stamps = ensureLength(this.stamps, vocabulary.size)
      if (this.stamps[t] === this.stamp) return
      this.stamps[t] = this.stamp
      vocabulary.df = ensureLength(vocabulary.df, vocabulary.size)
      vocabulary.df[t]! += delta
    }
    for (const t of terms) {
      bump(t)
      for (const sub of vocabulary.expansion(t)) bump(sub)
    }
  }
}
