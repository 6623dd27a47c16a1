import { parentPort, workerData } from 'node:worker_threads'
import { addWords, isStopword, segment, subwords } from '../text/tokenize'
import { createDictionaries } from './attributes'
import { DocumentTerms } from './document-terms'
import type { BuildInput, FromWorker, ToWorker, WorkerSetup } from './parallel-build'
import { type ExpansionSource, SegmentBuilder } from './segment-builder'
import { Vocabulary } from './vocabulary'

/**
 * One core's share of a parallel build: segments (or splits) its records, interns words in its own
 * vocabulary, and once the main thread has merged the vocabularies, rewrites its segment in global ids.
 */
const setup = workerData as WorkerSetup
if (setup.extraWords.length > 0) addWords(setup.extraWords)
const vocabulary = new Vocabulary(subwords)
const terms = new DocumentTerms(vocabulary, isStopword)
const dictionaries = createDictionaries(setup.attributes)
const builder = new SegmentBuilder(vocabulary, setup.fields.length, setup.attributes, dictionaries)
const port = parentPort!
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)

function fieldWords(doc: BuildInput, field: string): readonly string[] | string {
  const text = doc.text?.[field]
  if (text !== undefined) return segment(text)
  return doc.words?.[field] ?? []
}

function globalView(table: Int32Array, size: number): ExpansionSource {
  const expansionStart = new Int32Array(size)
  const expansionCount = new Int32Array(size)
  const pool: number[] = []
  for (let local = 0; local < vocabulary.size; local++) {
    // words seen only inside longer words have no sub-words of their own yet; they are not in the forward index
    if (!vocabulary.hasExpansion(local)) continue
    const global = table[local]!
    expansionStart[global] = pool.length
    for (const sub of vocabulary.expansion(local)) pool.push(table[sub]!)
    expansionCount[global] = vocabulary.expansionCount[local]!
  }
  const data = Uint32Array.from(pool)
  return { size, expansionStart, expansionCount, expansionPool: { data }, expansion: () => new Uint32Array(0) }
}

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'batch') {
      for (const doc of message.docs) {
        const ids = setup.fields.map((f, slot) => terms.ids(fieldWords(doc, f.name), slot))
        builder.add(doc.id, ids, doc.attributes)
      }
      post({ type: 'ack' })
    } else if (message.type === 'stats') {
      post({
        type: 'stats',
        terms: vocabulary.terms,
        expansionCount: vocabulary.expansionCount.slice(0, vocabulary.size),
        expansionStart: vocabulary.expansionStart.slice(0, vocabulary.size),
        expansionPool: vocabulary.expansionPool.toArray(),
        lengthSums: Array.from(builder.lengthSums),
        count: builder.size,
        dictionaries: Object.fromEntries([...dictionaries].map(([name, d]) => [name, d.values])),
      })
    } else {
      builder.remapTerms(message.table, message.globalSize)
      for (const [name, table] of Object.entries(message.valueTables)) builder.remapAttributeValues(name, table)
      const data = builder.finish(
        { k1: setup.k1, fields: setup.fields, averageLengths: message.averageLengths, clusterBy: setup.clusterBy },
        globalView(message.table, message.globalSize),
      )
      const buffers = new Set<ArrayBuffer>()
      for (const value of Object.values(data)) if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer)
      for (const column of Object.values(data.attributes)) {
        buffers.add(column.values.buffer as ArrayBuffer)
        if (column.kind === 'keywords') buffers.add(column.offsets.buffer as ArrayBuffer)
      }
      // the main thread kept the ids it sent; only a clustered segment, reordered here, sends them back
      post({ type: 'segment', data: setup.clusterBy === undefined ? { ...data, ids: [] } : data }, [...buffers])
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
