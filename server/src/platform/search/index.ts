/**
 * FirstMile search & matching engine — an in-process inverted index for the registries' Chinese search
 * and for demand ↔ achievement matching. PostgreSQL stays the system of record (it stores each record's
 * tokens); this index is derived from it and kept current by the write path.
 *
 * Build (at start, from stored tokens) and keep current:
 *   const index = SearchIndex.fromDocuments(ACHIEVEMENT_INDEX, rows.map(toIndexDocument))
 *   // or page by page: await SearchIndex.fromDocumentPages(config, pages)
 *   // or ranges of records on both cores, same index as one thread: await buildIndexFromShards(config, shards)
 *   index.upsert({ id, fields: { title: segment(title), keywords, summary: segment(summary) },
 *                  attributes: { jurisdiction: '330500', industry: ['AI-01'], trl: 6, confidentiality: '公开' } })
 *   index.remove(id)
 *   // or from raw text on both cores: await buildIndexInParallel(config, batches)
 *   // or from a snapshot: writeSnapshot(index, file) / readSnapshot(file, config)
 *
 * Registry search (text + filters + facets + sort + pagination + highlight terms):
 *   index.search({ text: '具身智能', filter: { and: [{ attribute: 'trl', gte: 5 }, visibility] },
 *                  facets: ['industry', 'maturity'], sort: 'relevance', offset: 0, limit: 20, count: true })
 *   → { hits: [{ id, score, highlight: ['具身智能机器人'], attributes }], total, facets, query }
 *
 * Matching (a record's tokens as the query, with reasons — 为什么推荐):
 *   index.search({ words: demandTokens, context: { attributes: { industry: [...] }, trl: { wanted: 5 } },
 *                  exclude: [demandId], explain: true, limit: 10 })
 *   → hits[i].reasons: matched words per field, field contributions, features, score parts, Chinese summary
 *
 * Learning from feedback (有意向 / 不相关, leads, sign-ups, agreements):
 *   store hits[i].reasons.features with the judgement; index.reranker = trainReranker(examples, { prior })
 *
 * Ranking: BM25F over weighted fields with impacts quantized to 8 bits in typed-array postings; exact
 * top-k by block-max MaxScore (no exhaustive scoring unless counts or facets are asked for); then a linear
 * re-ranker over features (BM25F, coverage, proximity, best window, length, discipline agreement among
 * the top candidates, context industry / TRL / distance). See docs/search-engine.md.
 */
export type { AttributeKind, AttributeSchema, Attributes, AttributeValue } from './attributes'
export type { MatchContext } from './context'
export { FEATURE_NAMES, type FeatureName, type FeatureVector } from './features'
export type { Filter } from './filter'
export { type BuildInput, buildIndexFromShards, buildIndexInParallel } from './parallel-build'
export { DEFAULT_QUERY_OPTIONS, type QueryOptions } from './query'
export {
  CSL_DEV_PRIOR,
  FEEDBACK_GRADES,
  type FeedbackExample,
  type FeedbackKind,
  FIRST_STAGE_ONLY,
  pairwiseAccuracy,
  type RerankerModel,
  rerankScore,
  type TrainingOptions,
  trainReranker,
} from './reranker'
export type { FieldConfig } from './scoring'
export { SearchIndex } from './search-index'
export { readSnapshot, writeSnapshot } from './snapshot'
export type {
  FacetCount,
  IndexDocument,
  MatchedTerm,
  QueryWordReport,
  Reasons,
  SearchHit,
  SearchIndexConfig,
  SearchRequest,
  SearchResponse,
  SortOrder,
} from './types'
