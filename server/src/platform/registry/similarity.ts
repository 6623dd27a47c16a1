/** The character bigrams of a text without spaces, punctuation and case (a one-character text is its own gram). */
export function bigramsOf(text: string): Set<string> {
  const clean = text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase()
  const out = new Set<string>()
  for (let i = 0; i < clean.length - 1; i++) out.add(clean.slice(i, i + 2))
  if (clean.length === 1) out.add(clean)
  return out
}

/** `bigramsOf` that remembers each text's grams, for a batch that meets the same texts many times. */
export function rememberedBigrams(): (text: string) => ReadonlySet<string> {
  const known = new Map<string, ReadonlySet<string>>()
  return (text) => {
    const seen = known.get(text)
    if (seen) return seen
    const set = bigramsOf(text)
    known.set(text, set)
    return set
  }
}

function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const g of x) if (y.has(g)) shared++
  return shared / (x.size + y.size - shared)
}

/** Character-bigram Jaccard similarity: robust for Chinese titles, where word boundaries are uncertain. */
export function bigramSimilarity(a: string, b: string): number {
  return jaccard(bigramsOf(a), bigramsOf(b))
}

/** A record as the near-duplicate rule reads it: its title (or name), its long text, and its owner. */
export type Described = { title: string; text?: string | null; ownerOrgId?: string | null }
export type NearDuplicate = { similarity: number; basis: 'sameOwnerTitle' | 'text' | 'title' }

/**
 * The entry forms' near-duplicate rule for 成果、需求、场景、载体: the same owner with a very similar title, or a
 * near-identical text or title from anyone. `input` is the new record; its text is compared only when given.
 * `grams` may remember the bigrams of texts met before (a bulk import compares each text many times).
 */
export function nearDuplicate(
  input: Described,
  candidate: Described,
  grams: (text: string) => ReadonlySet<string> = bigramsOf,
): NearDuplicate | null {
  const titleSimilarity = jaccard(grams(input.title), grams(candidate.title))
  const textSimilarity = input.text && candidate.text ? jaccard(grams(input.text), grams(candidate.text)) : 0
  if (input.ownerOrgId && candidate.ownerOrgId === input.ownerOrgId && titleSimilarity >= 0.6)
    return { similarity: titleSimilarity, basis: 'sameOwnerTitle' }
  if (textSimilarity >= 0.85 || titleSimilarity >= 0.9)
    return { similarity: Math.max(textSimilarity, titleSimilarity), basis: textSimilarity >= 0.85 ? 'text' : 'title' }
  return null
}

/**
 * Pairs of texts whose bigram similarity reaches `threshold`, each as (earlier, later), without comparing every
 * pair: a prefix-filtered self-join (Chaudhuri et al. 2006; Xiao et al. 2008, PPJoin) over bigrams ordered rarest
 * first — two sets this similar share one of the rarest |x| − ⌈t·|x|⌉ + 1 grams of each. Bounded for a file of
 * many alike rows: each text meets at most `maxCandidates` of the latest earlier texts sharing such a gram, most
 * shared first, and keeps at most `maxMatches` pairs.
 */
export function similarPairs(
  texts: readonly string[],
  threshold: number,
  { maxCandidates = 100, maxMatches = 5 }: { maxCandidates?: number; maxMatches?: number } = {},
): { earlier: number; later: number; similarity: number }[] {
  const sets = texts.map(bigramsOf)
  const frequency = new Map<string, number>()
  for (const set of sets) for (const g of set) frequency.set(g, (frequency.get(g) ?? 0) + 1)
  const rarestFirst = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0)
  const postings = new Map<string, number[]>()
  const out: { earlier: number; later: number; similarity: number }[] = []
  sets.forEach((set, later) => {
    if (set.size === 0) return
    const grams = [...set].sort(rarestFirst)
    const prefix = grams.slice(0, grams.length - Math.ceil(threshold * grams.length - 1e-9) + 1)
    const shared = new Map<number, number>()
    for (const g of prefix) {
      const list = postings.get(g) ?? []
      for (let k = list.length - 1; k >= 0 && k >= list.length - maxCandidates; k--) {
        const earlier = list[k]!
        const size = sets[earlier]!.size
        if (size >= threshold * set.size && set.size >= threshold * size)
          shared.set(earlier, (shared.get(earlier) ?? 0) + 1)
      }
    }
    const candidates = [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, maxCandidates)
    let matches = 0
    for (const [earlier] of candidates) {
      const similarity = jaccard(set, sets[earlier]!)
      if (similarity < threshold) continue
      out.push({ earlier, later, similarity })
      if (++matches >= maxMatches) break
    }
    for (const g of prefix) {
      const list = postings.get(g)
      if (list) list.push(later)
      else postings.set(g, [later])
    }
  })
  return out
}

/**
 * `nearDuplicate` for many new records at once (a form checks one, a bulk import thousands): one search of the
 * index each, one query for all the candidates found (in chunks), the rule on each pair; the five closest each.
 */
export async function nearDuplicatesOnFile<C>(
  inputs: readonly Described[],
  options: {
    search: (input: Described) => string[]
    load: (ids: string[]) => Promise<C[]>
    idOf: (candidate: C) => string
    describe: (candidate: C) => Described
  },
): Promise<{ candidate: C; match: NearDuplicate }[][]> {
  const hits: string[][] = []
  for (const input of inputs) {
    // Thousands of searches in a row would hold up every other request of the process: let them in now and then.
    if (hits.length % 100 === 99) await nextTurn()
    hits.push(options.search(input))
  }
  const ids = [...new Set(hits.flat())]
  const byId = new Map<string, C>()
  for (let from = 0; from < ids.length; from += 5000)
    for (const c of await options.load(ids.slice(from, from + 5000))) byId.set(options.idOf(c), c)
  const grams = rememberedBigrams()
  const out: { candidate: C; match: NearDuplicate }[][] = []
  for (const [k, input] of inputs.entries()) {
    if (k % 100 === 99) await nextTurn()
    const found = hits[k]!.flatMap((id) => {
      const candidate = byId.get(id)
      const match = candidate && nearDuplicate(input, options.describe(candidate), grams)
      return match ? [{ candidate: candidate!, match }] : []
    })
    out.push(found.sort((a, b) => b.match.similarity - a.match.similarity).slice(0, 5))
  }
  return out
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
