import { hashSlice } from './term-table'
import type { Vocabulary } from './vocabulary'

const _SPACE = 32

/**
 * Turns a record's stored words into term ids: interned, stopwords dropped (their positions too), and
 * each new word's dictionary sub-words derived once, when it is first seen.
 */
export class DocumentTerms {
  /** Per term: 0 not seen as a document word yet, 1 stopword, 2 indexed. */
  private flags = new Int8Array(1024)

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly isStopword: (word: string) => boolean,
  ) {}

  private buffers: Int32Array[] = []

  /**
   * Term ids of one field's words — an array, or the space-separated string PostgreSQL stores (read in
   * place, without a string per word). The result is a view into a buffer per `slot`, valid until the
   * next call with the same slot.
   */
  ids(words: readonly string[] | string, slot = 0): Int32Array {
    const capacity = typeof words === 'string' ? (words.length >> 1) + 1 : words.length
    let out = this.buffers[slot]
    if (!out || out.length < capacity) {
      out = new Int32Array(Math.max(capacity, 256))
      this.buffers[slot] = out
    }
    let n = 0
    if (typeof words === 'string') {
      for (let start = 0; start < words.length; ) {
        let end = words.indexOf(' ', start)
        if (end < 0) end = words.length
        if (end > start) {
          let id = this.vocabulary.idOfSlice(words, start, end, hashSlice(words, start, end))
          if (id < 0 || (this.flags[id] ?? 0) === 0) id = this.classify(words.slice(start, end))
          if (this.flags[id] === 2) {
            if (n === out.length) out = this.grow(slot, n)
            out[n++] = id
          }
        }
        start = end + 1
      }
      return out.subarray(0, n)
    }
    for (const w of words) {
      if (!w) continue
      let id = this.vocabulary.id(w)
      if (id === undefined || (this.flags[id] ?? 0) === 0) id = this.classify(w)
      if (this.flags[id] === 2) out[n++] = id
    }
    return out.subarray(0, n)
  }

  private grow(slot: number, length: number): Int32Array {
    const next = new Int32Array(length * 2)
    next.set(this.buffers[slot]!.subarray(0, length))
    this.buffers[slot] = next
    return next
  }

  private classify(word: string): number {
    const id = this.vocabulary.intern(word)
    this.vocabulary.expansion(id)
    if (this.flags.length < this.vocabulary.size) {
      const next = new Int8Array(Math.max(this.flags.length * 2, this.vocabulary.size))
      next.set(this.flags)
      this.flags = next
    }
    this.flags[id] = word === '' || this.isStopword(word) ? 1 : 2
    return id
  }
}
