import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SearchIndex } from '../../server/src/platform/search'
import { Corpus } from './corpus'
import { loadPapers } from './csl'
import type { BenchEngine } from './engines/engine'
import { BENCH_INDEX, benchDocuments, FirstMileEngine } from './engines/firstmile'
import { FlexSearchEngine } from './engines/flexsearch'
import { MiniSearchEngine } from './engines/minisearch'
import { ensurePeersInstalled } from './engines/peers'
import { PlainBm25 } from './engines/plain-bm25'
import { localPostgresAvailable, PgliteEngine, PostgresEngine } from './engines/postgres'
import { SqliteEngine } from './engines/sqlite'
import { evaluate, percentile } from './metrics'
import { type BenchQuery, makeQueries, type QueryKind } from './queries'
import { measureRebuilds, REBUILD_STEPS, type RebuildStep } from './rebuilds'
import { type EngineResult, RESULTS_DIR, type SizeResult, writeReport } from './report'
import { measureStartup } from './startup'

/**
 * npm run bench:match -- [--sizes 10k,100k,1m] [--peers firstmile,plain,flexsearch,minisearch,sqlite,pglite,postgres]
 *                        [--queries heldout|dev] [--full] [--no-rebuild] [--no-docs]
 *                        [--only rebuild [--steps serial,snapshot,words,text,jieba,startup]] [--startup-db postgres://…]
 * Every engine of a size runs in the same process on the same corpus and queries. Slow peers answer a
 * fixed sample of the queries and skip corpora they cannot handle within ~10 minutes (the table says so).
 * `--only rebuild` measures only the rebuilds (and, with --startup-db or BENCH_DATABASE_URL, the start-up
 * rebuild from PostgreSQL) and puts them into the size's existing result file.
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
  /** Why it stops at maxSize (shown in the table). */
  readonly why?: string
  readonly sample: (size: number) => number | undefined
}

