import fs from 'node:fs'
import { AppError } from '../errors/errors'
import type { AttributeColumn } from './attributes'
import { SearchIndex } from './search-index'
import type { SegmentData } from './segment'
import type { SearchIndexConfig } from './types'

const MAGIC = 'FMSEARCH1'

type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array
type TypeName = 'i32' | 'u32' | 'u16' | 'u8' | 'f64'
const CONSTRUCTORS = { i32: Int32Array, u32: Uint32Array, u16: Uint16Array, u8: Uint8Array, f64: Float64Array }

function typeName(a: Typed): TypeName {
  if (a instanceof Int32Array) return 'i32'
  if (a instanceof Uint32Array) return 'u32'
  if (a instanceof Uint16Array) return 'u16'
  if (a instanceof Float64Array) return 'f64'
  return 'u8'
}

interface ArrayRef {
  type: TypeName
  offset: number
  length: number
}

const SEGMENT_ARRAYS = [
  'terms',
  'postingStart',
  'postings',
  'blockStart',
  'blockMax',
  'blockLast',
  'termMax',
  'forwardStart',
  'forward',
  'fieldLengths',
] as const

interface Header {
  magic: string
  fields: string[]
  terms: string[]
  dictionaries: Record<string, string[]>
  live: number
  lengthSums: number[]
  reranker: SearchIndex['reranker']
  vocabulary: Record<'df' | 'expansionStart' | 'expansionCount' | 'expansionPool', ArrayRef>
  segments: {
    size: number
    fieldCount: number
    averageLengths: number[]
    ids: string[]
    arrays: Record<(typeof SEGMENT_ARRAYS)[number] | 'deleted', ArrayRef>
    attributes: Record<string, { kind: AttributeColumn['kind']; values: ArrayRef; offsets?: ArrayRef }>
  }[]
}

/**
 * Writes the whole index to one file: a JSON header (words, attribute values, ids, statistics) and the
 * typed arrays as they are in memory, so a restart maps them back instead of rebuilding. Replay the
 * change feed from the snapshot's time on after reading it.
 */
