import type { Corpus } from '../corpus'
import { heldBytes } from '../memory'
import type { BenchQuery } from '../queries'
import type { BenchEngine, BuildReport } from './engine'
import { peerVersion, requirePeer } from './peers'

interface MiniSearchInstance {
  add(doc: { id: number; t: string }): void
  search(query: string, options: { combineWith: 'OR' }): { id: number }[]
}
type MiniSearchConstructor = new (options: {
  fields: string[]
  tokenize: (text: string) => string[]
  processTerm: (term: string) => string
}) => MiniSearchInstance

/** MiniSearch fed the same jieba tokens (space-joined, split back by its tokenizer), OR semantics, its BM25+. */
export class MiniSearchEngine implements BenchEngine {
  readonly name = `MiniSearch ${peerVersion('minisearch')}`
  private index: MiniSearchInstance | undefined

  async build(corpus: Corpus): Promise<BuildReport> {
    const module = requirePeer('minisearch') as { default?: MiniSearchConstructor } & MiniSearchConstructor
    const MiniSearch = module.default ?? module
    const before = heldBytes()
    const t0 = performance.now()
    const index = new MiniSearch({ fields: ['t'], tokenize: (s) => s.split(' '), processTerm: (t) => t })
    for (let d = 0; d < corpus.size; d++) index.add({ id: d, t: corpus.tokenString(d) })
    this.index = index
    const seconds = (performance.now() - t0) / 1000
    return { seconds, memoryBytes: heldBytes() - before }
  }

  search(query: BenchQuery): number[] {
    return this.index!.search(query.words.join(' '), { combineWith: 'OR' })
      .slice(0, 10)
      .map((r) => r.id)
  }

  async close(): Promise<void> {
    this.index = undefined
  }
}
