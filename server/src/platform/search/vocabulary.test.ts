import { describe, expect, it } from 'vitest'
import { charGrams, Vocabulary } from './vocabulary'

describe('charGrams', () => {
  it.each([
    ['冠', ['冠']],
    ['具身', ['具身']],
    ['具身智能', ['具身', '身智', '智能']],
    ['aaa', ['aa']],
  ])('%s → %j', (word, grams) => {
    expect(charGrams(word)).toEqual(grams)
  })
})

describe('Vocabulary.similar', () => {
  const vocabulary = new Vocabulary(() => [])
  for (const [word, df] of [
    ['具身智能', 5],
    ['智能驾驶', 9],
    ['固态电池', 3],
    ['电池', 0],
  ] as const) {
    vocabulary.df[vocabulary.intern(word)] = df
  }

  it('finds the word one character away, best similarity first', () => {
    expect(vocabulary.similar('具身智慧', 3).map((s) => vocabulary.term(s.id))).toEqual(['具身智能'])
    expect(vocabulary.similar('固太电池', 3).map((s) => vocabulary.term(s.id))).toEqual(['固态电池'])
  })

  it('ignores words no live document has any more, and words sharing nothing', () => {
    expect(vocabulary.similar('电池组', 3).map((s) => vocabulary.term(s.id))).toEqual(['固态电池'])
    expect(vocabulary.similar('智慧城市', 3)).toEqual([])
  })

  it('asks more of Latin words, whose letter pairs say little', () => {
    vocabulary.df[vocabulary.intern('potential')] = 4
    expect(vocabulary.similar('sequential', 3)).toEqual([])
    expect(vocabulary.similar('potentail', 3).map((s) => vocabulary.term(s.id))).toEqual(['potential'])
  })
})
