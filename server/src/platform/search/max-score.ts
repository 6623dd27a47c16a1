import type { DocPredicate } from './filter'
import { IMPACT_SCALE } from './scoring'
import { BLOCK_SIZE, type Segment } from './segment'
import { TopK } from './top-k'

/** A query term with its weight (boost × idf); a document's score is Σ weight · impact / 255. */
export interface WeightedTerm {
  readonly term: number
  readonly weight: number
}

const BLOCK_SHIFT = Math.log2(BLOCK_SIZE)
/** Documents are scored in windows of this many document numbers. */
const WINDOW_SHIFT = 12
const WINDOW = 1 << WINDOW_SHIFT
/** The starting threshold scores the best block of each of the 3 strongest terms, on the 5 strongest terms. */
const PRIMING_BLOCKS = 3
const PRIMING_TERMS = 5

const accumulator = new Float64Array(WINDOW)
const present = new Int32Array(WINDOW >> 5)

/** Position of `doc` in a term's postings (−1 if absent): the block by its last document, then within it. */
function find(
  postings: Uint32Array,
  blockLast: Uint32Array,
  start: number,
  end: number,
  blockBase: number,
  blockEnd: number,
  doc: number,
): number {
  let lo = blockBase
  let hi = blockEnd - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (blockLast[mid]! < doc) lo = mid + 1
    else hi = mid
  }
  if (blockLast[lo]! < doc) return -1
  const key = doc * 256
  let a = start + ((lo - blockBase) << BLOCK_SHIFT)
  let b = Math.min(a + BLOCK_SIZE, end) - 1
  while (a < b) {
    const mid = (a + b) >>> 1
    if (postings[mid]! < key) a = mid + 1
    else b = mid
  }
  return postings[a]! >>> 8 === doc ? a : -1
}

interface Cursors {
  readonly n: number
  readonly weight: Float64Array
  readonly start: Int32Array
  readonly end: Int32Array
  readonly pos: Int32Array
  readonly blockBase: Int32Array
  readonly blockEnd: Int32Array
  readonly block: Int32Array
  /** Σ of the upper bounds of terms 0..i (terms sorted by upper bound, ascending). */
  readonly prefix: Float64Array
}

function openCursors(segment: Segment, query: readonly WeightedTerm[]): Cursors {
  const data = segment.data
  const found: { weight: number; start: number; end: number; block: number; blockEnd: number; bound: number }[] = []
  for (const { term, weight } of query) {
    const local = segment.lookup(term)
    if (local < 0 || weight <= 0) continue
    const w = weight / IMPACT_SCALE
    found.push({
      weight: w,
      start: data.postingStart[local]!,
      end: data.postingStart[local + 1]!,
      block: data.blockStart[local]!,
      blockEnd: data.blockStart[local + 1]!,
      bound: w * data.termMax[local]!,
    })
  }
  found.sort((a, b) => a.bound - b.bound)
  const n = found.length
  const cursors: Cursors = {
    n,
    weight: Float64Array.from(found, (f) => f.weight),
    start: Int32Array.from(found, (f) => f.start),
    end: Int32Array.from(found, (f) => f.end),
    pos: Int32Array.from(found, (f) => f.start),
    blockBase: Int32Array.from(found, (f) => f.block),
    blockEnd: Int32Array.from(found, (f) => f.blockEnd),
    block: Int32Array.from(found, (f) => f.block),
    prefix: new Float64Array(n),
  }
  for (let i = 0; i < n; i++) cursors.prefix[i] = (i > 0 ? cursors.prefix[i - 1]! : 0) + found[i]!.bound
  return cursors
}

/**
 * A floor under the final k-th score: the k-th best partial score (strongest terms only) of the
 * documents in the highest-impact block of each of the strongest terms — where the best documents are
 * likely to be. A partial score is at most the full one, so every real top-k score is at least that.
 * Lowered by a hair so that ties still get in.
 */
function primeThreshold(segment: Segment, c: Cursors, k: number, accept: DocPredicate | null): number {
  const { postings, blockLast, blockMax } = segment.data
  const probe = new TopK(k)
  const strongest = Math.max(0, c.n - PRIMING_TERMS)
  const seen = new Set<number>()
  for (let t = c.n - 1; t >= Math.max(0, c.n - PRIMING_BLOCKS); t--) {
    let best = c.blockBase[t]!
    for (let b = best + 1; b < c.blockEnd[t]!; b++) if (blockMax[b]! > blockMax[best]!) best = b
    const first = c.start[t]! + ((best - c.blockBase[t]!) << BLOCK_SHIFT)
    for (let p = first, last = Math.min(c.end[t]!, first + BLOCK_SIZE); p < last; p++) {
      const doc = postings[p]! >>> 8
      if (seen.has(doc) || segment.deleted[doc] === 1 || (accept !== null && !accept(doc))) continue
      seen.add(doc)
      let score = 0
      for (let i = strongest; i < c.n; i++) {
        const at = i === t ? p : find(postings, blockLast, c.start[i]!, c.end[i]!, c.blockBase[i]!, c.blockEnd[i]!, doc)
        if (at >= 0) score += c.weight[i]! * (postings[at]! & 255)
      }
      probe.offer(score, 0, doc)
    }
  }
  const estimate = probe.threshold()
  return estimate > 0 ? estimate - 1e-9 * estimate : Number.NEGATIVE_INFINITY
}

