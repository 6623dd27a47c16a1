import { segment as segmentText } from '../text/tokenize'
import { readAttributes } from './attributes'
import { contextEvidence } from './context'
import { Accumulators, scoreAll } from './exhaustive'
import { buildReasons } from './explain'
import { agreementScores, type Evidence, FeatureExtractor, FeatureScratch } from './features'
import { compileFilter, type DocPredicate } from './filter'
import { searchPruned } from './max-score'
import { type AnalyzedQuery, analyzeQuery } from './query'
import { rerankScore } from './reranker'
import type { SearchIndex } from './search-index'
import type { Segment } from './segment'
import { type Ranked, TopK } from './top-k'
import type { FacetCount, SearchHit, SearchRequest, SearchResponse } from './types'

const accumulators = new Accumulators()
const featureScratch = new FeatureScratch()

const BREAK = /[\s\p{P}\p{S}]+/u

/**
 * The query as a word sequence: given words, or the text cut at spaces and punctuation and segmented;
 * stopwords become breaks (null) unless nothing else is left. Breaks delimit phrases.
 */
export function querySequence(index: SearchIndex, request: SearchRequest): (string | null)[] {
  const raw: (string | null)[] = []
  if (request.words) for (const w of request.words) raw.push(w.trim() ? w.toLowerCase() : null)
  else {
    for (const piece of (request.text ?? '').split(BREAK)) {
      if (piece) raw.push(...segmentText(piece))
      raw.push(null)
    }
  }
  const kept = raw.map((w) => (w !== null && index.config.isStopword(w) ? null : w))
  return kept.some((w) => w !== null) ? kept : raw
}

function predicates(index: SearchIndex, segments: readonly Segment[], request: SearchRequest): (DocPredicate | null)[] {
  const excluded = new Set(request.exclude ?? [])
  return segments.map((segment) => {
    const filter = request.filter
      ? compileFilter(request.filter, {
          schema: index.config.attributes,
          dictionaries: index.dictionaries,
          columns: segment.data.attributes,
        })
      : null
    if (excluded.size === 0) return filter
    const ids = segment.data.ids
    return (doc) => !excluded.has(ids[doc]!) && (filter === null || filter(doc))
  })
}

interface Candidate extends Ranked {
  evidence?: Evidence
  final: number
}

/** Search = analyze → first stage (pruned, or exhaustive when counts are needed) → re-rank → hits. */
export function runSearch(index: SearchIndex, request: SearchRequest): SearchResponse {
  const analyzed = analyzeQuery(querySequence(index, request), index.vocabulary, index.size, index.config.query)
  const segments = index.segments()
  const accept = predicates(index, segments, request)
  const offset = Math.max(0, request.offset ?? 0)
  const limit = Math.max(0, request.limit ?? 10)
  const sort = request.sort ?? 'relevance'
  const byRelevance = sort === 'relevance'
  const rerank = byRelevance && (request.rerank ?? true) && analyzed.words.length > 0
  const depth = rerank ? Math.max(index.config.rerankDepth, offset + limit) : offset + limit
  const minimumMatch = Math.max(1, request.minimumMatch ?? 1)
  // no words at all (a filtered list page): every record matches, in attribute order or as stored
  const browse = analyzed.words.length === 0 && request.text === undefined && request.words === undefined
  const exhaustive =
    browse || (request.facets?.length ?? 0) > 0 || !byRelevance || request.count === true || minimumMatch > 1
  const heap = new TopK(depth)
  let total: number | undefined
  let facets: Record<string, FacetCount[]> | undefined
  if (exhaustive) {
    const counter = facetCounter(index, request.facets ?? [])
    total = 0
    segments.forEach((segment, s) => {
      const predicate = accept[s] ?? null
      const sortColumn = byRelevance ? undefined : segment.data.attributes[sort.attribute]
      const sign = !byRelevance && sort.order === 'asc' ? -1 : 1
      const visitor = (doc: number, score: number, matched: number) => {
        if (matched < minimumMatch || (predicate !== null && !predicate(doc))) return
        total!++
        counter.count(segment, doc)
        if (byRelevance) heap.offer(score, s, doc)
        else {
          const v = sortColumn?.kind === 'number' ? sortColumn.values[doc]! : Number.NaN
          heap.offer(Number.isNaN(v) ? Number.NEGATIVE_INFINITY : sign * v, s, doc)
        }
      }
      if (!browse) scoreAll(segment, analyzed.terms, accumulators, visitor)
      else for (let doc = 0; doc < segment.size; doc++) if (segment.deleted[doc] === 0) visitor(doc, 0, minimumMatch)
    })
    facets = counter.result(request.facetLimit ?? 50)
  } else {
    segments.forEach((segment, s) => {
      searchPruned(segment, s, analyzed.terms, heap, accept[s] ?? null)
    })
  }
  const ranked: Candidate[] = heap.sorted().map((r) => ({ ...r, final: r.score }))
  const extractor = new FeatureExtractor(analyzed, index.vocabulary, featureScratch)
  try {
    if (rerank) rerankCandidates(index, request, segments, ranked, extractor)
    const page = ranked.slice(offset, offset + limit)
    const best = Math.max(0, ...ranked.slice(0, index.config.rerankDepth).map((c) => c.score))
    const hits = page.map((c) => toHit(index, request, analyzed, segments, c, extractor, best))
    return {
      hits,
      ...(total === undefined ? {} : { total }),
      ...(facets === undefined ? {} : { facets }),
      query: analyzed.words.map((w) => ({
        word: w.text,
        via: w.via,
        terms: w.terms.map((t) => index.vocabulary.term(t)),
      })),
    }
  } finally {
    extractor.release()
  }
}

