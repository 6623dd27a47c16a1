import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { AppError } from '../errors/errors'
import { addWords, segment } from '../text/tokenize'
import type { AttributeSchema, Attributes } from './attributes'
import type { FieldConfig } from './scoring'
import { SearchIndex } from './search-index'
import type { SegmentData } from './segment'
import type { SearchIndexConfig } from './types'

/** A record for a rebuild: its raw text per field (segmented in the workers) or its stored words. */
export interface BuildInput {
  readonly id: string
  readonly text?: Readonly<Record<string, string>>
  /** Stored words per field, as an array or as the space-separated string PostgreSQL keeps. */
  readonly words?: Readonly<Record<string, readonly string[] | string>>
  readonly attributes?: Attributes
}

export interface WorkerSetup {
  readonly fields: readonly FieldConfig[]
  readonly attributes: AttributeSchema
  readonly k1: number
  readonly clusterBy: string | undefined
  readonly extraWords: readonly string[]
}

export type ToWorker =
  | { type: 'batch'; docs: readonly BuildInput[] }
  | { type: 'stats' }
  | {
      type: 'finish'
      table: Int32Array
      globalSize: number
      averageLengths: number[]
      valueTables: Record<string, Int32Array>
    }

export type FromWorker =
  | { type: 'ack' }
  | {
      type: 'stats'
      terms: string[]
      expansionStart: Int32Array
      expansionCount: Int32Array
      expansionPool: Uint32Array
      lengthSums: number[]
      count: number
      dictionaries: Record<string, string[]>
    }
  | { type: 'segment'; data: SegmentData }
  | { type: 'error'; message: string }

class BuildWorker {
  private readonly worker: Worker
  private waiting: ((message: FromWorker) => void)[] = []
  private failure: Error | undefined
  private readonly inFlight = new Set<Promise<unknown>>()
  /** Ids of the records sent, in order: the finished segment comes back without them (no second copy). */
  readonly ids: string[] = []

