import { ensureLength } from './growable'
import type { Vocabulary } from './vocabulary'

/**
 * Turns a record's stored words into term ids: interned, stopwords dropped (their positions too), and
 * each new word's dictionary sub-words derived once, when it is first seen.
 */
export class DocumentTerms {
  /** Per term: 0 not seen as a document word yet, 1 stopword, 2 indexed. */
  private flags = new Int32Array(1024)

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly isStopword: (word: string) => boolean,
  ) {}

  ids(words: readonly string[]): Int32Array {
    const out = new Int32Array(words.length)
    let n = 0
    for (const w of words) {
      let id = this.vocabulary.id(w)
      if (id === undefined || (this.flags[id] ?? 0) === 0) id = this.classify(w)
      if (this.flags[id] === 2) out[n++] = id
    }
    return out.subarray(0, n)
  }

  private classify(word: string): number {
    const id = this.vocabulary.intern(word)
    this.vocabulary.expansion(id)
    this.flags = ensureLength(this.flags, this.vocabulary.size)
    this.flags[id] = word === '' || this.isStopword(word) ? 1 : 2
    return id
  }
}
