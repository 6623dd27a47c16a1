import { describe, expect, it } from 'vitest'
import { learnIndustryMemory, suggestIndustries } from './industries'
import { huzhouSystem, wenzhouSystem } from './industry-fixtures'

describe('suggestIndustries', () => {
  it.each([
    ['湖州', '具身智能机器人关节力矩控制方法', '具身智能机器人', '具身智能机器人', huzhouSystem],
    ['湖州', '基于激光雷达的自动驾驶车辆感知', '智能驾驶', '自动驾驶', huzhouSystem],
    ['湖州', '高强度钛合金锻造工艺', '合金特材', '钛合金', huzhouSystem],
    ['湖州', '锂离子电池硅碳负极材料', '前沿电池', '锂离子', huzhouSystem],
    ['温州', '青光眼患者视网膜神经纤维层分析', '眼脑健康', '青光眼', wenzhouSystem],
    ['温州', '低压断路器智能配电终端', '智能电气', '断路器', wenzhouSystem],
    ['温州', '海上风电叶片疲劳寿命预测', '新一代风电', '风电', wenzhouSystem],
  ])('%s: %s → %s because of %s', (_, text, expected, word, system) => {
    const [top] = suggestIndustries(text, system)
    expect(top?.name).toBe(expected)
    expect(top?.matched).toContain(word)
  })

  it('suggests the parent of a matching node through the chain, saying which child', () => {
    const parent = suggestIndustries('具身智能机器人关节控制', huzhouSystem).find((s) => s.code === 'HZ-1')
    expect(parent).toMatchObject({ name: '人工智能', via: '具身智能机器人' })
  })

  it('suggests nothing for a text with no industry words', () => {
    expect(suggestIndustries('宋代理学思想研究', huzhouSystem)).toEqual([])
  })

  it('ranks by confidence in (0, 1) and honours the limit', () => {
    const suggestions = suggestIndustries('锂离子电池负极材料及新能源汽车动力系统', huzhouSystem, { limit: 2 })
    expect(suggestions).toHaveLength(2)
    expect(suggestions[0]!.confidence).toBeGreaterThanOrEqual(suggestions[1]!.confidence)
    for (const s of suggestions) expect(s.confidence).toBeGreaterThan(0)
    for (const s of suggestions) expect(s.confidence).toBeLessThan(1)
  })

  it('uses a city keyword that neither the name nor the lexicon has', () => {
    const system = huzhouSystem.map((n) => (n.code === 'HZ-3-3' ? { ...n, keywords: ['竹纤维板'] } : n))
    expect(suggestIndustries('竹纤维板的防霉处理', system)[0]?.code).toBe('HZ-3-3')
  })

  it('weighs a phrase inside a longer word less than a whole word (纤维 in 神经纤维)', () => {
    const inside = suggestIndustries('视神经纤维层', huzhouSystem).find((s) => s.code === 'HZ-3-1')
    const whole = suggestIndustries('纤维 面料', huzhouSystem).find((s) => s.code === 'HZ-3-1')
    expect(inside?.confidence ?? 0).toBeLessThan(whole?.confidence ?? 0)
  })
})

describe('learnIndustryMemory', () => {
  const corrections = [
    { text: '聚乳酸可降解餐盒的成型工艺', jurisdiction: '330500', industryCodes: ['HZ-F-2'] },
    { text: '聚乳酸薄膜的增韧改性', jurisdiction: '330500', industryCodes: ['HZ-F-2'] },
    { text: '聚乳酸餐盒', jurisdiction: '330300', industryCodes: ['WZ-5-1'] },
  ]
  const probe = '聚乳酸吸管的耐热改性'

  it('makes a corrected code the first suggestion for a similar text of that jurisdiction', () => {
    expect(suggestIndustries(probe, huzhouSystem)[0]?.code).not.toBe('HZ-F-2')
    const memory = learnIndustryMemory(corrections, '330500')
    const [top] = suggestIndustries(probe, huzhouSystem, { memory })
    expect(top).toMatchObject({ code: 'HZ-F-2', name: '前沿新材料' })
    expect(top?.matched).toContain('聚乳酸')
  })

  it('keeps one jurisdiction’s corrections out of another’s memory', () => {
    const memory = learnIndustryMemory(corrections, '330300')
    expect([...memory.byCode.keys()]).toEqual(['WZ-5-1'])
    expect(suggestIndustries(probe, huzhouSystem, { memory })[0]?.code).not.toBe('HZ-F-2')
  })
})
