import { segment } from '../../server/src/platform/text/tokenize'
import type { Corpus } from './corpus'
import { seededRandom } from './random'

export type QueryKind = 'title' | 'keywords'

export interface BenchQuery {
  readonly id: string
  readonly kind: QueryKind
  readonly text: string
  /** Segmented once for every engine (segmentation time is the same for all and left out). */
  readonly words: readonly string[]
  /** The same words with ' ' where the text had a space (keyword boundaries), for engines that use phrases. */
  readonly sequence: readonly string[]
  readonly paper: number
}

function query(id: string, kind: QueryKind, text: string, paper: number): BenchQuery {
  const sequence = text
    .split(/\s+/)
    .filter((piece) => piece)
    .flatMap((piece, i) => (i === 0 ? segment(piece) : [' ', ...segment(piece)]))
  return { id, kind, text, words: sequence.filter((w) => w !== ' '), sequence, paper }
}

/** Titles and 2–3 of each paper's keywords, for the papers of one split (dev to tune, held-out to report). */
export function makeQueries(corpus: Corpus, split: 'dev' | 'heldout', kinds: readonly QueryKind[]): BenchQuery[] {
  const random = seededRandom(split === 'dev' ? 7 : 11)
  const out: BenchQuery[] = []
  corpus.papers.forEach((paper, p) => {
    if (paper.split !== split) return
    if (kinds.includes('title')) out.push(query(`${paper.id}:t`, 'title', paper.title, p))
    if (kinds.includes('keywords') && paper.keywords.length >= 2) {
      const want = paper.keywords.length >= 3 && random() < 0.5 ? 3 : 2
      const pool = [...paper.keywords]
      const chosen: string[] = []
      while (chosen.length < want) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!)
      const text = chosen.join(' ')
      out.push(query(`${paper.id}:k`, 'keywords', text, p))
    }
  })
  return out
}

/** Graded relevance: the source paper 2; a document of the same 学科 sharing one of its keywords 1. */
export function grade(corpus: Corpus, query: BenchQuery, doc: number): number {
  if (corpus.docPaper[doc] === query.paper) return 2
  if (corpus.docDiscipline[doc] !== corpus.paperDiscipline[query.paper]) return 0
  const wanted = corpus.paperKeywords[query.paper]!
  return corpus.keywords(doc).some((k) => wanted.includes(k)) ? 1 : 0
}

/** Per query, how many grade-1 documents exist (capped at `cap`): the ideal ranking for nDCG. */
export function countGradeOne(corpus: Corpus, queries: readonly BenchQuery[], cap: number): Int32Array {
  const counts = new Int32Array(queries.length)
  const byKey = new Map<string, number[]>()
  queries.forEach((q, i) => {
    const d = corpus.paperDiscipline[q.paper]!
    for (const k of corpus.paperKeywords[q.paper]!) {
      const key = `${d}:${k}`
      const list = byKey.get(key)
      if (list) list.push(i)
      else byKey.set(key, [i])
    }
  })
  const stamp = new Int32Array(queries.length).fill(-1)
  for (let doc = 0; doc < corpus.size; doc++) {
    const d = corpus.docDiscipline[doc]!
    for (const k of corpus.keywords(doc)) {
      for (const i of byKey.get(`${d}:${k}`) ?? []) {
        if (stamp[i] === doc || corpus.docPaper[doc] === queries[i]!.paper) continue
        stamp[i] = doc
        if (counts[i]! < cap) counts[i]!++
      }
    }
  }
  return counts
}
