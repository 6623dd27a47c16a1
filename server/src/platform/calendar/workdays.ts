import { z } from 'zod'
import { AppError } from '../errors/errors'

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((v) => isRealDate(v), '不是有效的日历日期')

export const YearArrangement = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  source: z.string().min(4, '请注明来源（国务院办公厅通知）').max(500),
  holidays: z
    .array(z.strictObject({ name: z.string().min(1).max(40), from: IsoDate, to: IsoDate }))
    .min(1, '至少应有一个节假日'),
  adjustedWorkdays: z.array(IsoDate),
})
export type YearArrangement = z.infer<typeof YearArrangement>

export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number)
  const date = new Date(Date.UTC(y!, m! - 1, d!))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d
}

/** Checks that every date of an arrangement lies in its year and that each holiday span is ordered. */
export function arrangementProblems(a: YearArrangement): string[] {
  const problems: string[] = []
  const inYear = (d: string) => d.startsWith(`${a.year}-`)
  for (const h of a.holidays) {
    if (h.from > h.to) problems.push(`${h.name}：开始日期 ${h.from} 晚于结束日期 ${h.to}`)
    // A span may run into the next year only from late December (元旦 spans); otherwise it must lie in the year.
    if (!inYear(h.from)) problems.push(`${h.name}：开始日期 ${h.from} 不在 ${a.year} 年内`)
  }
  for (const d of a.adjustedWorkdays) {
    if (!inYear(d)) problems.push(`调休上班日 ${d} 不在 ${a.year} 年内`)
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay()
    if (dow !== 0 && dow !== 6) problems.push(`调休上班日 ${d} 不是周末`)
  }
  return problems
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Today's calendar date in Asia/Shanghai, where every deadline and notice period is counted. */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export class WorkdayCalendar {
  private readonly rest = new Set<string>()
  private readonly work = new Set<string>()
  private readonly years = new Set<number>()

  constructor(arrangements: readonly YearArrangement[]) {
    for (const a of arrangements) {
      this.years.add(a.year)
      for (const h of a.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) this.rest.add(d)
      for (const d of a.adjustedWorkdays) this.work.add(d)
    }
  }

  hasYear(year: number): boolean {
    return this.years.has(year)
  }

  /** Whether a date is a working day; a year without a published arrangement is refused, never guessed. */
  isWorkday(iso: string): boolean {
    const year = Number(iso.slice(0, 4))
    if (!this.years.has(year)) {
      throw new AppError('CALENDAR_YEAR_MISSING', `${year} 年节假日安排尚未发布（或尚未导入），无法计算工作日`, {
        year,
      })
    }
    if (this.work.has(iso)) return true
    if (this.rest.has(iso)) return false
    const dow = new Date(`${iso}T00:00:00Z`).getUTCDay()
    return dow !== 0 && dow !== 6
  }

  /**
   * The first `count` working days of a period starting on `from`. The start day counts when it is itself
   * a working day (公示期首日为工作日时计入).
   */
  workdaysFrom(from: string, count: number): string[] {
    const days: string[] = []
    let day = from
    while (days.length < count) {
      if (this.isWorkday(day)) days.push(day)
      day = addDays(day, 1)
    }
    return days
  }

  /** The last day of a period of `count` working days starting on `from`. */
  periodEnd(from: string, count: number): string {
    return this.workdaysFrom(from, count).at(-1)!
  }

  /** Working days from `from` to `to` inclusive. */
  countBetween(from: string, to: string): number {
    let n = 0
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) n++
    return n
  }
}
