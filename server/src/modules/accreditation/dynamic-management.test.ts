import { describe, expect, it } from 'vitest'
import {
  addMonths,
  barredUntil,
  changeReport,
  evaluationConsequence,
  reapplyBar,
  standing,
  type YearOutcome,
} from './dynamic-management'

const rule = { failedYearsInARow: 2, skipWithoutGoodReasonRevokes: true }
const result = (year: number, band: YearOutcome['band']): YearOutcome => ({
  year,
  participation: 'participated',
  band,
  goodReason: null,
})
const skipped = (year: number, goodReason: boolean): YearOutcome => ({
  year,
  participation: 'skipped',
  band: null,
  goodReason,
})

describe('evaluationConsequence (指引 四)', () => {
  it.each([
    ['one failed year', [result(2026, 'fail')], 2026, false, null],
    ['two failed years in a row', [result(2025, 'fail'), result(2026, 'fail')], 2026, true, 'failedInARow'],
    [
      'a pass between two failures',
      [result(2024, 'fail'), result(2025, 'pass'), result(2026, 'fail')],
      2026,
      false,
      null,
    ],
    [
      'a year without a result breaks the run',
      [result(2024, 'fail'), skipped(2025, true), result(2026, 'fail')],
      2026,
      false,
      null,
    ],
    ['a failure after an excellent year', [result(2025, 'excellent'), result(2026, 'fail')], 2026, false, null],
    ['skipped without good reason', [skipped(2026, false)], 2026, true, 'skippedWithoutGoodReason'],
    ['skipped with good reason', [skipped(2026, true)], 2026, false, null],
  ] as const)('%s → revoke %s', (_name, history, year, revoke, reason) => {
    const decision = evaluationConsequence(history, year, rule)
    expect(decision.revoke).toBe(revoke)
    expect(decision.reason).toBe(reason)
    expect(decision.steps.length).toBeGreaterThan(0)
  })

  it('counts the years the rule says (three, if a city sets three)', () => {
    const history = [result(2025, 'fail'), result(2026, 'fail')]
    expect(evaluationConsequence(history, 2026, { ...rule, failedYearsInARow: 3 }).revoke).toBe(false)
  })
})

describe('periods (民法典 第二百零一至二百零三条)', () => {
  it.each([
    ['2026-01-10', 3, '2026-04-10'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
  ])('%s + %i months → %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to)
  })

  const weekdays = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())

  it('flags a change reported after three months as late, on time on the last day', () => {
    expect(changeReport('2026-01-14', '2026-04-14', 3, weekdays)).toMatchObject({ deadline: '2026-04-14', late: false })
    expect(changeReport('2026-01-14', '2026-04-15', 3, weekdays)).toMatchObject({ deadline: '2026-04-14', late: true })
  })

  it('moves a deadline on a rest day to the next working day', () => {
    // 2026-04-11 is a Saturday.
    const report = changeReport('2026-01-11', '2026-04-13', 3, weekdays)
    expect(report.deadline).toBe('2026-04-13')
    expect(report.late).toBe(false)
    expect(report.steps[0]!.because).toContain('顺延')
  })

  it('bars a new application through the corresponding day two years on', () => {
    const until = barredUntil('2026-03-10', 2)
    expect(until).toBe('2028-03-10')
    const bars = [{ barredUntil: until, endReason: '在申请过程中存在严重弄虚作假行为' }]
    expect(reapplyBar(bars, '2028-03-10')).toContain('2028-03-10 前不得重新申报')
    expect(reapplyBar(bars, '2028-03-11')).toBeNull()
  })
})

describe('standing (指引 五: 注销法人登记的，认定资格自动终止)', () => {
  it('ends an active accreditation when the organization is deregistered', () => {
    expect(standing('active', false).status).toBe('terminated')
    expect(standing('active', true)).toEqual({ status: 'active', because: null })
    expect(standing('revoked', false).status).toBe('revoked')
  })
})
