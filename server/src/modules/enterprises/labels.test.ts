import { describe, expect, it } from 'vitest'
import { checkGbt, gbtSections, parseGbtText } from './gbt4754'
import { parseTierText, tierKeyLabel, tierKeys } from './labels'

describe('GB/T 4754-2017 门类 and 大类', () => {
  it('ships 20 门类 and 97 大类', () => {
    expect(gbtSections).toHaveLength(20)
    expect(gbtSections.flatMap((s) => s.divisions)).toHaveLength(97)
  })

  it.each([
    ['C', '39', null],
    ['C', null, null],
    [null, '39', null],
    ['I', '65', null],
    ['Z', null, 'gbtSection'],
    ['C', '99', 'gbtDivision'],
    ['A', '39', 'gbtDivision'],
    ['I', '13', 'gbtDivision'],
  ])('门类 %s 大类 %s → problem on %s', (section, division, path) => {
    expect(checkGbt(section, division)?.path ?? null).toBe(path)
  })

  it('explains a 大类 under the wrong 门类 in Chinese', () => {
    expect(checkGbt('A', '39')?.message).toBe(
      '大类 39（计算机、通信和其他电子设备制造业）属于门类 C（制造业），不属于门类 A',
    )
  })

  it.each([
    ['C', 'section', 'C'],
    ['c 制造业', 'section', 'C'],
    ['制造业', 'section', 'C'],
    ['信息传输、软件和信息技术服务业', 'section', 'I'],
    ['39', 'division', '39'],
    ['27 医药制造业', 'division', '27'],
    ['医药制造业', 'division', '27'],
    ['U', 'section', undefined],
    ['98', 'division', undefined],
    ['制造', 'section', undefined],
  ] as const)('reads “%s” as a %s → %s', (text, level, code) => {
    expect(parseGbtText(text, level)).toBe(code)
  })
})

describe('企业梯度 as typed in an import', () => {
  it.each([
    ['国家级高新技术企业 2023', { tier: 'highTech', year: 2023, level: 'national' }],
    ['国家高新技术企业2022', { tier: 'highTech', year: 2022, level: 'national' }],
    ['高新技术企业（市级）2021年', { tier: 'highTech', year: 2021, level: 'city' }],
    ['科技型中小企业 2025', { tier: 'techSme', year: 2025, level: null }],
    ['创新型中小企业 2024', { tier: 'innovativeSme', year: 2024, level: null }],
    ['省级专精特新中小企业 2024', { tier: 'specialized', year: 2024, level: 'province' }],
    ['市级专精特新 2023', { tier: 'specialized', year: 2023, level: 'city' }],
    ['专精特新“小巨人”企业 2022', { tier: 'littleGiant', year: 2022, level: 'national' }],
    ['国家级专精特新小巨人 2021', { tier: 'littleGiant', year: 2021, level: 'national' }],
  ])('%s', (text, grant) => {
    expect(parseTierText(text)).toEqual(grant)
  })

  it.each([
    ['高新技术企业', '缺少获评年份'],
    ['瞪羚企业 2023', '不是可识别的企业梯度'],
  ])('refuses “%s”: %s', (text, reason) => {
    expect(parseTierText(text)).toContain(reason)
  })

  it('indexes the tier alone and at its level, with Chinese labels', () => {
    const keys = tierKeys([
      { tier: 'highTech', level: 'national' },
      { tier: 'techSme', level: null },
    ])
    expect(keys).toEqual(['highTech', 'highTech:national', 'techSme'])
    expect(keys.map(tierKeyLabel)).toEqual(['高新技术企业', '高新技术企业（国家级）', '科技型中小企业'])
  })
})
