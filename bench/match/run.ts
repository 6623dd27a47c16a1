import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Corpus } from './corpus'
import { loadPapers } from './csl'
import type { BenchEngine } from './engines/engine'
import { FirstMileEngine } from './engines/firstmile'
import { FlexSearchEngine } from './engines/flexsearch'
import { MiniSearchEngine } from './engines/minisearch'
import { ensurePeersInstalled } from './engines/peers'
import { PlainBm25 } from './engines/plain-bm25'
import { localPostgresAvailable, PgliteEngine, PostgresEngine } from './engines/postgres'
import { SqliteEngine } from './engines/sqlite'
import { evaluate, percentile } from './metrics'
import { type BenchQuery, makeQueries, type QueryKind } from './queries'
import { measureRebuilds } from './rebuilds'
import { type EngineResult, RESULTS_DIR, type SizeResult, writeReport } from './report'

/**
 * npm run bench:match -- [--sizes 10k,100k,1m] [--peers firstmile,plain,flexsearch,minisearch,sqlite,pglite,postgres]
 *                        [--queries heldout|dev] [--full] [--no-rebuild] [--no-docs]
 * Every engine of a size runs in the same process on the same corpus and queries. Slow peers answer a
 * fixed sample of the queries and skip corpora they cannot handle within ~10 minutes (the table says so).
 */
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const parseSize = (s: string) => Math.round(Number.parseFloat(s) * (/m$/i.test(s) ? 1e6 : /k$/i.test(s) ? 1e3 : 1))
const sizes = option('sizes', '10k,100k,1m').split(',').map(parseSize)
const peerKeys = option('peers', 'firstmile,plain,flexsearch,minisearch,sqlite,pglite,postgres').split(',')
const split = option('queries', 'heldout') as 'heldout' | 'dev'
const kinds: QueryKind[] = ['title', 'keywords']

interface Plan {
  readonly key: string
  readonly make: () => BenchEngine
  /** Largest corpus it runs on, and how many queries per kind it answers at each size (undefined: all). */
  readonly maxSize: number
  readonly sample: (size: number) => number | undefined
}

const PLANS: Plan[] = [
  { key: 'plain', make: () => new PlainBm25(), maxSize: Infinity, sample: () => undefined },
  { key: 'flexsearch', make: () => new FlexSearchEngine(), maxSize: 1e6, sample: (n) => (n >= 1e6 ? 300 : undefined) },
  { key: 'minisearch', make: () => new MiniSearchEngine(), maxSize: 1e5, sample: (n) => (n >= 1e5 ? 100 : undefined) },
  {
    key: 'sqlite',
    make: () => new SqliteEngine(),
    maxSize: 1e6,
    sample: (n) => (n >= 1e6 ? 50 : n >= 1e5 ? 200 : undefined),
  },
  { key: 'pglite', make: () => new PgliteEngine(), maxSize: 1e5, sample: (n) => (n >= 1e5 ? 15 : 100) },
  {
    key: 'postgres',
    make: () => new PostgresEngine(),
    maxSize: 1e6,
    sample: (n) => (n >= 1e6 ? 10 : n >= 1e5 ? 30 : 100),
  },
]

/** Every k-th query of each kind, so a sample keeps the kinds balanced and is the same for every engine. */
function sampleQueries(queries: readonly BenchQuery[], perKind: number | undefined): BenchQuery[] {
  if (perKind === undefined || flag('full')) return [...queries]
  return kinds.flatMap((kind) => {
    const of = queries.filter((q) => q.kind === kind)
    const step = Math.max(1, Math.floor(of.length / perKind))
    return of.filter((_, i) => i % step === 0).slice(0, perKind)
  })
}

