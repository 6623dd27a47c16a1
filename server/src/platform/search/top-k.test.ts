import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TopK } from './top-k'

describe('TopK', () => {
  it('keeps the k best by score, ties to the smaller (segment, doc), whatever the arrival order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ score: fc.integer({ min: 0, max: 20 }), segment: fc.nat(3), doc: fc.nat(50) }), {
          selector: (e) => `${e.segment}:${e.doc}`,
          maxLength: 120,
        }),
        fc.integer({ min: 1, max: 30 }),
        (entries, k) => {
          const heap = new TopK(k)
          for (const e of entries) heap.offer(e.score, e.segment, e.doc)
          const expected = [...entries]
            .sort((a, b) => b.score - a.score || a.segment - b.segment || a.doc - b.doc)
            .slice(0, k)
          expect(heap.sorted()).toEqual(expected)
          expect(heap.threshold()).toBe(entries.length >= k ? expected[k - 1]!.score : Number.NEGATIVE_INFINITY)
        },
      ),
    )
  })
})
