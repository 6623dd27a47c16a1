import type { Corpus } from '../corpus'
import type { BenchQuery } from '../queries'

export interface BuildReport {
  readonly seconds: number
  /** Bytes the index holds (heap + array buffers after GC, or on-disk size for databases). */
  readonly memoryBytes: number
  readonly memoryNote?: string
}

/** One engine under test: built once per corpus, then asked the same queries as every other engine. */
export interface BenchEngine {
  readonly name: string
  build(corpus: Corpus): Promise<BuildReport>
  /** Top-10 document numbers, best first. */
  search(query: BenchQuery): Promise<number[]> | number[]
  close(): Promise<void>
}
