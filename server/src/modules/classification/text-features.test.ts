import { describe, expect, it } from 'vitest'
import { charNgrams, extractTerms, normalizeText } from './text-features'

describe('normalizeText', () => {
  it.each([
    ['ＧａＡｓ１２３', 'gaas123'],
    ['ＤＮＡ测序', 'dna测序'],
    ['概念验证', '概念验证'],
  ])('folds %s to %s', (input, expected) => expect(normalizeText(input)).toBe(expected))
})

describe('charNgrams', () => {
  it.each([
    ['机器人', [1], ['机', '器', '人']],
    ['机器人', [2], ['机器', '器人']],
    ['机器人', [3], ['机器人']],
    ['机器，人', [2], ['机器']],
    ['a b', [2], []],
    ['', [1, 2], []],
  ])('splits %s into %j-grams without crossing punctuation', (text, sizes, expected) =>
    expect(charNgrams(text, sizes)).toEqual(expected),
  )
})

describe('extractTerms', () => {
  it('prefixes words and n-grams so 机器 the word and 机器 the bigram stay apart', () => {
    const terms = extractTerms('机器', { words: true, wordBigrams: false, charNgrams: [2] }, ['机器'])
    expect(terms).toEqual(['w:机器', 'c:机器'])
  })

  it('adds word bigrams only when asked', () => {
    const spec = { words: false, wordBigrams: true, charNgrams: [] }
    expect(extractTerms('', spec, ['具身智能', '机器人', '控制'])).toEqual(['b:具身智能_机器人', 'b:机器人_控制'])
  })

  it('segments with jieba when no words are given', () => {
    expect(extractTerms('水稻育种', { words: true, wordBigrams: false, charNgrams: [] })).toContain('w:水稻')
  })
})
