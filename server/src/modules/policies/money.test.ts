import { describe, expect, it } from 'vitest'
import { applyRate, formatFen, formatPercent, percentToBasisPoints, splitByShares } from './money'

describe('money in 分', () => {
  it.each([
    [160_000_000, '160 万元'],
    [1_000_000, '1 万元'],
    [12_500_000, '12.5 万元'],
    [999_999, '9,999.99 元'],
    [345_678, '3,456.78 元'],
    [100, '1 元'],
    [0, '0 元'],
    [-250_000_000, '-250 万元'],
  ])('shows %i 分 as %s', (fen, text) => expect(formatFen(fen)).toBe(text))

  it.each([
    [320_000_000, 5000, 160_000_000],
    [3, 5000, 1],
    [99_999_999, 2000, 19_999_999],
    [10_000_000_000_000, 8000, 8_000_000_000_000],
  ])('rounds rate × base down to the 分: %i × %i bp = %i', (base, bp, out) => expect(applyRate(base, bp)).toBe(out))

  it('splits city : district 3 : 7 so the parts add up', () => {
    expect([
      ...splitByShares(500_000_01, [
        { level: 'city', share: 3 },
        { level: 'district', share: 7 },
      ]),
    ]).toEqual([
      ['city', 15_000_000],
      ['district', 35_000_001],
    ])
  })

  it('takes percents with two decimals at most', () => {
    expect(percentToBasisPoints(0.25)).toBe(25)
    expect(formatPercent(50)).toBe('50%')
    expect(formatPercent(12.5)).toBe('12.5%')
    expect(() => percentToBasisPoints(0.125)).toThrow()
  })
})
