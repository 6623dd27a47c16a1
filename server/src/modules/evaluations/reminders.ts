import { and, count, eq, gte, inArray } from 'drizzle-orm'
import { db } from '../../db'
import { todayInShanghai, type WorkdayCalendar } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { isAppError } from '../../platform/errors/errors'
import { workdayCalendar } from '../calendar/service'
import { addHomeProvider } from '../home/service'
import { evaluationAssignments, evaluationRounds } from './schema'

/** Reviews still to be done: invited, confirmed or accepted but not submitted. */
export const PENDING = ['invited', 'confirmed', 'accepted'] as const

/** Working days from today to the deadline, both counted; null when the calendar lacks a year. */
export function workdaysLeft(calendar: WorkdayCalendar | undefined, deadline: string): number | null {
  const today = todayInShanghai(now())
  if (deadline < today) return 0
  if (!calendar) return null
  try {
    return calendar.countBetween(today, deadline)
  } catch (error) {
    if (isAppError(error) && error.code === 'CALENDAR_YEAR_MISSING') return null
    throw error
  }
}

/** Due within N working days: the deadline is today or falls on or before the N-th working day from today. */
export function dueWithin(calendar: WorkdayCalendar, deadline: string, workdays: number): boolean {
  const today = todayInShanghai(now())
  return deadline >= today && deadline <= calendar.periodEnd(today, workdays)
}

type Pending = { roundId: string; title: string; deadline: string; reminderWorkdays: number; count: number }

async function pendingByRound(where: { expertUserId?: string; centerOrgId?: string }): Promise<Pending[]> {
  const rows = await db
    .select({
      roundId: evaluationRounds.id,
      title: evaluationRounds.title,
      deadline: evaluationRounds.deadline,
      reminderWorkdays: evaluationRounds.reminderWorkdays,
    })
    .from(evaluationAssignments)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationAssignments.roundId))
    .where(
      and(
        eq(evaluationRounds.status, 'open'),
        gte(evaluationRounds.deadline, todayInShanghai(now())),
        inArray(evaluationAssignments.status, [...PENDING]),
        where.expertUserId ? eq(evaluationAssignments.expertUserId, where.expertUserId) : undefined,
        where.centerOrgId ? eq(evaluationRounds.centerOrgId, where.centerOrgId) : undefined,
      ),
    )
  const byRound = new Map<string, Pending>()
  for (const r of rows) {
    const known = byRound.get(r.roundId)
    if (known) known.count++
    else byRound.set(r.roundId, { ...r, count: 1 })
  }
  return [...byRound.values()].sort((a, b) => a.deadline.localeCompare(b.deadline))
}

/** Reminders for the home page: rounds whose deadline is within their reminder window (round's N working days). */
async function dueSoon(pending: Pending[]): Promise<{ due: (Pending & { left: number })[]; calendarMissing: boolean }> {
  const calendar = await workdayCalendar()
  const due: (Pending & { left: number })[] = []
  let calendarMissing = false
  for (const p of pending) {
    try {
      if (dueWithin(calendar, p.deadline, p.reminderWorkdays))
        due.push({ ...p, left: calendar.countBetween(todayInShanghai(now()), p.deadline) })
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CALENDAR_YEAR_MISSING') throw error
      calendarMissing = true
    }
  }
  return { due, calendarMissing }
}

const CALENDAR_NOTICE = {
  key: 'evaluationCalendar',
  text: '节假日安排尚未导入，部分评审截止提醒无法按工作日计算',
  level: 'warning' as const,
}

addHomeProvider(['expert'], async (actor) => {
  const pending = await pendingByRound({ expertUserId: actor.userId })
  const { due, calendarMissing } = await dueSoon(pending)
  const total = pending.reduce((s, p) => s + p.count, 0)
  return {
    cards: [
      {
        key: 'pendingReviews',
        title: '待完成评审',
        value: total,
        unit: '项',
        tone: due.length ? 'warning' : 'default',
        link: '/evaluation-invitations',
      },
    ],
    // Every round with reviews to do is a 待办; one near its deadline says how many working days are left.
    todos: pending.map((p) => {
      const soon = due.find((d) => d.roundId === p.roundId)
      return {
        key: `review-${p.roundId}`,
        title: soon
          ? `“${p.title}”有 ${p.count} 项评审待完成，剩 ${soon.left} 个工作日截止`
          : `“${p.title}”有 ${p.count} 项评审待完成，${p.deadline} 截止`,
        link: '/evaluation-invitations',
        due: p.deadline,
      }
    }),
    notices: calendarMissing ? [CALENDAR_NOTICE] : [],
  }
})

addHomeProvider(['centerOperator'], async (actor) => {
  const pending = await pendingByRound({ centerOrgId: actor.orgId })
  const { due, calendarMissing } = await dueSoon(pending)
  const [open] = await db
    .select({ n: count() })
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.centerOrgId, actor.orgId), eq(evaluationRounds.status, 'open')))
  const openRounds = Number(open?.n ?? 0)
  return {
    cards: [
      { key: 'openRounds', title: '进行中的入库评价', value: openRounds, unit: '轮', link: '/evaluation-rounds' },
      {
        key: 'pendingRoundReviews',
        title: '未提交的评审',
        value: pending.reduce((s, p) => s + p.count, 0),
        unit: '份',
        tone: due.length ? 'warning' : 'default',
        link: '/evaluation-rounds',
      },
    ],
    todos: due.map((d) => ({
      key: `round-${d.roundId}`,
      title: `“${d.title}”尚有 ${d.count} 份评审未提交，剩 ${d.left} 个工作日截止`,
      link: `/evaluation-rounds/${d.roundId}`,
      due: d.deadline,
    })),
    notices: calendarMissing ? [CALENDAR_NOTICE] : [],
  }
})