const PLANS: Plan[] = [
  { key: 'plain', make: () => new PlainBm25(), maxSize: Infinity, sample: () => undefined },
  { key: 'flexsearch', make: () => new FlexSearchEngine(), maxSize: 1e6, sample: (n) => (n >= 1e6 ? 100 : undefined) },
  {
    key: 'minisearch',
    make: () => new MiniSearchEngine(),
    maxSize: 1e5,
    why: 'its build ran at ~800 docs/s at 10k, over 20 min for 1M',
    sample: (n) => (n >= 1e5 ? 100 : undefined),
  },
  {
    key: 'sqlite',
    make: () => new SqliteEngine(),
    maxSize: 1e6,
    sample: (n) => (n >= 1e6 ? 25 : n >= 1e5 ? 200 : undefined),
  },
  {
    key: 'pglite',
    make: () => new PgliteEngine(),
    maxSize: 1e5,
    why: 'its build ran at ~600 docs/s at 10k, over 25 min for 1M',
    sample: (n) => (n >= 1e5 ? 15 : 100),
  },
  {
    key: 'postgres',
    make: () => new PostgresEngine(),
    maxSize: 1e5,
    why: 'its build (INSERT of 2,000-row batches + GIN index) ran at ~800 docs/s at 10k, over 20 min for 1M',
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

async function runSize(size: number, save: (partial: SizeResult) => void): Promise<SizeResult> {
  const started = new Date()
  const loadBefore = os.loadavg()
  console.log(`\n== ${size.toLocaleString()} documents ==`)
  const corpus = new Corpus(loadPapers(), size)
  const queries = makeQueries(corpus, split, kinds)
  const other = makeQueries(corpus, split === 'heldout' ? 'dev' : 'heldout', kinds)
  // fast engines warm up on 200 queries of the other split, sampled (slow) ones on 10 (per kind: 100 / 5)
  const warmUp = (sampled: boolean) => sampleQueries(other, sampled ? 5 : 100)
  const engines: EngineResult[] = []
  const skipped: string[] = []
  let rebuilds: SizeResult['rebuilds']
  const snapshot = (): SizeResult => ({
    size,
    split,
    queries: queries.length,
    started: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    loadAverage: [loadBefore[0]!, os.loadavg()[0]!],
    command: `npm run bench:match -- ${args.join(' ')}`.trim(),
    engines,
    ...(skipped.length > 0 ? { skipped } : {}),
    ...(rebuilds ? { rebuilds } : {}),
  })
  const record = (result: EngineResult) => {
    engines.push(result)
    // written after every engine, so a long run that is stopped keeps what it measured
    save(snapshot())
    const t = result.quality.title
    const k = result.quality.keywords
    console.log(
      `${result.engine.padEnd(52)} build ${result.buildSeconds.toFixed(1)}s  p95 ${result.latency.p95.toFixed(2)}ms (CPU p50 ${result.cpu.p50.toFixed(2)} p95 ${result.cpu.p95.toFixed(2)}, load ${os.loadavg()[0]!.toFixed(1)})  nDCG title ${t.ndcg10.toFixed(3)} keywords ${k.ndcg10.toFixed(3)}${result.note ? `  (${result.note})` : ''}`,
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
      const why = `${plan.key}: not run at ${size.toLocaleString('en')} documents (runs up to ${plan.maxSize.toLocaleString('en')}${plan.why ? `: ${plan.why}` : ''})`
      console.log(why)
      skipped.push(why)
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
      const why = `${plan.key} failed at ${size.toLocaleString('en')}: ${error instanceof Error ? error.message : String(error)}`
      console.log(why)
      skipped.push(why)
    } finally {
      await engine.close()
    }
  }
  return snapshot()
}

async function rebuildOnly(size: number, server: string | undefined): Promise<void> {
  const file = path.join(RESULTS_DIR, `match-${split}-${size}.json`)
  console.log(`\n== rebuilds at ${size.toLocaleString()} documents ==`)
  const started = new Date()
  const loadBefore = os.loadavg()[0]!
  const corpus = new Corpus(loadPapers(), size)
  const steps = option('steps', [...REBUILD_STEPS, 'startup'].join(',')).split(',')
  const rebuildSteps = steps.filter((s): s is RebuildStep => (REBUILD_STEPS as readonly string[]).includes(s))
  const needsIndex = rebuildSteps.includes('snapshot')
  const index = needsIndex
    ? SearchIndex.fromDocuments(BENCH_INDEX, benchDocuments(corpus))
    : new SearchIndex(BENCH_INDEX)
  const measured = await measureRebuilds(index, corpus, rebuildSteps)
  if (server && steps.includes('startup')) measured.push(...(await measureStartup(corpus, server)))
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SizeResult) : undefined
  // rows of earlier `--only rebuild` runs that this one did not measure again are kept
  const rebuilds = [
    ...(previous?.rebuildRun ? (previous.rebuilds ?? []) : []).filter((r) => !measured.some((m) => m.what === r.what)),
    ...measured,
  ]
  const result: SizeResult = {
    ...(previous ?? {
      size,
      split,
      queries: 0,
      started: started.toISOString(),
      seconds: 0,
      loadAverage: [loadBefore, os.loadavg()[0]!],
      command: '',
      engines: [],
    }),
    rebuilds,
    rebuildRun: {
      started: started.toISOString(),
      loadAverage: [loadBefore, os.loadavg()[0]!],
      command: `npm run bench:match -- ${args.join(' ')}`.trim(),
    },
  }
  fs.writeFileSync(file, JSON.stringify(result, null, 2))
}

fs.mkdirSync(RESULTS_DIR, { recursive: true })
if (option('only', '') === 'rebuild') {
  const server = option('startup-db', process.env.BENCH_DATABASE_URL ?? '') || undefined
  for (const size of sizes) await rebuildOnly(size, server)
  if (!flag('no-docs') && split === 'heldout') writeReport()
  process.exit(0)
}
for (const size of sizes) {
  const file = path.join(RESULTS_DIR, `match-${split}-${size}.json`)
  // a separate `--only rebuild` run may have measured this size's rebuilds (even while this one runs): keep them
  const save = (result: SizeResult) => {
    const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SizeResult) : undefined
    const keep = previous?.rebuildRun ? { rebuilds: previous.rebuilds, rebuildRun: previous.rebuildRun } : {}
    // engines of an earlier run with other --peers stay, after this run's (whose order is the table's)
    const others = (previous?.engines ?? []).filter((e) => !result.engines.some((r) => r.engine === e.engine))
    const merged = { ...result, engines: [...result.engines, ...(peerKeys.includes('firstmile') ? others : [])] }
    const engines = peerKeys.includes('firstmile') ? merged.engines : [...others, ...result.engines]
    fs.writeFileSync(file, JSON.stringify({ ...merged, engines, ...(result.rebuilds ? {} : keep) }, null, 2))
  }
  save(await runSize(size, save))
}
if (!flag('no-docs') && split === 'heldout') writeReport()
