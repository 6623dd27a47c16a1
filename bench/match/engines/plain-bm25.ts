import type { Corpus } from '../corpus'
import { heldBytes } from '../memory'
import type { BenchQuery } from '../queries'
import type { BenchEngine, BuildReport } from './engine'

const K1 = 1.2
const B = 0.75

/**
 * The bar to beat: textbook BM25 over the stored tokens, one field, postings in typed arrays, every
 * matching document scored (no pruning, no re-ranking).
 */
export class PlainBm25 implements BenchEngine {
  readonly name = 'plain BM25 (exhaustive, typed arrays)'
  private readonly ids = new Map<string, number>()
  private start = new Uint32Array(0)
  private docs = new Uint32Array(0)
  private tfs = new Uint16Array(0)
  private lengths = new Uint16Array(0)
  private average = 1
  private scores = new Float64Array(0)
  private touched = new Int32Array(0)

  async build(corpus: Corpus): Promise<BuildReport> {
    const before = heldBytes()
    const t0 = performance.now()
    const n = corpus.size
    const docTerms: Int32Array[] = []
    const counts: number[] = []
    this.lengths = new Uint16Array(n)
    let total = 0
    for (let d = 0; d < n; d++) {
      const words = corpus.tokenString(d).split(' ')
      const ids = new Int32Array(words.length)
      words.forEach((w, i) => {
        let id = this.ids.get(w)
        if (id === undefined) {
          id = this.ids.size
          this.ids.set(w, id)
          counts.push(0)
        }
        ids[i] = id
      })
      ids.sort()
      for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) counts[ids[i]!]!++
      docTerms.push(ids)
      this.lengths[d] = Math.min(0xffff, words.length)
      total += words.length
    }
    this.average = total / n
    this.start = new Uint32Array(counts.length + 1)
    for (let t = 0; t < counts.length; t++) this.start[t + 1] = this.start[t]! + counts[t]!
    const fill = this.start.slice(0, counts.length)
    this.docs = new Uint32Array(this.start[counts.length]!)
    this.tfs = new Uint16Array(this.docs.length)
    docTerms.forEach((ids, d) => {
      for (let i = 0; i < ids.length; ) {
        let j = i
        while (j < ids.length && ids[j] === ids[i]) j++
        const at = fill[ids[i]!]!++
        this.docs[at] = d
        this.tfs[at] = j - i
        i = j
      }
    })
    docTerms.length = 0
    this.scores = new Float64Array(n)
    this.touched = new Int32Array(n)
    const seconds = (performance.now() - t0) / 1000
    return { seconds, memoryBytes: heldBytes() - before }
  }

  search(query: BenchQuery): number[] {
    const n = this.lengths.length
    const { scores, touched, docs, tfs, lengths } = this
    let count = 0
    for (const w of new Set(query.words)) {
      const t = this.ids.get(w)
      if (t === undefined) continue
      const df = this.start[t + 1]! - this.start[t]!
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      for (let p = this.start[t]!; p < this.start[t + 1]!; p++) {
        const d = docs[p]!
        const tf = tfs[p]!
        if (scores[d] === 0) touched[count++] = d
        scores[d]! += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[d]!) / this.average))
      }
    }
    const best: { d: number; s: number }[] = []
    for (let i = 0; i < count; i++) {
      const d = touched[i]!
      const s = scores[d]!
      scores[d] = 0
      if (
        best.length < 10 ||
        s > best[best.length - 1]!.s ||
        (s === best[best.length - 1]!.s && d < best[best.length - 1]!.d)
      ) {
        best.push({ d, s })
        best.sort((a, b) => b.s - a.s || a.d - b.d)
        if (best.length > 10) best.pop()
      }
    }
    return best.map((b) => b.d)
  }

  async close(): Promise<void> {}
}