export function writeSnapshot(index: SearchIndex, file: string): number {
  const chunks: Typed[] = []
  let offset = 0
  const ref = (a: Typed): ArrayRef => {
    const r = { type: typeName(a), offset, length: a.length }
    chunks.push(a)
    offset += Math.ceil(a.byteLength / 8) * 8
    return r
  }
  const vocabulary = index.vocabulary
  const size = vocabulary.size
  const state = index.exportState()
  const header: Header = {
    magic: MAGIC,
    fields: index.config.fields.map((f) => f.name),
    terms: vocabulary.terms,
    dictionaries: Object.fromEntries([...index.dictionaries].map(([name, d]) => [name, d.values])),
    live: state.live,
    lengthSums: Array.from(state.lengthSums),
    reranker: index.reranker,
    vocabulary: {
      df: ref(vocabulary.df.subarray(0, size)),
      expansionStart: ref(vocabulary.expansionStart.subarray(0, size)),
      expansionCount: ref(vocabulary.expansionCount.subarray(0, size)),
      expansionPool: ref(vocabulary.expansionPool.data.subarray(0, vocabulary.expansionPool.length)),
    },
    segments: state.segments.map((segment) => {
      const d = segment.data
      const arrays = Object.fromEntries(
        SEGMENT_ARRAYS.map((name) => [name, ref(d[name])]),
      ) as Header['segments'][number]['arrays']
      arrays.deleted = ref(segment.deleted)
      const attributes: Header['segments'][number]['attributes'] = {}
      for (const [name, column] of Object.entries(d.attributes)) {
        attributes[name] = {
          kind: column.kind,
          values: ref(column.values),
          ...(column.kind === 'keywords' ? { offsets: ref(column.offsets) } : {}),
        }
      }
      return {
        size: d.size,
        fieldCount: d.fieldCount,
        averageLengths: [...d.averageLengths],
        ids: [...d.ids],
        arrays,
        attributes,
      }
    }),
  }
  const json = Buffer.from(JSON.stringify(header))
  const prefix = Buffer.alloc(16)
  prefix.write(MAGIC, 0)
  prefix.writeUInt32LE(json.length, 12)
  const pad = (8 - ((16 + json.length) % 8)) % 8
  const fd = fs.openSync(file, 'w')
  try {
    fs.writeSync(fd, prefix)
    fs.writeSync(fd, json)
    fs.writeSync(fd, Buffer.alloc(pad))
    for (const a of chunks) {
      fs.writeSync(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
      const rest = Math.ceil(a.byteLength / 8) * 8 - a.byteLength
      if (rest > 0) fs.writeSync(fd, Buffer.alloc(rest))
    }
  } finally {
    fs.closeSync(fd)
  }
  return 16 + json.length + pad + offset
}

/** Reads a snapshot written by writeSnapshot for the same configuration (fields in the same order). */
export function readSnapshot(file: string, config: SearchIndexConfig): SearchIndex {
  let bytes = fs.readFileSync(file)
  // typed-array views need 8-byte alignment of the underlying buffer
  if (bytes.byteOffset % 8 !== 0) {
    const aligned = new Uint8Array(bytes.length)
    aligned.set(bytes)
    bytes = Buffer.from(aligned.buffer)
  }
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC)
    throw new AppError('INTERNAL', '索引快照文件无法识别', { file })
  const jsonLength = bytes.readUInt32LE(12)
  const header = JSON.parse(bytes.toString('utf8', 16, 16 + jsonLength)) as Header
  if (header.fields.join() !== config.fields.map((f) => f.name).join())
    throw new AppError('INTERNAL', '索引快照与当前字段配置不一致', { snapshot: header.fields })
  const base = bytes.byteOffset + 16 + jsonLength + ((8 - ((16 + jsonLength) % 8)) % 8)
  const array = (r: ArrayRef): Typed => new CONSTRUCTORS[r.type](bytes.buffer, base + r.offset, r.length)
  const index = new SearchIndex({ ...config, ...(header.reranker ? { reranker: header.reranker } : {}) })
  const vocabulary = index.vocabulary
  for (const term of header.terms) vocabulary.intern(term)
  vocabulary.df.set(array(header.vocabulary.df))
  vocabulary.expansionStart.set(array(header.vocabulary.expansionStart))
  vocabulary.expansionCount.set(array(header.vocabulary.expansionCount))
  const pool = array(header.vocabulary.expansionPool)
  vocabulary.expansionPool.grow(pool.length + 1)
  vocabulary.expansionPool.data.set(pool)
  vocabulary.expansionPool.length = pool.length
  for (const [name, values] of Object.entries(header.dictionaries)) {
    const dictionary = index.dictionaries.get(name)
    if (dictionary) for (const v of values.slice(1)) dictionary.intern(v)
  }
  const segments = header.segments.map((s) => {
    const attributes: Record<string, AttributeColumn> = {}
    for (const [name, c] of Object.entries(s.attributes)) {
      if (c.kind === 'keywords')
        attributes[name] = {
          kind: 'keywords',
          values: array(c.values) as Uint32Array,
          offsets: array(c.offsets!) as Uint32Array,
        }
      else if (c.kind === 'keyword') attributes[name] = { kind: 'keyword', values: array(c.values) as Uint32Array }
      else attributes[name] = { kind: 'number', values: array(c.values) as Float64Array }
    }
    const a = s.arrays
    const data: SegmentData = {
      size: s.size,
      fieldCount: s.fieldCount,
      ids: s.ids,
      averageLengths: s.averageLengths,
      terms: array(a.terms) as Int32Array,
      postingStart: array(a.postingStart) as Uint32Array,
      postings: array(a.postings) as Uint32Array,
      blockStart: array(a.blockStart) as Uint32Array,
      blockMax: array(a.blockMax) as Uint8Array,
      blockLast: array(a.blockLast) as Uint32Array,
      termMax: array(a.termMax) as Uint8Array,
      forwardStart: array(a.forwardStart) as Uint32Array,
      forward: array(a.forward) as Uint8Array,
      fieldLengths: array(a.fieldLengths) as Uint16Array,
      attributes,
    }
    return { data, deleted: array(a.deleted) as Uint8Array }
  })
  index.restoreSegments(segments, header.live, header.lengthSums)
  return index
}
