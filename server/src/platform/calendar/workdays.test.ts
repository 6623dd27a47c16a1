import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { arrangementProblems, WorkdayCalendar, YearArrangement } from './workdays'

const load = (year: number) =>
  YearArrangement.parse(
    JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../../../data/holidays/cn-${year}.json`), 'utf8')),
  )
const calendar = new WorkdayCalendar([load(2025), load(2026)])

describe('working-day calendar', () => {
  it.each([
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, '元旦调休：星期日上班'],
    ['2026-02-14', true, '春节调休：星期六上班'],
    ['2026-02-16', false, '春节假期中的星期一'],
    ['2026-02-23', false, '春节假期最后一天（星期一）'],
    ['2026-02-24', true, '节后第一个工作日'],
    ['2026-02-28', true, '春节调休：星期六上班'],
    ['2026-03-01', false, '普通星期日'],
    ['2026-03-02', true, '普通星期一'],
    ['2025-10-08', false, '国庆中秋假期最后一天'],
    ['2025-10-11', true, '国庆调休：星期六上班'],
  ])('%s is a workday: %s (%s)', (date, expected) => {
    expect(calendar.isWorkday(date)).toBe(expected)
  })

  it('counts the first day when it is a working day', () => {
    expect(calendar.workdaysFrom('2026-03-02', 5)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
    ])
  })

  it('starts on the next working day when the first day is a rest day', () => {
    expect(calendar.workdaysFrom('2026-03-01', 1)).toEqual(['2026-03-02'])
  })

  it('runs a 5-working-day notice across the Spring Festival, using the adjusted Saturday', () => {
    // 2026-02-12 (Thu), 02-13 (Fri), 02-14 (adjusted Sat); 02-15..02-23 holiday; then 02-24, 02-25.
    expect(calendar.workdaysFrom('2026-02-12', 5)).toEqual([
      '2026-02-12',
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
    ])
    expect(calendar.periodEnd('2026-02-12', 5)).toBe('2026-02-25')
  })

  it('spans the National Day holiday of 2025', () => {
    expect(calendar.workdaysFrom('2025-09-30', 3)).toEqual(['2025-09-30', '2025-10-09', '2025-10-10'])
  })

  it('counts working days between two dates inclusive', () => {
    // 02-09..02-13 (5) + adjusted Saturday 02-14 (1) + 02-24..02-27 (4)
    expect(calendar.countBetween('2026-02-09', '2026-02-27')).toBe(10)
  })

  it('refuses a year with no published arrangement instead of guessing from weekdays', () => {
    expect(() => calendar.isWorkday('2027-01-04')).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING', details: { year: 2027 } }),
    )
    expect(() => calendar.workdaysFrom('2026-12-28', 10)).toThrowError(
      expect.objectContaining({ code: 'CALENDAR_YEAR_MISSING' }),
    )
  })

  it('finds inconsistencies in an arrangement to be loaded', () => {
    const bad = YearArrangement.parse({
      year: 2027,
      source: '测试来源说明',
      holidays: [{ name: '春节', from: '2027-02-10', to: '2027-02-05' }],
      adjustedWorkdays: ['2027-02-03', '2026-12-31'],
    })
    expect(arrangementProblems(bad)).toEqual([
      '春节：开始日期 2027-02-10 晚于结束日期 2027-02-05',
      '调休上班日 2027-02-03 不是周末',
      '调休上班日 2026-12-31 不在 2027 年内',
      '调休上班日 2026-12-31 不是周末',
    ])
  })

  it('rejects impossible dates at the edge', () => {
    expect(
      YearArrangement.safeParse({
        year: 2027,
        source: '测试来源说明',
        holidays: [{ name: 'x', from: '2027-02-30', to: '2027-03-01' }],
        adjustedWorkdays: [],
      }).success,
    ).toBe(false)
  })
})
