import type { Corpus } from '../corpus'
import { heldBytes } from '../memory'
import type { BenchQuery } from '../queries'
import type { BenchEngine, BuildReport } from './engine'
import { peerVersion, requirePeer } from './peers'

interface FlexIndex {
  add(id: number, text: string): void
  search(query: string, options: { limit: number; suggest: boolean }): number[]
}
type FlexIndexConstructor = new (options: { tokenize: 'strict'; encode: (text: string) => string[] }) => FlexIndex

/** FlexSearch fed the same jieba tokens (exact terms, no encoder), suggest on so partial matches count. */
export class FlexSearchEngine implements BenchEngine {
  readonly name = `FlexSearch ${peerVersion('flexsearch')}`
  private index: FlexIndex | undefined

  async build(corpus: Corpus): Promise<BuildReport> {
    const { Index } = requirePeer('flexsearch') as { Index: FlexIndexConstructor }
    const before = heldBytes()
    const t0 = performance.now()
    const index = new Index({ tokenize: 'strict', encode: (s) => s.split(' ') })
    for (let d = 0; d < corpus.size; d++) index.add(d, corpus.tokenString(d))
    this.index = index
    const seconds = (performance.now() - t0) / 1000
    return { seconds, memoryBytes: heldBytes() - before }
  }

  search(query: BenchQuery): number[] {
    return this.index!.search(query.words.join(' '), { limit: 10, suggest: true })
  }

  async close(): Promise<void> {
    this.index = undefined
  }
}
