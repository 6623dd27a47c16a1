import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SearchIndex } from '../../server/src/platform/search'
import { type BuildInput, buildIndexInParallel } from '../../server/src/platform/search/parallel-build'
import { readSnapshot, writeSnapshot } from '../../server/src/platform/search/snapshot'
import { segment } from '../../server/src/platform/text/tokenize'
import type { Corpus } from './corpus'
import { BENCH_INDEX, benchDocuments } from './engines/firstmile'
import type { RebuildResult } from './report'

const BATCH = 2000

function* batches(corpus: Corpus, form: 'words' | 'text'): Generator<BuildInput[]> {
  for (let from = 0; from < corpus.size; from += BATCH) {
    const docs: BuildInput[] = []
    for (let d = from; d < Math.min(corpus.size, from + BATCH); d++) {
      const attributes = { discipline: corpus.discipline(d) }
      docs.push(
        form === 'text'
          ? { id: corpus.id(d), text: { abstract: corpus.text(d) }, attributes }
          : { id: corpus.id(d), words: { abstract: corpus.tokenString(d) }, attributes },
      )
    }
    yield docs
  }
}

/**
 * How fast the index comes back: a rebuild from the stored tokens on one thread; a snapshot written and
 * read; a rebuild from the stored tokens on both cores; a full rebuild that segments the text with jieba on both cores; and jieba alone on one core.
 */
export type RebuildStep = 'serial' | 'snapshot' | 'words' | 'text' | 'jieba'
export const REBUILD_STEPS: readonly RebuildStep[] = ['serial', 'snapshot', 'words', 'text', 'jieba']

export async function measureRebuilds(
  index: SearchIndex,
  corpus: Corpus,
  steps: readonly RebuildStep[] = REBUILD_STEPS,
): Promise<RebuildResult[]> {
  const out: RebuildResult[] = []
  let cpu = process.cpuUsage()
  const cpuSeconds = () => {
    const used = process.cpuUsage(cpu)
    return (used.user + used.system) / 1e6
  }
  const note = (what: string, seconds: number, extra?: string) => {
    const used = cpuSeconds()
    out.push({
      what,
      seconds,
      docsPerSecond: corpus.size / seconds,
      cpuSeconds: used,
      loadAverage: os.loadavg()[0]!,
      ...(extra ? { note: extra } : {}),
    })
    console.log(
      `  ${what}: ${seconds.toFixed(1)} s (CPU ${used.toFixed(1)} s, load ${os.loadavg()[0]!.toFixed(1)}), ${(corpus.size / seconds).toFixed(0)} docs/s ${extra ?? ''}`,
    )
  }
  const start = () => {
    cpu = process.cpuUsage()
    return performance.now()
  }
  // buildIndexInParallel starts no worker below 50,000 records (their start-up would dominate)
  const small = corpus.size < 50_000 ? 'below 50,000 records: built on the calling thread, no workers' : undefined
  let t = 0
  if (steps.includes('serial')) {
    t = start()
    SearchIndex.fromDocuments(BENCH_INDEX, benchDocuments(corpus))
    note('rebuild from stored tokens, 1 thread (SearchIndex.fromDocuments)', (performance.now() - t) / 1000)
  }
  if (steps.includes('snapshot')) {
    const file = path.join(os.tmpdir(), `firstmile-bench-${process.pid}.snapshot`)
    t = start()
    const bytes = writeSnapshot(index, file)
    note('snapshot written', (performance.now() - t) / 1000, `${(bytes / 2 ** 20).toFixed(0)} MiB`)
    t = start()
    readSnapshot(file, BENCH_INDEX)
    note('snapshot read (start-up without rebuilding)', (performance.now() - t) / 1000)
    fs.rmSync(file, { force: true })
  }
  if (steps.includes('words')) {
    t = start()
    await buildIndexInParallel(BENCH_INDEX, batches(corpus, 'words'), { workers: 2 })
    note('rebuild from stored tokens, 2 worker threads', (performance.now() - t) / 1000, small)
  }
  if (steps.includes('text')) {
    t = start()
    await buildIndexInParallel(BENCH_INDEX, batches(corpus, 'text'), { workers: 2 })
    note('full rebuild with jieba segmentation, 2 worker threads', (performance.now() - t) / 1000, small)
  }
  if (!steps.includes('jieba')) return out
  const sample = Math.min(corpus.size, 20_000)
  t = start()
  for (let d = 0; d < sample; d++) segment(corpus.text(d))
  const seconds = (performance.now() - t) / 1000
  out.push({
    what: 'jieba segmentation alone, 1 thread',
    seconds,
    docsPerSecond: sample / seconds,
    cpuSeconds: cpuSeconds(),
    loadAverage: os.loadavg()[0]!,
    note: `${sample} abstracts`,
  })
  console.log(`  jieba alone: ${(sample / seconds).toFixed(0)} docs/s`)
  return out
}
