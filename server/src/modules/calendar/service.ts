import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { asc, count, eq, max } from 'drizzle-orm'
import { db, type Queryable } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { calendarYears } from '../../platform/calendar/schema'
import { arrangementProblems, WorkdayCalendar, YearArrangement } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'

const here = path.dirname(fileURLToPath(import.meta.url))
const HOLIDAY_DIR = path.resolve(here, '../../../../data/holidays')

/** Loads the shipped years (data/holidays/cn-YYYY.json) that the database does not have yet. */
export async function seedCalendar(q: Queryable): Promise<void> {
  for (const file of fs
    .readdirSync(HOLIDAY_DIR)
    .filter((f) => /^cn-\d{4}\.json$/.test(f))
    .sort()) {
    const arrangement = YearArrangement.parse(JSON.parse(fs.readFileSync(path.join(HOLIDAY_DIR, file), 'utf8')))
    const problems = arrangementProblems(arrangement)
    if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`)
    await q
      .insert(calendarYears)
      .values({ ...arrangement, loadedAt: now() })
      .onConflictDoNothing()
  }
}

let cached: { stamp: string; calendar: WorkdayCalendar } | undefined

/** The calendar of every loaded year; rebuilt when any process has loaded a year since. */
export async function workdayCalendar(): Promise<WorkdayCalendar> {
  const [stampRow] = await db.select({ n: count(), last: max(calendarYears.loadedAt) }).from(calendarYears)
  const stamp = `${stampRow?.n}:${stampRow?.last?.toISOString?.() ?? stampRow?.last}`
  if (cached?.stamp === stamp) return cached.calendar
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year))
  const calendar = new WorkdayCalendar(
    rows.map((r) => ({ year: r.year, source: r.source, holidays: r.holidays, adjustedWorkdays: r.adjustedWorkdays })),
  )
  cached = { stamp, calendar }
  return calendar
}

export async function countWorkdays(_actor: Actor, from: string, count: number) {
  const workdays = (await workdayCalendar()).workdaysFrom(from, count)
  return { from, to: workdays.at(-1)!, workdays }
}

export async function listYears(_actor: Actor) {
  requirePermission(_actor, 'calendar.read')
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year))
  return {
    items: rows.map((r) => ({
      year: r.year,
      source: r.source,
      holidays: r.holidays,
      adjustedWorkdays: r.adjustedWorkdays,
      loadedAt: r.loadedAt.toISOString(),
    })),
  }
}

/** Loads (or replaces) one year's arrangement after checking it is internally consistent. */
export async function loadYear(actor: Actor, year: number, input: YearArrangement) {
  requirePermission(actor, 'calendar.manage')
  if (input.year !== year) {
    throw new AppError('VALIDATION_FAILED', `路径中的年份 ${year} 与内容中的年份 ${input.year} 不一致`, {
      fields: [{ path: 'year', message: '与路径中的年份不一致' }],
    })
  }
  const problems = arrangementProblems(input)
  if (problems.length) {
    throw new AppError('VALIDATION_FAILED', `节假日安排有误：${problems.join('；')}`, {
      fields: problems.map((message) => ({ path: 'holidays', message })),
    })
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year))
    const values = { ...input, loadedAt: now(), loadedBy: actor.kind === 'user' ? actor.userId : null }
    await tx.insert(calendarYears).values(values).onConflictDoUpdate({ target: calendarYears.year, set: values })
    await audit(tx, actor, {
      action: 'calendar.loadYear',
      targetType: 'calendarYear',
      targetId: String(year),
      before,
      after: input,
      detail: { replaced: !!before },
    })
    return { year, replaced: !!before }
  })
}
