import type { Jieba } from '@node-rs/jieba'

const CJK = /[\u3400-\u9fff]/

/**
 * Dictionary words inside a longer word, so 具身智能 is found inside 具身智能机器人 and 强度 inside
 * 抗压强度. Candidates come from jieba's full mode; longer ones win and a candidate that crosses an
 * accepted one is dropped (抗压强度 → 抗压, 强度 but not 压强; 国家主权 → 国家, 主权 but not 家主).
 */
export function dictionarySubwords(jieba: Jieba, word: string): string[] {
  if (word.length < 3 || !CJK.test(word)) return []
  const spans: { start: number; end: number; text: string }[] = []
  let cursor = 0
  for (const piece of jieba.cutAll(word)) {
    // cutAll yields words in order of their start; recover offsets by searching forward from the last start
    const start = word.indexOf(piece, cursor)
    if (start < 0) continue
    cursor = start
    if (piece.length >= 2 && piece.length < word.length) spans.push({ start, end: start + piece.length, text: piece })
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const accepted: typeof spans = []
  for (const span of spans) {
    const crosses = accepted.some(
      (kept) => span.start < kept.end && kept.start < span.end && !(kept.start <= span.start && span.end <= kept.end),
    )
    if (!crosses) accepted.push(span)
  }
  accepted.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: string[] = []
  for (const span of accepted) if (!out.includes(span.text)) out.push(span.text)
  return out
}

/** Caches sub-words per word: a corpus has far fewer distinct words than tokens. */
export class SubwordCache {
  private readonly cache = new Map<string, readonly string[]>()

  constructor(private readonly jieba: () => Jieba) {}

  get(word: string): readonly string[] {
    let hit = this.cache.get(word)
    if (hit === undefined) {
      hit = dictionarySubwords(this.jieba(), word)
      this.cache.set(word, hit)
    }
    return hit
  }

  clear(): void {
    this.cache.clear()
  }
}
