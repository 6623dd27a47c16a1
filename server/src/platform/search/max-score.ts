import type { DocPredicate } from './filter'
import { IMPACT_SCALE } from './scoring'
import { BLOCK_SIZE, type Segment } from './segment'
import type { TopK } from './top-k'

/** A query term with its weight (boost × idf); a document's score is Σ weight · impact / 255. */
export interface WeightedTerm {
  readonly term: number
  readonly weight: number
}

const END = 0x7fffffff
const BLOCK_SHIFT = Math.log2(BLOCK_SIZE)

/**
 * Top-k of one segment by block-max MaxScore (Turtle & Flood 1995; Ding & Suel 2011). Terms are ordered
 * by their upper bound; the prefix whose bounds sum to ≤ the heap threshold is "non-essential": a
 * document has to appear in an essential list to be a candidate, and the non-essential lists are only
 * probed — skipping whole blocks by their last document and giving up when the block maxima show the
 * candidate cannot enter the heap. Exact: it returns what scoring every document would.
 */
export function searchPruned(
  segment: Segment,
  segmentIndex: number,
  query: readonly WeightedTerm[],
  heap: TopK,
  accept: DocPredicate | null,
): void {
  const data = segment.data
  const { docs, impacts, blockLast, blockMax } = data
  const deleted = segment.deleted
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
  const n = found.length
  if (n === 0) return
  found.sort((a, b) => a.bound - b.bound)
  const weight = new Float64Array(n)
  const start = new Int32Array(n)
  const end = new Int32Array(n)
  const pos = new Int32Array(n)
  const cur = new Int32Array(n)
  const blockBase = new Int32Array(n)
  const blockEnd = new Int32Array(n)
  const prefix = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const f = found[i]!
    weight[i] = f.weight
    start[i] = pos[i] = f.start
    end[i] = f.end
    cur[i] = f.start < f.end ? docs[f.start]! : END
    blockBase[i] = f.block
    blockEnd[i] = f.blockEnd
    prefix[i] = (i > 0 ? prefix[i - 1]! : 0) + f.bound
  }
  let threshold = heap.threshold()
  let firstEssential = 0
  while (firstEssential < n && prefix[firstEssential]! <= threshold) firstEssential++

  while (firstEssential < n) {
    let doc = END
    for (let i = firstEssential; i < n; i++) if (cur[i]! < doc) doc = cur[i]!
    if (doc === END) break
    let score = 0
    for (let i = firstEssential; i < n; i++) {
      if (cur[i] !== doc) continue
      const p = pos[i]!
      score += weight[i]! * impacts[p]!
      const next = p + 1
      pos[i] = next
      cur[i] = next < end[i]! ? docs[next]! : END
    }
    if (deleted[doc] === 1 || (accept !== null && !accept(doc))) continue
    let competitive = true
    for (let i = firstEssential - 1; i >= 0; i--) {
      if (score + prefix[i]! <= threshold) {
        competitive = false
        break
      }
      if (cur[i]! < doc) {
        let p = pos[i]!
        let b = blockBase[i]! + ((p - start[i]!) >> BLOCK_SHIFT)
        while (b < blockEnd[i]! && blockLast[b]! < doc) b++
        if (b === blockEnd[i]) {
          pos[i] = end[i]!
          cur[i] = END
          continue
        }
        const first = start[i]! + ((b - blockBase[i]!) << BLOCK_SHIFT)
        if (first > p) p = first
        pos[i] = p
        cur[i] = docs[p]!
        // the block's largest impact bounds what this term can add here
        if (score + weight[i]! * blockMax[b]! + (i > 0 ? prefix[i - 1]! : 0) <= threshold) {
          competitive = false
          break
        }
        while (docs[p]! < doc) p++
        pos[i] = p
        cur[i] = docs[p]!
      }
      if (cur[i] === doc) score += weight[i]! * impacts[pos[i]!]!
    }
    if (!competitive || score <= threshold) continue
    heap.offer(score, segmentIndex, doc)
    const raised = heap.threshold()
    if (raised > threshold) {
      threshold = raised
      while (firstEssential < n && prefix[firstEssential]! <= threshold) firstEssential++
    }
  }
}