/** Warm-up queries come from the other split, so no measured query has been asked before. */
async function measure(
  engine: BenchEngine,
  corpus: Corpus,
  queries: readonly BenchQuery[],
  warmUp: readonly BenchQuery[],
) {
  for (const q of warmUp) await engine.search(q)
  const results: number[][] = []
  const times: number[] = []
  const cpu: number[] = []
  for (const q of queries) {
    const c = process.cpuUsage()
    const t = performance.now()
    results.push(await engine.search(q))
    times.push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  const quality = Object.fromEntries(
    kinds.map((kind) => {
      const picked = queries.map((q, i) => [q, i] as const).filter(([q]) => q.kind === kind)
      return [
        kind,
        evaluate(
          corpus,
          picked.map(([q]) => q),
          picked.map(([, i]) => results[i]!),
        ),
      ]
    }),
  ) as EngineResult['quality']
  const sorted = [...times].sort((a, b) => a - b)
  const cpuSorted = [...cpu].sort((a, b) => a - b)
  return {
    quality,
    latency: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
    cpu: { p50: percentile(cpuSorted, 50), p95: percentile(cpuSorted, 95), p99: percentile(cpuSorted, 99) },
    queries: queries.length,
  }
}

async function runSize(size: number): Promise<SizeResult> {
  const started = new Date()
  const loadBefore = os.loadavg()
  console.log(`\n== ${size.toLocaleString()} documents ==`)
  const corpus = new Corpus(loadPapers(), size)
  const queries = makeQueries(corpus, split, kinds)
  const other = makeQueries(corpus, split === 'heldout' ? 'dev' : 'heldout', kinds)
  // fast engines warm up on 200 queries of the other split, sampled (slow) ones on 10 (per kind: 100 / 5)
  const warmUp = (sampled: boolean) => sampleQueries(other, sampled ? 5 : 100)
  const engines: EngineResult[] = []
  let rebuilds: SizeResult['rebuilds']
  const record = (result: EngineResult) => {
    engines.push(result)
    const t = result.quality.title
    const k = result.quality.keywords
    console.log(
      `${result.engine.padEnd(52)} build ${result.buildSeconds.toFixed(1)}s  p95 ${result.latency.p95.toFixed(2)}ms  nDCG title ${t.ndcg10.toFixed(3)} keywords ${k.ndcg10.toFixed(3)}${result.note ? `  (${result.note})` : ''}`,
    )
  }
  if (peerKeys.includes('firstmile')) {
    const engine = new FirstMileEngine()
    const build = await engine.build(corpus)
    const estimate = engine.index!.memoryBytes()
    const firstStage = await measure(
      new FirstMileEngine({ rerank: false }, undefined, engine.index),
      corpus,
      queries,
      warmUp(false),
    )
    record({
      engine: 'FirstMile first stage (BM25F + block-max MaxScore, no re-ranker)',
      buildSeconds: build.seconds,
      memoryBytes: build.memoryBytes,
      ...firstStage,
      note: 'same index as below',
    })
    const t0 = performance.now()
    const model = engine.train(corpus, other)
    const trainSeconds = (performance.now() - t0) / 1000
    record({
      engine: 'FirstMile (BM25F + MaxScore + re-ranker from feedback)',
      buildSeconds: build.seconds,
      memoryBytes: build.memoryBytes,
      ...(await measure(engine, corpus, queries, warmUp(false))),
      note: `re-ranker trained on simulated feedback of the ${split === 'heldout' ? 'dev' : 'held-out'} queries in ${trainSeconds.toFixed(1)} s; index arrays ${(estimate / 2 ** 20).toFixed(0)} MiB`,
      model: model.weights,
    })
    if (!flag('no-rebuild')) rebuilds = await measureRebuilds(engine.index!, corpus)
    await engine.close()
  }
  if (peerKeys.includes('plain') || peerKeys.length > 0) ensurePeersInstalled()
  for (const plan of PLANS) {
    if (!peerKeys.includes(plan.key)) continue
    if (size > plan.maxSize) {
      console.log(`${plan.key}: skipped at ${size} (runs up to ${plan.maxSize})`)
      continue
    }
    if (plan.key === 'postgres' && !localPostgresAvailable()) continue
    const engine = plan.make()
    try {
      const build = await engine.build(corpus)
      const perKind = plan.sample(size)
      const picked = sampleQueries(queries, perKind)
      const measured = await measure(engine, corpus, picked, warmUp(picked.length < queries.length))
      record({
        engine: engine.name,
        buildSeconds: build.seconds,
        memoryBytes: build.memoryBytes,
        ...(build.memoryNote ? { memoryNote: build.memoryNote } : {}),
        ...measured,
        ...(picked.length < queries.length ? { note: `sample of ${picked.length} of ${queries.length} queries` } : {}),
      })
    } catch (error) {
      console.log(`${plan.key} failed at ${size}: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      await engine.close()
    }
  }
  return {
    size,
    split,
    queries: queries.length,
    started: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    loadAverage: [loadBefore[0]!, os.loadavg()[0]!],
    command: `npm run bench:match -- ${args.join(' ')}`.trim(),
    engines,
    ...(rebuilds ? { rebuilds } : {}),
  }
}

fs.mkdirSync(RESULTS_DIR, { recursive: true })
for (const size of sizes) {
  const result = await runSize(size)
  fs.writeFileSync(path.join(RESULTS_DIR, `match-${split}-${size}.json`), JSON.stringify(result, null, 2))
}
if (!flag('no-docs') && split === 'heldout') writeReport()
