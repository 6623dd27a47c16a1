export type Marked = { text: string; hit: boolean }[]

/** Splits a text into marked and plain runs for the words found (longest first, case-insensitive). */
export function markText(text: string, words: readonly string[]): Marked {
  const wanted = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length)
  if (wanted.length === 0) return [{ text, hit: false }]
  const escaped = wanted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(${escaped.join('|')})`, 'gi')
  const out: Marked = []
  let last = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index), hit: false })
    out.push({ text: match[0], hit: true })
    last = match.index + match[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last), hit: false })
  return out
}

/** A window of about `length` characters around the first hit, marked; the text's start when nothing hits. */
export function snippetOf(text: string, words: readonly string[], length: number): Marked {
  const lower = text.toLowerCase()
  const first = Math.min(
    ...words.map((w) => lower.indexOf(w.toLowerCase())).filter((i) => i >= 0),
    Number.POSITIVE_INFINITY,
  )
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(length / 4)) : 0
  const window = text.slice(start, start + length)
  const marked = markText(window, words)
  if (start > 0) marked.unshift({ text: '…', hit: false })
  if (start + length < text.length) marked.push({ text: '…', hit: false })
  return marked
}
