import { describe, expect, it } from 'vitest'
import { calendarDate, parseAffiliationText } from './periods'

describe('任职经历 as typed in an import', () => {
  it.each([
    ['瓯越理工大学（2018-09至2022-06）', { organizationName: '瓯越理工大学', from: '2018-09-01', to: '2022-06-30' }],
    ['浙江大学(2015至今)', { organizationName: '浙江大学', from: '2015-01-01', to: null }],
    [
      '湖州南太湖先进技术研究院（2020.3.15～2024.2）',
      { organizationName: '湖州南太湖先进技术研究院', from: '2020-03-15', to: '2024-02-29' },
    ],
    ['厦门大学（至2019）', { organizationName: '厦门大学', from: null, to: '2019-12-31' }],
  ])('%s', (text, expected) => {
    expect(parseAffiliationText(text)).toEqual(expected)
  })

  it.each([
    ['浙江大学', '应写成'],
    ['浙江大学（2019-13至今）', '日期应为'],
    ['浙江大学（2022至2019）', '早于起始日期'],
  ])('refuses “%s”', (text, reason) => {
    expect(parseAffiliationText(text)).toContain(reason)
  })

  it.each([
    ['2024', 'start', '2024-01-01'],
    ['2024', 'end', '2024-12-31'],
    ['2023-02', 'end', '2023-02-28'],
    ['2024-02-30', 'start', undefined],
    ['1899', 'start', undefined],
  ] as const)('%s as the %s → %s', (text, edge, expected) => {
    expect(calendarDate(text, edge)).toBe(expected)
  })
})
