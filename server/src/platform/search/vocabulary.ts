import { ensureLength, GrowableU32 } from './growable'
import { hashSlice, TermTable } from './term-table'

/** Character unigram for one-character words, adjacent bigrams otherwise: the keys of the fuzzy fallback. */
export function charGrams(word: string): string[] {
  const chars = Array.from(word)
  if (chars.length === 1) return chars
  const grams: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!
    if (!grams.includes(gram)) grams.push(gram)
  }
  return grams
}

const COMMON_GRAM = 2000
/** One wrong character in a 4-character Chinese word leaves a Dice similarity of 1/3; Latin bigrams say less. */
const CJK = /[\u3400-\u9fff]/

export interface SimilarTerm {
  id: number
  similarity: number
}

/**
 * The index-wide term dictionary: string ↔ id, live document frequencies, each word's dictionary sub-words
 * (derived once per distinct word), and a character-gram index over the words for the fuzzy fallback.
 */
export class Vocabulary {
  readonly terms: string[] = []
  df = new Int32Array(1024)
  /** Sub-words of term t: expansionPool[expansionStart[t] …] , expansionCount[t] − 1 of them (0 = not derived yet). */
  expansionStart = new Int32Array(1024)
  expansionCount = new Int32Array(1024)
  readonly expansionPool = new GrowableU32()
  private readonly ids = new Map<string, number>()
  private readonly table = new TermTable(this.terms)
  private readonly grams = new Map<string, number[]>()
  private gramIndexed = 0

  constructor(private readonly subwords: (word: string) => readonly string[]) {}

  get size(): number {
    return this.terms.length
  }

  id(term: string): number | undefined {
    return this.ids.get(term)
  }

  intern(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.terms.length
      this.terms.push(term)
      this.ids.set(term, id)
      this.table.add(id, hashSlice(term, 0, term.length))
      if (id >= this.df.length) {
        this.df = ensureLength(this.df, id + 1)
        this.expansionStart = ensureLength(this.expansionStart, id + 1)
        this.expansionCount = ensureLength(this.expansionCount, id + 1)
      }
    }
    return id
  }

  /** Id of the word text[start, end), −1 if unknown; `hash` is hashSlice of the same range. */
  idOfSlice(text: string, start: number, end: number, hash: number): number {
    return this.table.find(text, start, end, hash)
  }

  term(id: number): string {
    return this.terms[id] ?? ''
  }

  /** Ids of the dictionary sub-words of a word (具身智能机器人 → 具身智能, 机器人 …), interned on first use. */
  expansion(id: number): Uint32Array {
    if (this.expansionCount[id] === 0)
      this.setExpansion(
        id,
        this.subwords(this.term(id)).map((w) => this.intern(w)),
      )
    const start = this.expansionStart[id]!
    return this.expansionPool.data.subarray(start, start + this.expansionCount[id]! - 1)
  }

  /** Ids of the known dictionary sub-words of any text, interning nothing (queries must not grow the index). */
  knownSubwords(text: string): number[] {
    const out: number[] = []
    for (const word of this.subwords(text)) {
      const id = this.ids.get(word)
      if (id !== undefined) out.push(id)
    }
    return out
  }

  /** Precomputed expansions, e.g. from a snapshot or a worker; avoids running the segmenter again. */
  setExpansion(id: number, expansion: ArrayLike<number>): void {
    this.expansionStart[id] = this.expansionPool.length
    for (let i = 0; i < expansion.length; i++) this.expansionPool.push(expansion[i]!)
    this.expansionCount[id] = expansion.length + 1
  }

  hasExpansion(id: number): boolean {
    return (this.expansionCount[id] ?? 0) > 0
  }

  /**
   * Words of the index that share character grams with an unknown query word, best first (Dice
   * similarity ≥ minimum, then frequency): a one-character difference in a query still finds documents.
   */
  similar(word: string, limit: number, minimum = CJK.test(word) ? 0.3 : 0.6): SimilarTerm[] {
    this.indexGrams()
    const keys = charGrams(word)
    const shared = new Map<number, number>()
    // rarest grams first; a gram shared by thousands of words (智能) adds nothing once others have spoken
    const lists = keys.map((key) => this.grams.get(key) ?? []).sort((a, b) => a.length - b.length)
    lists.forEach((list, i) => {
      if (i > 0 && list.length > COMMON_GRAM) return
      for (const id of list) shared.set(id, (shared.get(id) ?? 0) + 1)
    })
    const out: SimilarTerm[] = []
    for (const [id, count] of shared) {
      if ((this.df[id] ?? 0) <= 0) continue
      const similarity = (2 * count) / (keys.length + charGrams(this.term(id)).length)
      if (similarity >= minimum) out.push({ id, similarity })
    }
    out.sort((a, b) => b.similarity - a.similarity || (this.df[b.id] ?? 0) - (this.df[a.id] ?? 0) || a.id - b.id)
    return out.slice(0, limit)
  }

  private indexGrams(): void {
    for (; this.gramIndexed < this.terms.length; this.gramIndexed++) {
      for (const key of charGrams(this.term(this.gramIndexed))) {
        const list = this.grams.get(key)
        if (list) list.push(this.gramIndexed)
        else this.grams.set(key, [this.gramIndexed])
      }
    }
  }
}