function rerankCandidates(
  index: SearchIndex,
  request: SearchRequest,
  segments: readonly Segment[],
  ranked: Candidate[],
  extractor: FeatureExtractor,
): void {
  const n = Math.min(ranked.length, index.config.rerankDepth)
  const head = ranked.slice(0, n)
  const best = head[0]?.score ?? 0
  const agreement = agreementScores(
    head.map((c) => ({ segment: segments[c.segment]!, doc: c.doc, score: c.score })),
    index.config.agreementAttributes,
  )
  head.forEach((c, i) => {
    const segment = segments[c.segment]!
    const evidence = extractor.extract(segment, c.doc, c.score, best)
    const context = contextEvidence(request.context, segment, c.doc, index.dictionaries)
    evidence.features.agreement = agreement[i]!
    evidence.features.attributeMatch = context.attributeMatch
    evidence.features.trlFit = context.trlFit
    evidence.features.nearness = context.nearness
    c.evidence = evidence
    c.final = rerankScore(index.reranker, evidence.features)
  })
  head.sort((a, b) => b.final - a.final || b.score - a.score || a.segment - b.segment || a.doc - b.doc)
  // below the re-ranked head, first-stage order continues beneath the head's lowest final score
  const floor = head.length > 0 ? Math.min(...head.map((c) => c.final)) : 0
  for (let i = n; i < ranked.length; i++) ranked[i]!.final = floor - (i - n + 1) * 1e-9
  ranked.splice(0, n, ...head)
}

function toHit(
  index: SearchIndex,
  request: SearchRequest,
  analyzed: AnalyzedQuery,
  segments: readonly Segment[],
  c: Candidate,
  extractor: FeatureExtractor,
  best: number,
): SearchHit {
  const segment = segments[c.segment]!
  const evidence = c.evidence ?? extractor.extract(segment, c.doc, c.score, best)
  const hit: SearchHit = {
    id: segment.data.ids[c.doc]!,
    score: c.final,
    highlight: evidence.matchedTerms.map((t) => index.vocabulary.term(t)),
    attributes: readAttributes(segment.data.attributes, index.dictionaries, c.doc),
  }
  if (!request.explain) return hit
  const context = contextEvidence(request.context, segment, c.doc, index.dictionaries)
  return { ...hit, reasons: buildReasons(index, analyzed, evidence, context, c.score) }
}

function facetCounter(index: SearchIndex, names: readonly string[]) {
  const counts = new Map<string, Map<number, number>>()
  for (const name of names) {
    if (!(name in index.config.attributes)) {
      compileFilter(
        { attribute: name, exists: true },
        { schema: index.config.attributes, dictionaries: index.dictionaries, columns: {} },
      )
    }
    counts.set(name, new Map())
  }
  return {
    count(segment: Segment, doc: number): void {
      for (const [name, map] of counts) {
        const column = segment.data.attributes[name]
        if (!column) continue
        if (column.kind === 'number') {
          const v = column.values[doc]!
          if (!Number.isNaN(v)) map.set(v, (map.get(v) ?? 0) + 1)
        } else if (column.kind === 'keyword') {
          const v = column.values[doc]!
          if (v !== 0) map.set(v, (map.get(v) ?? 0) + 1)
        } else {
          for (let p = column.offsets[doc]!; p < column.offsets[doc + 1]!; p++) {
            const v = column.values[p]!
            map.set(v, (map.get(v) ?? 0) + 1)
          }
        }
      }
    },
    result(limit: number): Record<string, FacetCount[]> {
      const out: Record<string, FacetCount[]> = {}
      for (const [name, map] of counts) {
        const dictionary = index.dictionaries.get(name)
        out[name] = [...map]
          .map(([v, count]) => ({ value: dictionary ? dictionary.values[v]! : String(v), count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
          .slice(0, limit)
      }
      return out
    },
  }
}
