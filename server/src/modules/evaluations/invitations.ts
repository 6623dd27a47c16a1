import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Queryable } from '../../db'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import type { WorkdayCalendar } from '../../platform/calendar/workdays'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { notFound } from '../../platform/errors/errors'
import { workdayCalendar } from '../calendar/service'
import { industryNames } from '../industries/service'
import { organizationNames } from '../organizations/service'
import { findProjects, getProject } from '../projects/service'
import type { Invitation, InvitationDetail } from './contracts'
import { assignmentStatusLabels } from './labels'
import { dueWithin, PENDING, workdaysLeft } from './reminders'
import { evaluationAssignments, evaluationRoundProjects, evaluationRounds } from './schema'
import { roleLabel } from './view'

export type AssignmentRow = typeof evaluationAssignments.$inferSelect

/** The caller's own invitation (never another expert's, never a withdrawn one), or 404. */
export async function ownAssignment(actor: Actor, id: string, q: Queryable = db): Promise<AssignmentRow> {
  requirePermission(actor, 'evaluation.review')
  const user = requireUser(actor)
  const [row] = await q
    .select()
    .from(evaluationAssignments)
    .where(
      and(
        eq(evaluationAssignments.id, id),
        eq(evaluationAssignments.expertUserId, user.userId),
        ne(evaluationAssignments.status, 'withdrawn'),
      ),
    )
  if (!row) throw notFound('评审邀请')
  return row
}

async function calendarOrUndefined(): Promise<WorkdayCalendar | undefined> {
  return workdayCalendar().catch(() => undefined)
}

async function present(rows: readonly AssignmentRow[]): Promise<z.infer<typeof Invitation>[]> {
  if (rows.length === 0) return []
  const roundIds = [...new Set(rows.map((r) => r.roundId))]
  const rounds = new Map(
    (await db.select().from(evaluationRounds).where(inArray(evaluationRounds.id, roundIds))).map((r) => [r.id, r]),
  )
  const decided = new Set(
    (await db.select().from(evaluationRoundProjects).where(inArray(evaluationRoundProjects.roundId, roundIds)))
      .filter((i) => i.decision)
      .map((i) => `${i.roundId}|${i.projectId}`),
  )
  const projects = new Map((await findProjects(rows.map((r) => r.projectId))).map((p) => [p.id, p]))
  const orgs = await organizationNames([
    ...[...rounds.values()].map((r) => r.centerOrgId),
    ...[...projects.values()].map((p) => p.applicantOrgId),
  ])
  const industries = await industryNames([...projects.values()].flatMap((p) => p.industryCodes))
  const calendar = await calendarOrUndefined()
  const today = todayInShanghai(now())
  return rows.map((r) => {
    const round = rounds.get(r.roundId)!
    const project = projects.get(r.projectId)!
    const pending = (PENDING as readonly string[]).includes(r.status)
    return {
      id: r.id,
      roundId: r.roundId,
      roundTitle: round.title,
      centerOrgName: orgs.get(round.centerOrgId) ?? '',
      deadline: round.deadline,
      workdaysLeft: pending ? workdaysLeft(calendar, round.deadline) : null,
      status: r.status,
      statusLabel: assignmentStatusLabels[r.status],
      roleLabel: roleLabel(r.role),
      // What an expert needs to judge a conflict of interest: the parties, not the content.
      project: {
        id: project.id,
        title: project.title,
        applicantOrgName: orgs.get(project.applicantOrgId) ?? '',
        team: project.team,
        industries: project.industryCodes.map((c) => industries.get(c) ?? c),
      },
      criteria: round.criteria,
      scores: r.scores,
      comments: r.comments,
      overallComment: r.overallComment,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      canScore:
        r.status === 'accepted' &&
        round.status === 'open' &&
        round.deadline >= today &&
        !decided.has(`${r.roundId}|${r.projectId}`),
    }
  })
}

/** 我的评审: the expert's invitations, or only the pending ones due within N working days (reminders). */
export async function listInvitations(actor: Actor, query: { dueWithinWorkdays?: number; scope: 'active' | 'all' }) {
  requirePermission(actor, 'evaluation.review')
  const user = requireUser(actor)
  const rows = await db
    .select()
    .from(evaluationAssignments)
    .where(
      and(
        eq(evaluationAssignments.expertUserId, user.userId),
        query.scope === 'active'
          ? inArray(evaluationAssignments.status, [...PENDING, 'submitted'])
          : ne(evaluationAssignments.status, 'withdrawn'),
      ),
    )
    .orderBy(desc(evaluationAssignments.invitedAt))
  const within = query.dueWithinWorkdays
  if (within === undefined || rows.length === 0) return { items: await present(rows) }
  const calendar = await workdayCalendar()
  const roundIds = [...new Set(rows.map((r) => r.roundId))]
  const rounds = new Map(
    (await db.select().from(evaluationRounds).where(inArray(evaluationRounds.id, roundIds))).map((r) => [r.id, r]),
  )
  const due = rows.filter((r) => {
    const round = rounds.get(r.roundId)
    const pending = (PENDING as readonly string[]).includes(r.status)
    return pending && round?.status === 'open' && dueWithin(calendar, round.deadline, within)
  })
  return { items: await present(due) }
}

/** One invitation; the project's content only once the expert has confirmed no conflict of interest. */
export async function getInvitation(actor: Actor, id: string): Promise<z.infer<typeof InvitationDetail>> {
  const row = await ownAssignment(actor, id)
  const [invitation] = await present([row])
  const confirmed = row.status === 'confirmed' || row.status === 'accepted' || row.status === 'submitted'
  const project = confirmed ? await getProject(actor, row.projectId).catch(() => undefined) : undefined
  return {
    ...invitation!,
    detail: project
      ? {
          summary: project.summary,
          disciplines: project.disciplines,
          requestedTypeLabels: project.requestedTypeLabels,
          budgetFen: project.budgetFen,
          trl: project.trl,
          achievementIds: project.achievementIds,
        }
      : null,
  }
}
