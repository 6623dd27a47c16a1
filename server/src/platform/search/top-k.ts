export interface Ranked {
  score: number
  segment: number
  doc: number
}

/** Lower score, then larger (segment, doc), is worse. */
function isWorse(s1: number, g1: number, d1: number, s2: number, g2: number, d2: number): boolean {
  if (s1 !== s2) return s1 < s2
  return g1 !== g2 ? g1 > g2 : d1 > d2
}

/**
 * The k best (score, segment, doc) seen so far: a binary min-heap whose root is the worst kept entry.
 * Ties go to the smaller (segment, doc), so a search that visits documents in ascending order may prune
 * anything scoring ≤ threshold() and still return exactly what exhaustive scoring returns.
 */
export class TopK {
  size = 0
  private readonly scores: Float64Array
  private readonly segments: Int32Array
  private readonly docs: Int32Array

  constructor(readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k))
    this.segments = new Int32Array(Math.max(1, k))
    this.docs = new Int32Array(Math.max(1, k))
  }

  /** Score a new document must beat to enter (−∞ while not full). */
  threshold(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : this.scores[0]!
  }

  private worseAt(i: number, j: number): boolean {
    return isWorse(this.scores[i]!, this.segments[i]!, this.docs[i]!, this.scores[j]!, this.segments[j]!, this.docs[j]!)
  }

  offer(score: number, segment: number, doc: number): boolean {
    if (this.k <= 0) return false
    if (this.size < this.k) {
      let i = this.size++
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!isWorse(score, segment, doc, this.scores[parent]!, this.segments[parent]!, this.docs[parent]!)) break
        this.move(parent, i)
        i = parent
      }
      this.put(i, score, segment, doc)
      return true
    }
    if (!isWorse(this.scores[0]!, this.segments[0]!, this.docs[0]!, score, segment, doc)) return false
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= this.size) break
      const right = left + 1
      const child = right < this.size && this.worseAt(right, left) ? right : left
      if (!isWorse(this.scores[child]!, this.segments[child]!, this.docs[child]!, score, segment, doc)) break
      this.move(child, i)
      i = child
    }
    this.put(i, score, segment, doc)
    return true
  }

  /** Best first. */
  sorted(): Ranked[] {
    const out: Ranked[] = []
    for (let i = 0; i < this.size; i++)
      out.push({ score: this.scores[i]!, segment: this.segments[i]!, doc: this.docs[i]! })
    return out.sort((a, b) => b.score - a.score || a.segment - b.segment || a.doc - b.doc)
  }

  private move(from: number, to: number): void {
    this.scores[to] = this.scores[from]!
    this.segments[to] = this.segments[from]!
    this.docs[to] = this.docs[from]!
  }

  private put(i: number, score: number, segment: number, doc: number): void {
    this.scores[i] = score
    this.segments[i] = segment
    this.docs[i] = doc
  }
}
