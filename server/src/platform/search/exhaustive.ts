import type { WeightedTerm } from './max-score'
import { IMPACT_SCALE } from './scoring'
import type { Segment } from './segment'

/** Reusable per-document accumulators, grown to the largest segment searched. */
export class Accumulators {
  scores = new Float64Array(0)
  matched = new Uint16Array(0)
  touched = new Int32Array(0)

  ensure(size: number): void {
    if (this.scores.length >= size) return
    this.scores = new Float64Array(size)
    this.matched = new Uint16Array(size)
    this.touched = new Int32Array(size)
  }
}

/**
 * Scores every document of a segment that contains a query term (term at a time). Used when the whole
 * matching set is needed — facet counts, totals, sorting by an attribute — and as the reference the
 * pruned search is tested against. Calls `visit(doc, score, matchedTerms)` once per touched document
 * (deleted ones excluded), in no particular order, then clears the accumulators.
 */
export function scoreAll(
  segment: Segment,
  query: readonly WeightedTerm[],
  acc: Accumulators,
  visit: (doc: number, score: number, matchedTerms: number) => void,
): void {
  acc.ensure(segment.size)
  const { scores, matched, touched } = acc
  const { postings, postingStart } = segment.data
  let n = 0
  for (const { term, weight } of query) {
    const local = segment.lookup(term)
    if (local < 0 || weight <= 0) continue
    const w = weight / IMPACT_SCALE
    for (let p = postingStart[local]!, end = postingStart[local + 1]!; p < end; p++) {
      const doc = postings[p]! >>> 8
      if (matched[doc] === 0) touched[n++] = doc
      matched[doc]!++
      scores[doc]! += w * (postings[p]! & 255)
    }
  }
  const deleted = segment.deleted
  for (let i = 0; i < n; i++) {
    const doc = touched[i]!
    if (deleted[doc] === 0) visit(doc, scores[doc]!, matched[doc]!)
    scores[doc] = 0
    matched[doc] = 0
  }
}
