import type { AttributeSchema, Attributes, AttributeValue } from './attributes'
import type { MatchContext } from './context'
import type { FeatureName, FeatureVector } from './features'
import type { Filter } from './filter'
import type { QueryOptions } from './query'
import type { RerankerModel } from './reranker'
import type { FieldConfig } from './scoring'

export interface SearchIndexConfig {
  /** Text fields in BM25F, e.g. title ×3, keywords ×2, summary ×1. */
  readonly fields: readonly FieldConfig[]
  readonly attributes?: AttributeSchema
  readonly k1?: number
  /**
   * A keyword attribute to group documents by inside each built segment (discipline, industry): documents
   * on one subject then share posting blocks, and block maxima skip far more. Not used by the write buffer.
   */
  readonly clusterBy?: string
  /** Attributes whose agreement among the top candidates is a ranking feature (discipline, industry). */
  readonly agreementAttributes?: readonly string[]
  readonly reranker?: RerankerModel
  /** How many first-stage results the re-ranker reorders. */
  readonly rerankDepth?: number
  readonly query?: Partial<QueryOptions>
  /** Documents written since the last seal are kept in a small segment rebuilt on read; sealed at this size. */
  readonly bufferLimit?: number
  /** More sealed segments than this and the smaller ones are merged. */
  readonly maxSegments?: number
  /** Dictionary sub-words of a word; defaults to jieba with the domain dictionary. */
  readonly subwords?: (word: string) => readonly string[]
  readonly isStopword?: (word: string) => boolean
}

/**
 * A record as the index receives it: its stored words per field (from `segment`; an array, or the
 * space-separated string PostgreSQL keeps) and its attributes.
 */
export interface IndexDocument {
  readonly id: string
  readonly fields: Readonly<Record<string, readonly string[] | string>>
  readonly attributes?: Attributes
}

export type SortOrder = 'relevance' | { readonly attribute: string; readonly order: 'asc' | 'desc' }

export interface SearchRequest {
  /** Free text, segmented with the domain dictionary … */
  readonly text?: string
  /** … or words already segmented (a record's stored tokens when matching record to record). */
  readonly words?: readonly string[]
  readonly filter?: Filter
  /** Attributes to count values of over the whole matching set (after filters). */
  readonly facets?: readonly string[]
  readonly facetLimit?: number
  readonly sort?: SortOrder
  readonly offset?: number
  readonly limit?: number
  /** Count the whole matching set (a registry's 共 N 条); implied by facets and attribute sorts. */
  readonly count?: boolean
  /** A document matches when it has at least this many of the query's words (default 1). */
  readonly minimumMatch?: number
  readonly context?: MatchContext
  /** Attach 为什么推荐 to every hit. */
  readonly explain?: boolean
  /** Re-rank with the feature model (default true). */
  readonly rerank?: boolean
  /** Leave these documents out (the record itself when matching record to record). */
  readonly exclude?: readonly string[]
}

export interface FacetCount {
  readonly value: string
  readonly count: number
}

export interface MatchedTerm {
  readonly word: string
  /** How the query word was matched: itself, through its sub-words, or through similar words. */
  readonly via: 'exact' | 'subwords' | 'similar'
  /** Occurrences per field. */
  readonly occurrences: Readonly<Record<string, number>>
}

/** 为什么推荐: the evidence behind one result, in numbers and in Chinese sentences. */
export interface Reasons {
  readonly matchedTerms: readonly MatchedTerm[]
  /** Share of the text score each field brought (title, keywords, summary …). */
  readonly fieldContributions: Readonly<Record<string, number>>
  readonly features: FeatureVector
  /** weight × feature, the parts of the final score. */
  readonly contributions: Readonly<Partial<Record<FeatureName, number>>>
  readonly shared: readonly { readonly attribute: string; readonly values: readonly string[] }[]
  readonly trl?: number
  readonly distanceKm?: number
  readonly summary: readonly string[]
  readonly model: string
}

export interface SearchHit {
  readonly id: string
  readonly score: number
  /** Document words to highlight (the query words as they occur in this document). */
  readonly highlight: readonly string[]
  readonly attributes: Readonly<Record<string, AttributeValue>>
  readonly reasons?: Reasons
}

export interface QueryWordReport {
  readonly word: string
  readonly via: 'exact' | 'subwords' | 'similar' | 'none'
  readonly terms: readonly string[]
}

export interface SearchResponse {
  readonly hits: readonly SearchHit[]
  /** Size of the matching set after filters; absent when the search was pruned (no count asked). */
  readonly total?: number
  readonly facets?: Readonly<Record<string, readonly FacetCount[]>>
  /** How each query word was understood (for "did you mean" and highlighting). */
  readonly query: readonly QueryWordReport[]
}
