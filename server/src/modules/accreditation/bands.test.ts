import { describe, expect, it } from 'vitest'
import { evaluateBand, type ResolvedBand } from './bands'

const wenzhou: ResolvedBand[] = [
  { key: 'excellent', label: '优秀', min: 85 },
  { key: 'pass', label: '合格', min: 60 },
  { key: 'fail', label: '不合格', min: null },
]

describe('evaluateBand (温州指引 四: 优秀 ≥ 85, 合格 60 – < 85, 不合格 < 60)', () => {
  it.each([
    [0, 'fail'],
    [59.99, 'fail'],
    [60, 'pass'],
    [72.5, 'pass'],
    [84.99, 'pass'],
    [85, 'excellent'],
    [100, 'excellent'],
  ] as const)('a total of %s points is %s', (total, band) => {
    expect(evaluateBand(Math.round(total * 100), wenzhou, '温州 2025').band).toBe(band)
  })

  it('explains the boundary it used', () => {
    expect(evaluateBand(6000, wenzhou, '温州 2025').because).toBe('60.00 ≤ 60.00 < 85.00，为“合格”（温州 2025）')
    expect(evaluateBand(8500, wenzhou, '温州 2025').because).toBe('85.00 ≤ 85.00，为“优秀”（温州 2025）')
    expect(evaluateBand(5999, wenzhou, '温州 2025').because).toBe('59.99 < 60.00，为“不合格”（温州 2025）')
  })

  it('follows boundaries set as data (a city with 合格 from 70)', () => {
    const strict: ResolvedBand[] = [
      { key: 'pass', label: '合格', min: 70 },
      { key: 'fail', label: '不合格', min: null },
    ]
    expect(evaluateBand(6999, strict, 'x').band).toBe('fail')
    expect(evaluateBand(7000, strict, 'x').band).toBe('pass')
  })
})