  constructor(setup: WorkerSetup) {
    const worker = new URL('./build-worker.ts', import.meta.url).href
    // the worker is TypeScript: register tsx's loader inside the worker first (Node 20 workers do not
    // inherit the parent's --import hooks), then load it
    const tsx = import.meta.resolve('tsx/esm/api')
    const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}) })`
    this.worker = new Worker(bootstrap, { eval: true, workerData: setup })
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'error') this.failure = new Error(message.message)
      this.waiting.shift()?.(message)
    })
    this.worker.on('error', (error) => {
      this.failure = error
      for (const resolve of this.waiting.splice(0)) resolve({ type: 'error', message: error.message })
    })
  }

  get pending(): number {
    return this.inFlight.size
  }

  send(message: ToWorker): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiting.push((reply) => (reply.type === 'error' ? reject(new Error(reply.message)) : resolve(reply)))
      this.worker.postMessage(message)
    })
  }

  /** Sends a batch without waiting for the worker to take it in. */
  enqueue(docs: readonly BuildInput[]): void {
    for (const doc of docs) this.ids.push(doc.id)
    const done: Promise<unknown> = this.send({ type: 'batch', docs }).finally(() => this.inFlight.delete(done))
    // a failure surfaces where the caller waits (ready, drained); this only keeps it from being unhandled
    done.catch(() => undefined)
    this.inFlight.add(done)
  }

  /** Resolves once fewer than `limit` batches wait at this worker (two keep it busy without buffering the source). */
  async ready(limit = 2): Promise<void> {
    while (this.inFlight.size >= limit) await Promise.race(this.inFlight)
  }

  async drained(): Promise<void> {
    await Promise.all(this.inFlight)
  }

  /** Any batch of this worker settling (for a caller waiting on several workers). */
  settled(): Promise<unknown>[] {
    return [...this.inFlight]
  }

  terminate(): Promise<number> {
    return this.worker.terminate()
  }
}

/**
 * Rebuilds an index on several cores: records are dealt out to worker threads in batches; each worker
 * segments or splits them and builds a segment in its own vocabulary; the main thread merges the
 * vocabularies and attribute values, sends back the id tables and the global average field lengths,
 * and installs the finished segments (their arrays are transferred, not copied). Uses the default
 * tokenizer (jieba with the domain dictionary, plus `extraWords`).
 *
 * Starting a worker costs about 0.7 s of CPU under tsx (a module-hooks thread, the modules, jieba's
 * dictionary) and each worker derives the sub-words of its whole vocabulary again: a fixed cost near
 * 3 CPU-seconds for two workers, five times the work of 10,000 records. Below `oneThreadBelow` records
 * (default 50,000) the index is therefore built on this thread, and no worker is started.
 */
export async function buildIndexInParallel(
  config: SearchIndexConfig,
  batches: AsyncIterable<readonly BuildInput[]> | Iterable<readonly BuildInput[]>,
  options: { workers?: number; extraWords?: readonly string[]; oneThreadBelow?: number } = {},
): Promise<SearchIndex> {
  const source = (Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]()) as
    | AsyncIterator<readonly BuildInput[]>
    | Iterator<readonly BuildInput[]>
  const head: (readonly BuildInput[])[] = []
  let buffered = 0
  let exhausted = false
  while (buffered < (options.oneThreadBelow ?? 50_000)) {
    const next = await source.next()
    if (next.done) {
      exhausted = true
      break
    }
    head.push(next.value)
    buffered += next.value.length
  }
  if (exhausted) return buildOnThisThread(config, head, options.extraWords ?? [])
  async function* rest(): AsyncGenerator<readonly BuildInput[]> {
    yield* head
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value
  }
  return buildOnWorkers(config, rest(), options)
}

/** A small rebuild: the same index, segmented and built here (the fixed cost of workers would dominate). */
function buildOnThisThread(
  config: SearchIndexConfig,
  batches: readonly (readonly BuildInput[])[],
  extraWords: readonly string[],
): SearchIndex {
  if (extraWords.length > 0) addWords(extraWords)
  const fields = new SearchIndex(config).config.fields
  function* documents() {
    for (const docs of batches)
      for (const doc of docs) {
        const words: Record<string, readonly string[] | string> = {}
        for (const { name } of fields) {
          const text = doc.text?.[name]
          words[name] = text !== undefined ? segment(text) : (doc.words?.[name] ?? [])
        }
        yield { id: doc.id, fields: words, ...(doc.attributes ? { attributes: doc.attributes } : {}) }
      }
  }
  return SearchIndex.fromDocuments(config, documents())
}

async function buildOnWorkers(
  config: SearchIndexConfig,
  batches: AsyncIterable<readonly BuildInput[]>,
  options: { workers?: number; extraWords?: readonly string[] },
): Promise<SearchIndex> {
  const count = Math.max(1, options.workers ?? Math.min(2, os.availableParallelism()))
  return withWorkers(config, count, options.extraWords ?? [], async (workers) => {
    let next = 0
    for await (const docs of batches) {
      if (docs.length === 0) continue
      let worker = workers[next++ % count]!
      if (worker.pending >= 2) {
        while (workers.every((w) => w.pending >= 2)) await Promise.race(workers.flatMap((w) => w.settled()))
        worker = workers.reduce((a, b) => (b.pending < a.pending ? b : a))
      }
      worker.enqueue(docs)
    }
  })
}

/**
 * Rebuilds an index from ordered shards on as many worker threads, shard i on worker i, all read at once
 * (e.g. ranges of record ids read from the database). The segments are installed in shard order, so the
 * index answers exactly like a one-thread build of the shards one after the other: the same scores, the
 * same term ids and the same order among equal scores (ties go to the earlier segment, then document).
 */
export async function buildIndexFromShards(
  config: SearchIndexConfig,
  shards: readonly AsyncIterable<readonly BuildInput[]>[],
  options: { extraWords?: readonly string[] } = {},
): Promise<SearchIndex> {
  return withWorkers(config, shards.length, options.extraWords ?? [], async (workers) => {
    let failed = false
    await Promise.all(
      shards.map(async (shard, i) => {
        const worker = workers[i]!
        try {
          for await (const docs of shard) {
            if (failed) return
            if (docs.length === 0) continue
            await worker.ready()
            worker.enqueue(docs)
          }
        } catch (error) {
          failed = true
          throw error
        }
      }),
    )
  })
}

/**
 * Starts `count` workers, lets `feed` deal the records out, then merges: the main thread interns the
 * workers' vocabularies and attribute values, sends back the id tables and the global average field
 * lengths, and installs the finished segments in worker order (their arrays are transferred, not copied).
 */
async function withWorkers(
  config: SearchIndexConfig,
  count: number,
  extraWords: readonly string[],
  feed: (workers: readonly BuildWorker[]) => Promise<void>,
): Promise<SearchIndex> {
  const index = new SearchIndex(config)
  const setup: WorkerSetup = {
    fields: index.config.fields,
    attributes: index.config.attributes,
    k1: index.config.k1,
    clusterBy: index.config.clusterBy,
    extraWords,
  }
  const workers = Array.from({ length: count }, () => new BuildWorker(setup))
  try {
    await feed(workers)
    await Promise.all(workers.map((w) => w.drained()))
    const stats = (await Promise.all(workers.map((w) => w.send({ type: 'stats' })))) as Extract<
      FromWorker,
      { type: 'stats' }
    >[]
    const vocabulary = index.vocabulary
    const tables = stats.map((s) => Int32Array.from(s.terms, (term) => vocabulary.intern(term)))
    stats.forEach((s, w) => {
      const table = tables[w]!
      s.terms.forEach((_, local) => {
        const global = table[local]!
        if (vocabulary.hasExpansion(global) || s.expansionCount[local] === 0) return
        const start = s.expansionStart[local]!
        const subs = s.expansionPool.subarray(start, start + s.expansionCount[local]! - 1)
        vocabulary.setExpansion(
          global,
          Array.from(subs, (sub) => table[sub]!),
        )
      })
    })
    const valueTables = stats.map((s) =>
      Object.fromEntries(
        Object.entries(s.dictionaries).map(([name, values]) => {
          const dictionary = index.dictionaries.get(name)
          return [name, Int32Array.from(values, (v, i) => (i === 0 || !dictionary ? 0 : dictionary.intern(v)))]
        }),
      ),
    )
    const documents = stats.reduce((n, s) => n + s.count, 0)
    const averageLengths = index.config.fields.map((_, f) =>
      documents > 0 ? stats.reduce((sum, s) => sum + s.lengthSums[f]!, 0) / documents : 1,
    )
    const segments = await Promise.all(
      workers.map((w, i) =>
        w.send({
          type: 'finish',
          table: tables[i]!,
          globalSize: vocabulary.size,
          averageLengths,
          valueTables: valueTables[i]!,
        }),
      ),
    )
    segments.forEach((reply, w) => {
      if (reply.type !== 'segment') throw new AppError('INTERNAL', '并行构建索引失败', { reply: reply.type })
      // without clustering the documents keep the order they were sent in, so the ids need not come back
      const ids = setup.clusterBy === undefined ? workers[w]!.ids : reply.data.ids
      if (reply.data.size > 0) index.install({ ...reply.data, ids })
    })
    return index
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
}
