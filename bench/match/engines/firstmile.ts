import {
  type FeedbackExample,
  FIRST_STAGE_ONLY,
  type RerankerModel,
  SearchIndex,
  type SearchIndexConfig,
  type SearchRequest,
  trainReranker,
} from '../../../server/src/platform/search'
import type { Corpus } from '../corpus'
import { heldBytes } from '../memory'
import { type BenchQuery, grade } from '../queries'
import type { BenchEngine, BuildReport } from './engine'

/**
 * An achievement registry's index as the benchmark uses it: the abstract is the only text field. k1 and
 * b were chosen on the CSL dev queries (k1 ∈ {1.2, 2, 3, 4} × b ∈ {0.15 … 0.9}); abstracts that cover
 * their topic throughout should not be pulled down for being complete.
 */
export const BENCH_INDEX: SearchIndexConfig = {
  fields: [{ name: 'abstract', weight: 1, b: 0.3, label: '摘要' }],
  k1: 2,
  attributes: { discipline: 'keyword' },
  clusterBy: 'discipline',
  agreementAttributes: ['discipline'],
  rerankDepth: 20,
}

export function* benchDocuments(corpus: Corpus) {
  for (let d = 0; d < corpus.size; d++) {
    yield {
      id: corpus.id(d),
      fields: { abstract: corpus.tokenString(d) },
      attributes: { discipline: corpus.discipline(d) },
    }
  }
}

export const docNumber = (id: string) => Number(id.slice(1))

/**
 * Feedback as the platform records it, simulated on the dev queries: of the results shown, the relevant
 * ones are marked 有意向 (grade as judged) and the others 不相关. Held-out queries never contribute.
 */
export function simulatedFeedback(
  index: SearchIndex,
  corpus: Corpus,
  queries: readonly BenchQuery[],
): FeedbackExample[] {
  const examples: FeedbackExample[] = []
  const saved = index.reranker
  index.reranker = FIRST_STAGE_ONLY
  for (const q of queries) {
    const response = index.search({ words: q.sequence, limit: index.config.rerankDepth, explain: true })
    for (const hit of response.hits) {
      examples.push({ group: q.id, features: hit.reasons!.features, grade: grade(corpus, q, docNumber(hit.id)) })
    }
  }
  index.reranker = saved
  return examples
}

export class FirstMileEngine implements BenchEngine {
  readonly name: string
  index: SearchIndex | undefined
  rebuildSeconds = 0

  constructor(
    private readonly options: {
      rerank: boolean
      model?: RerankerModel
      label?: string
      request?: Partial<SearchRequest>
    } = {
      rerank: true,
    },
    private readonly config: SearchIndexConfig = BENCH_INDEX,
    existing?: SearchIndex,
  ) {
    this.index = existing
    this.name = options.label ?? (options.rerank ? 'FirstMile (BM25F + MaxScore + re-ranker)' : 'FirstMile first stage')
  }

  async build(corpus: Corpus): Promise<BuildReport> {
    const before = heldBytes()
    const t0 = performance.now()
    this.index = SearchIndex.fromDocuments(this.config, benchDocuments(corpus))
    const seconds = (performance.now() - t0) / 1000
    if (this.options.model) this.index.reranker = this.options.model
    return { seconds, memoryBytes: heldBytes() - before }
  }

  train(corpus: Corpus, devQueries: readonly BenchQuery[]): RerankerModel {
    const examples = simulatedFeedback(this.index!, corpus, devQueries)
    const model = trainReranker(examples, { version: `csl-dev-feedback-${corpus.size}` })
    this.index!.reranker = model
    return model
  }

  search(query: BenchQuery): number[] {
    const response = this.index!.search({
      words: query.words,
      limit: 10,
      rerank: this.options.rerank,
      ...this.options.request,
    })
    return response.hits.map((h) => docNumber(h.id))
  }

  async close(): Promise<void> {
    this.index = undefined
  }
}
