import { describe, expect, it } from 'vitest'
import { type Judgement, keepJudged } from './judgements'

const ranked = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }))
const ids = (results: { id: string }[]) => results.map((r) => r.id)

describe('keepJudged (what the caller sees of a ranked list)', () => {
  it('keeps the first `limit` results in rank order when the caller judged none', () => {
    expect(ids(keepJudged(ranked, 3, new Map()))).toEqual(['a', 'b', 'c'])
  })

  it('puts the caller’s 有意向 first and 不相关 last, and keeps judged results from below the limit', () => {
    const judged = new Map<string, Judgement>([
      ['a', 'irrelevant'],
      ['e', 'interested'],
      ['f', 'irrelevant'],
    ])
    expect(ids(keepJudged(ranked, 3, judged))).toEqual(['e', 'b', 'c', 'a', 'f'])
  })
})
