/** FNV-1a over UTF-16 code units of text[start, end). */
export function hashSlice(text: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h | 0
}

function sameSlice(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false
  for (let k = 0; k < term.length; k++) if (term.charCodeAt(k) !== text.charCodeAt(start + k)) return false
  return true
}

/**
 * Term ids by the characters of a slice of a longer string: a rebuild reads each record's stored words
 * as one space-separated string and looks every word up without cutting it out (no string per word, no
 * garbage). Open addressing over the vocabulary's own term list.
 */
export class TermTable {
  private slots = new Int32Array(1 << 12)
  private hashes = new Int32Array(1 << 11)
  private count = 0

  constructor(private readonly terms: readonly string[]) {}

  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!
      if (slot === 0) return -1
      const id = slot - 1
      if (this.hashes[id] === hash && sameSlice(this.terms[id]!, text, start, end)) return id
    }
  }

  add(id: number, hash: number): void {
    if (id >= this.hashes.length) {
      const next = new Int32Array(Math.max(this.hashes.length * 2, id + 1))
      next.set(this.hashes)
      this.hashes = next
    }
    this.hashes[id] = hash
    if (++this.count * 2 > this.slots.length) this.rehash()
    else this.place(id)
  }

  private place(id: number): void {
    const mask = this.slots.length - 1
    let i = this.hashes[id]! & mask
    while (this.slots[i] !== 0) i = (i + 1) & mask
    this.slots[i] = id + 1
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    for (let id = 0; id < this.count; id++) this.place(id)
  }
}
