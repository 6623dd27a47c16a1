import { describe, expect, it } from 'vitest'
import { countDocuments, countTerms, fitVectorizer, weigh } from './vectorizer'

const documents = [['a', 'b', 'a'], ['b', 'c'], ['b']]

describe('countDocuments', () => {
  it('counts terms per document and document frequencies', () => {
    const { vocabulary, counts } = countDocuments(documents)
    const a = vocabulary.index.get('a')!
    const b = vocabulary.index.get('b')!
    expect(vocabulary.df[a]).toBe(1)
    expect(vocabulary.df[b]).toBe(3)
    expect(Array.from(counts[0]!.indices)).toEqual([a, b])
    expect(Array.from(counts[0]!.values)).toEqual([2, 1])
  })

  it('drops unseen terms when counting a new text', () => {
    const { vocabulary } = countDocuments(documents)
    expect(Array.from(countTerms(vocabulary, ['c', 'zzz', 'c']).values)).toEqual([2])
  })
})

describe('weigh', () => {
  const { vocabulary, counts } = countDocuments(documents)
  const base = { minDf: 1, sublinearTf: false, idf: false, normalize: false }

  it.each([
    ['raw counts', base, [2, 1]],
    ['sublinear tf', { ...base, sublinearTf: true }, [1 + Math.log(2), 1]],
    ['minDf 2 drops a (df 1)', { ...base, minDf: 2 }, [1]],
    ['unit length', { ...base, normalize: true }, [2 / Math.sqrt(5), 1 / Math.sqrt(5)]],
  ])('%s', (_, options, expected) => {
    const values = Array.from(weigh(fitVectorizer(vocabulary, options), counts[0]!).values)
    expect(values).toHaveLength(expected.length)
    for (const [i, v] of values.entries()) expect(v).toBeCloseTo(expected[i]!, 10)
  })

  it('gives rarer terms a larger idf', () => {
    const vectorizer = fitVectorizer(vocabulary, { ...base, idf: true })
    const a = vocabulary.index.get('a')!
    const b = vocabulary.index.get('b')!
    expect(vectorizer.featureWeights[a]!).toBeGreaterThan(vectorizer.featureWeights[b]!)
  })
})
