import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bigramSimilarity, nearDuplicate, similarPairs } from './similarity'

describe('bigram similarity', () => {
  it.each([
    ['具身智能机器人关节控制', '具身智能机器人关节控制', 1],
    // Jaccard over character bigrams: 10 shared of 12 distinct.
    ['具身智能机器人关节控制', '具身智能机器人关节控制方法', 0.83],
    ['具身智能机器人关节控制', '一种水运工程施工管理方法', 0],
    ['', '任何文本', 0],
  ])('%s ~ %s ≈ %f', (a, b, expected) => {
    expect(bigramSimilarity(a, b)).toBeCloseTo(expected, 2)
  })

  it('ignores punctuation and case', () => {
    expect(bigramSimilarity('AI 芯片：设计', 'ai芯片设计')).toBe(1)
  })
})

describe('near-duplicate rule of the entry forms', () => {
  const title = '具身智能机器人关节控制'
  it.each([
    // Same owner: a title 0.6 alike is enough (10 shared bigrams of 12 → 0.83).
    [{ title, ownerOrgId: 'a' }, { title: `${title}方法`, ownerOrgId: 'a' }, 'sameOwnerTitle'],
    // Another owner: that title is not alike enough …
    [{ title, ownerOrgId: 'a' }, { title: `${title}方法`, ownerOrgId: 'b' }, null],
    // … but a near-identical text is, whoever owns it.
    [
      { title: '甲', text: '面向人形机器人关节的柔顺控制方法', ownerOrgId: 'a' },
      { title: '乙', text: '面向人形机器人关节的柔顺控制方法。', ownerOrgId: 'b' },
      'text',
    ],
    [{ title }, { title: `${title}。` }, 'title'],
  ])('%o ~ %o → %s', (input, candidate, basis) => {
    expect(nearDuplicate(input, candidate)?.basis ?? null).toBe(basis)
  })
})

describe('similar pairs of many texts', () => {
  const brute = (texts: string[], t: number) =>
    texts.flatMap((a, later) =>
      texts.slice(0, later).flatMap((b, earlier) => {
        const similarity = bigramSimilarity(a, b)
        return similarity >= t ? [`${earlier}-${later}`] : []
      }),
    )

  it('finds exactly the pairs a comparison of every pair finds', () => {
    const text = fc
      .array(fc.constantFrom('光', '伏', '组', '件', '封', '装', '钙', '钛', '矿'), { minLength: 0, maxLength: 8 })
      .map((cs) => cs.join(''))
    fc.assert(
      fc.property(fc.array(text, { maxLength: 25 }), fc.constantFrom(0.5, 0.6, 0.85, 1), (texts, t) => {
        const unbounded = { maxCandidates: Number.POSITIVE_INFINITY, maxMatches: Number.POSITIVE_INFINITY }
        const found = similarPairs(texts, t, unbounded).map((p) => `${p.earlier}-${p.later}`)
        expect(found.sort()).toEqual(brute(texts, t).sort())
      }),
    )
  })

  it('keeps a bounded number of pairs for each text of a file of alike rows', () => {
    const pairs = similarPairs(Array(300).fill('场发射扫描电子显微镜'), 0.6, { maxMatches: 5 })
    // Text i pairs with min(i, 5) earlier ones, the latest first: 0 + 1 + … + 4, then 5 for each of the other 295.
    expect(pairs).toHaveLength(10 + 5 * 295)
    expect(pairs.filter((p) => p.later === 299).map((p) => p.earlier)).toEqual([298, 297, 296, 295, 294])
  })
})
