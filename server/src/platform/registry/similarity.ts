/** Character-bigram Jaccard similarity: robust for Chinese titles, where word boundaries are uncertain. */
export function bigramSimilarity(a: string, b: string): number {
  const grams = (text: string) => {
    const clean = text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase()
    const out = new Set<string>()
    for (let i = 0; i < clean.length - 1; i++) out.add(clean.slice(i, i + 2))
    if (clean.length === 1) out.add(clean)
    return out
  }
  const x = grams(a)
  const y = grams(b)
  if (x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const g of x) if (y.has(g)) shared++
  return shared / (x.size + y.size - shared)
}
