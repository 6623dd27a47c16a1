import { describe, expect, it } from 'vitest'
import { isStopword, segment, segmentForSearch, segmentTerms, subwords } from './tokenize'

describe('segment', () => {
  it.each([
    ['具身智能机器人关节控制', ['具身智能机器人', '关节', '控制']],
    ['概念验证中心建设', ['概念验证中心', '建设']],
    ['专精特新“小巨人”企业', ['专精特新', '小巨人', '企业']],
  ])('keeps domain terms whole in %s', (text, words) => {
    expect(segment(text)).toEqual(words)
  })

  it('lower-cases Latin words and drops punctuation and spaces', () => {
    expect(segment('基于 Lyapunov 函数，SOS 方法。')).toEqual(['基于', 'lyapunov', '函数', 'sos', '方法'])
  })

  it('search mode also yields the parts of long words', () => {
    expect(segmentForSearch('具身智能机器人')).toEqual(expect.arrayContaining(['机器人', '具身智能机器人']))
  })
})

describe('subwords', () => {
  it.each([
    ['具身智能机器人', ['具身智能', '智能', '机器人', '机器']],
    ['抗压强度', ['抗压', '强度']],
    ['国家主权', ['国家', '主权']],
    ['概念验证中心', ['概念验证', '概念', '验证', '中心']],
    ['智能', []],
    ['lyapunov', []],
  ])('%s → %j', (word, expected) => {
    expect([...subwords(word)].sort()).toEqual([...expected].sort())
  })

  it('never returns a word crossing another one (压强 is not inside 抗压强度 as a word)', () => {
    expect(subwords('抗压强度')).not.toContain('压强')
  })
})

describe('stopwords', () => {
  it.each([
    ['的', true],
    ['基于', true],
    ['the', true],
    ['研究', false],
    ['具身智能', false],
  ])('%s is a stopword: %s', (word, expected) => {
    expect(isStopword(word)).toBe(expected)
  })

  it('segmentTerms keeps topic words only', () => {
    expect(segmentTerms('基于深度学习的图像识别')).toEqual(['深度学习', '图像识别'])
  })
})
