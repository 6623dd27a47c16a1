import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Quality } from './metrics'

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../out')
const BENCHMARKS = path.resolve(import.meta.dirname, '../../docs/benchmarks.md')
const HEADING = '## Matching (bench:match)'
/** Hand-written reading of the results against the goals (issue 4), placed above the tables. */
const ANALYSIS = path.resolve(import.meta.dirname, 'goals.md')

export interface EngineResult {
  readonly engine: string
  readonly buildSeconds: number
  readonly memoryBytes: number
  readonly memoryNote?: string
  readonly latency: { readonly p50: number; readonly p95: number; readonly p99: number }
  /** CPU time of this process per query (a server's own CPU is not in it). */
  readonly cpu: { readonly p50: number; readonly p95: number; readonly p99: number }
  readonly quality: Readonly<Record<'title' | 'keywords', Quality>>
  readonly queries: number
  readonly note?: string
  readonly model?: Readonly<Record<string, number | undefined>>
}

export interface RebuildResult {
  readonly what: string
  readonly seconds: number
  readonly docsPerSecond: number
  /** CPU time of the whole process (all threads) during the step. */
  readonly cpuSeconds?: number
  /** One-minute load average at the end of the step. */
  readonly loadAverage?: number
  readonly note?: string
}

export interface SizeResult {
  readonly size: number
  readonly split: 'heldout' | 'dev'
  readonly queries: number
  readonly started: string
  readonly seconds: number
  readonly loadAverage: readonly number[]
  readonly command: string
  readonly engines: readonly EngineResult[]
  /** Peers not run at this size, and why. */
  readonly skipped?: readonly string[]
  readonly rebuilds?: readonly RebuildResult[]
  /** When the rebuilds were measured by a separate `--only rebuild` run. */
  readonly rebuildRun?: { readonly started: string; readonly loadAverage: readonly number[]; readonly command: string }
}

const f = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '–')
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`

function machine(): string {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model ?? '?'
  const free = execFileSync('free', ['-h'], { encoding: 'utf8' }).trimEnd()
  return [
    `- CPU: ${cpu}; \`nproc\` = ${os.availableParallelism()}; Node ${process.version}`,
    '- `free -h`:',
    '',
    '```',
    free,
    '```',
  ].join('\n')
}

function table(result: SizeResult): string {
  const rows = result.engines.map((e) => {
    const t = e.quality.title
    const k = e.quality.keywords
    const memory = `${mib(e.memoryBytes)}${e.memoryNote ? ` (${e.memoryNote})` : ''}`
    const cpu = e.engine.includes('server') || !e.cpu ? '–' : `${ms(e.cpu.p50)} / ${ms(e.cpu.p95)}`
    return `| ${e.engine} | ${f(e.buildSeconds, 1)} | ${Math.round(result.size / e.buildSeconds).toLocaleString('en')} | ${memory} | ${ms(e.latency.p50)} / ${ms(e.latency.p95)} / ${ms(e.latency.p99)} | ${cpu} | ${f(t.recall10)} / ${f(t.mrr10)} / **${f(t.ndcg10)}** | ${f(k.recall10)} / ${f(k.mrr10)} / **${f(k.ndcg10)}** | ${e.note ?? ''} |`
  })
  return [
    `### ${result.size.toLocaleString('en')} documents`,
    '',
    `Run ${result.started.replace('T', ' ').slice(0, 16)} UTC, ${f(result.seconds / 60, 1)} min, load average ${f(result.loadAverage[0]!, 1)} → ${f(result.loadAverage[1]!, 1)}: \`${result.command}\``,
    '',
    '| engine | build s | build docs/s | memory | latency ms p50 / p95 / p99 (wall, one core) | CPU ms p50 / p95 | titles R@10 / MRR@10 / nDCG@10 | keywords R@10 / MRR@10 / nDCG@10 | notes |',
    '|---|---:|---:|---|---|---|---|---|---|',
    ...rows,
    ...(result.skipped?.length ? ['', ...result.skipped.map((s) => `- ${s}`)] : []),
    ...(result.rebuilds
      ? [
          '',
          ...(result.rebuildRun
            ? [
                `Rebuilds measured ${result.rebuildRun.started.replace('T', ' ').slice(0, 16)} UTC, load average ${f(result.rebuildRun.loadAverage[0]!, 1)} → ${f(result.rebuildRun.loadAverage[1]!, 1)}: \`${result.rebuildRun.command}\``,
                '',
              ]
            : []),
          '| FirstMile rebuild | wall s | docs/s (wall) | CPU s, all threads | docs per CPU-second | load average | notes |',
          '|---|---:|---:|---:|---:|---:|---|',
          ...result.rebuilds.map((r) => {
            const docs = r.docsPerSecond * r.seconds
            return `| ${r.what} | ${f(r.seconds, 1)} | ${Math.round(r.docsPerSecond).toLocaleString('en')} | ${r.cpuSeconds === undefined ? '–' : f(r.cpuSeconds, 1)} | ${r.cpuSeconds ? Math.round(docs / r.cpuSeconds).toLocaleString('en') : '–'} | ${r.loadAverage === undefined ? '–' : f(r.loadAverage, 1)} | ${r.note ?? ''} |`
          }),
        ]
      : []),
  ].join('\n')
}

/** Renders every held-out result in bench/out into the matching section of docs/benchmarks.md. */
export function writeReport(): void {
  const results = fs
    .readdirSync(RESULTS_DIR)
    .filter((name) => /^match-heldout-\d+\.json$/.test(name))
    .map((name) => JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, name), 'utf8')) as SizeResult)
    .sort((a, b) => a.size - b.size)
  const section = [
    HEADING,
    '',
    'Known-item and topical search over real CSL abstracts (公开论文元数据（CSL）) hidden among generated',
    'distractors; see docs/search-engine.md for the corpus, the judgements and the engine. Queries: the 1,000',
    'held-out titles and 1,000 keyword queries (2–3 of each held-out paper’s keywords); documents are abstracts',
    '(titles are not indexed). Relevance: the source paper 2, a document of the same 学科 sharing one of its',
    'keywords 1. R@10 and MRR@10 are of the source paper; nDCG@10 uses gains 2^grade − 1. Latency is wall time',
    'per query on one core after 200 warm-up queries from the dev split (10 for sampled engines), words',
    'pre-segmented for every engine. The machine is shared with other work, so the load average during each',
    'run is given, and beside the wall time the CPU time the benchmark process spent per query (in-process',
    'engines): under contention wall time includes waiting for a core. The re-ranker is trained only on',
    'feedback simulated from the dev queries (有意向 for relevant results, 不相关 for the others); k1/b were',
    'chosen on dev queries.',
    '',
    machine(),
    '',
    ...(fs.existsSync(ANALYSIS) ? [fs.readFileSync(ANALYSIS, 'utf8').trimEnd(), ''] : []),
    ...results.flatMap((r) => [table(r), '']),
  ].join('\n')
  const existing = fs.existsSync(BENCHMARKS) ? fs.readFileSync(BENCHMARKS, 'utf8') : '# Benchmarks\n'
  const start = existing.indexOf(HEADING)
  let next: string
  if (start < 0) next = `${existing.trimEnd()}\n\n${section}`
  else {
    const after = existing.indexOf('\n## ', start + HEADING.length)
    next = `${existing.slice(0, start)}${section}${after < 0 ? '' : `\n${existing.slice(after + 1)}`}`
  }
  fs.writeFileSync(BENCHMARKS, `${next.trimEnd()}\n`)
}