/**
 * Top-k of one segment, exact, without scoring every matching document: block-max MaxScore over
 * windows of document numbers (Turtle & Flood 1995; Ding & Suel 2011; Lucene's block-max bulk scorer).
 * Terms are ordered by upper bound; those whose bounds sum to ≤ the heap threshold are non-essential —
 * a document must contain an essential term to be a candidate. Per window, the blocks' largest impacts
 * bound what any document there can score: windows that cannot beat the threshold are skipped whole.
 * In the others, essential postings are summed term at a time into a small accumulator; candidates are
 * then visited in document order and the non-essential lists only probed, largest bound first, until
 * the window bounds show the candidate cannot enter the heap.
 */
export function searchPruned(
  segment: Segment,
  segmentIndex: number,
  query: readonly WeightedTerm[],
  heap: TopK,
  accept: DocPredicate | null,
): void {
  const c = openCursors(segment, query)
  const n = c.n
  if (n === 0) return
  const data = segment.data
  const { postings, blockLast, blockMax } = data
  const deleted = segment.deleted
  const { weight, start, end, pos, blockBase, blockEnd, block, prefix } = c
  const floor = heap.size < heap.k ? primeThreshold(segment, c, heap.k, accept) : Number.NEGATIVE_INFINITY
  let threshold = Math.max(heap.threshold(), floor)
  const windowBound = new Float64Array(n)
  const lowerBound = new Float64Array(n)

  for (let from = 0; from < data.size; from += WINDOW) {
    const to = Math.min(from + WINDOW, data.size)
    let firstEssential = 0
    while (firstEssential < n && prefix[firstEssential]! <= threshold) firstEssential++
    if (firstEssential === n) break

    // the most each term can add to a document of this window, from the maxima of its overlapping blocks
    let total = 0
    for (let i = 0; i < n; i++) {
      let b = block[i]!
      while (b < blockEnd[i]! && blockLast[b]! < from) b++
      block[i] = b
      let max = 0
      // block x holds documents after blockLast[x − 1]: it can overlap the window only if that is < to
      for (let x = b; x < blockEnd[i]!; x++) {
        if (x > blockBase[i]! && blockLast[x - 1]! >= to - 1) break
        if (blockMax[x]! > max) max = blockMax[x]!
        if (blockLast[x]! >= to) break
      }
      windowBound[i] = weight[i]! * max
      total += windowBound[i]!
      lowerBound[i] = (i > 0 ? lowerBound[i - 1]! : 0) + windowBound[i]!
    }
    if (total <= threshold) continue

    // essential terms, term at a time into the window's accumulator
    let any = false
    for (let i = firstEssential; i < n; i++) {
      if (windowBound[i] === 0) continue
      let p = pos[i]!
      const first = start[i]! + ((block[i]! - blockBase[i]!) << BLOCK_SHIFT)
      if (first > p) p = first
      const stop = end[i]!
      const w = weight[i]!
      const fromKey = from * 256
      const toKey = to * 256
      while (p < stop && postings[p]! < fromKey) p++
      for (; p < stop; p++) {
        const posting = postings[p]!
        if (posting >= toKey) break
        const slot = (posting >>> 8) - from
        if (accumulator[slot] === 0) present[slot >> 5]! |= 1 << (slot & 31)
        accumulator[slot]! += w * (posting & 255)
        any = true
      }
      pos[i] = p
    }
    if (!any) continue

    // candidates in document order: probe the non-essential terms while the candidate can still enter
    const restBound = firstEssential > 0 ? lowerBound[firstEssential - 1]! : 0
    for (let word = 0; word < WINDOW >> 5; word++) {
      let bits = present[word]!
      if (bits === 0) continue
      present[word] = 0
      while (bits !== 0) {
        const low = bits & -bits
        bits ^= low
        const slot = (word << 5) + 31 - Math.clz32(low)
        let score = accumulator[slot]!
        accumulator[slot] = 0
        const doc = from + slot
        if (score + restBound <= threshold) continue
        if (deleted[doc] === 1 || (accept !== null && !accept(doc))) continue
        let competitive = true
        for (let i = firstEssential - 1; i >= 0; i--) {
          if (score + lowerBound[i]! <= threshold) {
            competitive = false
            break
          }
          if (windowBound[i] === 0) continue
          let p = pos[i]!
          if (p >= end[i]!) continue
          const key = doc * 256
          if (postings[p]! < key) {
            let b = blockBase[i]! + ((p - start[i]!) >> BLOCK_SHIFT)
            while (b < blockEnd[i]! && blockLast[b]! < doc) b++
            if (b === blockEnd[i]) {
              pos[i] = end[i]!
              continue
            }
            const first = start[i]! + ((b - blockBase[i]!) << BLOCK_SHIFT)
            if (first > p) p = first
            while (postings[p]! < key) p++
            pos[i] = p
          }
          if (postings[p]! >>> 8 === doc) score += weight[i]! * (postings[p]! & 255)
        }
        if (!competitive || score <= threshold) continue
        heap.offer(score, segmentIndex, doc)
        const raised = heap.threshold()
        if (raised > threshold) threshold = raised
      }
    }
  }
}
