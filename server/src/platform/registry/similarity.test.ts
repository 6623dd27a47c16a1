import { describe, expect, it } from 'vitest'
import { bigramSimilarity } from './similarity'

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
