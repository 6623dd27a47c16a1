import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Accumulators, scoreAll } from './exhaustive'
import { searchPruned, type WeightedTerm } from './max-score'
import { SearchIndex } from './search-index'
import { TopK } from './top-k'

const WORDS = Array.from({ length: 40 }, (_, i) => `w${i}`)

function indexOf(docs: string[][], options: { deleteEvery?: number } = {}): SearchIndex {
  const index = SearchIndex.fromDocuments(
    { fields: [{ name: 'text', weight: 1, b: 0.75 }], subwords: () => [], isStopword: () => false },
    docs.map((words, i) => ({ id: `d${i}`, fields: { text: words } })),
  )
  if (options.deleteEvery) for (let i = 0; i < docs.length; i += options.deleteEvery) index.remove(`d${i}`)
  return index
}

function exhaustiveTopK(index: SearchIndex, query: WeightedTerm[], k: number): { score: number; doc: number }[] {
  const all: { score: number; doc: number }[] = []
  for (const segment of index.segments())
    scoreAll(segment, query, new Accumulators(), (doc, score) => all.push({ score, doc }))
  return all.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k)
}

function prunedTopK(index: SearchIndex, query: WeightedTerm[], k: number): { score: number; doc: number }[] {
  const heap = new TopK(k)
  index.segments().forEach((segment, s) => {
    searchPruned(segment, s, query, heap, null)
  })
  return heap.sorted().map((r) => ({ score: r.score, doc: r.doc }))
}

/** Zipf-like word choice so some terms are dense and some rare, as in real text. */
const documentArbitrary = fc.array(
  fc.integer({ min: 0, max: 999 }).map((x) => WORDS[Math.floor((x / 1000) ** 3 * WORDS.length)]!),
  { minLength: 1, maxLength: 30 },
)

describe('block-max MaxScore', () => {
  it('returns exactly the exhaustive top-k on random corpora and queries', () => {
    fc.assert(
      fc.property(
        fc.array(documentArbitrary, { minLength: 1, maxLength: 9000 }),
        fc.uniqueArray(fc.integer({ min: 0, max: WORDS.length - 1 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        (docs, words, boosts, k) => {
          const index = indexOf(docs)
          const query = words
            .map((w, i) => ({ term: index.vocabulary.id(WORDS[w]!) ?? -1, weight: boosts[i]! }))
            .filter((t) => t.term >= 0)
          const expected = exhaustiveTopK(index, query, k)
          const actual = prunedTopK(index, query, k)
          expect(actual.map((r) => r.score)).toEqual(expected.map((r) => expect.closeTo(r.score, 9)))
          // documents agree except where scores tie within rounding
          actual.forEach((r, i) => {
            if (
              Math.abs(r.score - (expected[i + 1]?.score ?? Number.NaN)) > 1e-9 &&
              Math.abs(r.score - (expected[i - 1]?.score ?? Number.NaN)) > 1e-9
            )
              expect(r.doc).toBe(expected[i]!.doc)
          })
        },
      ),
      { numRuns: 60 },
    )
  })

  it('never returns deleted documents and still fills the top-k', () => {
    const docs = Array.from({ length: 5000 }, (_, i) => [WORDS[i % 7]!, WORDS[(i * 13) % 40]!, WORDS[i % 3]!])
    const index = indexOf(docs, { deleteEvery: 2 })
    const query = [0, 1, 2, 13].map((w) => ({ term: index.vocabulary.id(WORDS[w]!)!, weight: 1 }))
    const actual = prunedTopK(index, query, 50)
    expect(actual).toHaveLength(50)
    expect(actual.every((r) => r.doc % 2 === 1)).toBe(true)
    expect(actual.map((r) => r.score)).toEqual(exhaustiveTopK(index, query, 50).map((r) => expect.closeTo(r.score, 9)))
  })
})
