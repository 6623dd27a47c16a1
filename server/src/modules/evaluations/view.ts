import { desc, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { db } from '../../db'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { findExpertsForConflicts } from '../experts/service'
import { organizationNames } from '../organizations/service'
import { findProjects } from '../projects/service'
import { statusLabels } from '../projects/status-flow'
import { managedRound, type RoundRow } from './access'
import { THINK_TANK_LABEL, type ThinkTank } from './assignment/types'
import type { Run } from './contracts'
import { assignmentStatusLabels, decisionLabels } from './labels'
import {
  evaluationAssignments,
  evaluationPairRules,
  evaluationRoundProjects,
  evaluationRounds,
  evaluationRuns,
} from './schema'

type AssignmentRow = typeof evaluationAssignments.$inferSelect
type RunRow = typeof evaluationRuns.$inferSelect

export const roleLabel = (role: string) => (role in THINK_TANK_LABEL ? THINK_TANK_LABEL[role as ThinkTank] : '通用')
const TRIGGER_LABEL: Record<RunRow['trigger'], string> = {
  organizer: '组织者运行分配',
  declined: '专家谢绝后自动补选',
  conflict: '专家申报回避后自动补选',
}

export async function expertNames(ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await findExpertsForConflicts(ids)).map((e) => [e.expertId, e.name]))
}

export function presentAssignment(a: AssignmentRow) {
  return {
    id: a.id,
    projectId: a.projectId,
    expertId: a.expertId,
    expertName: a.expertName,
    role: a.role,
    roleLabel: roleLabel(a.role),
    source: a.source,
    affinity: a.affinity,
    status: a.status,
    statusLabel: assignmentStatusLabels[a.status],
    note: a.note,
    submittedAt: a.submittedAt?.toISOString() ?? null,
  }
}

export function presentRun(
  run: RunRow,
  titles: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): z.infer<typeof Run> {
  return {
    id: run.id,
    trigger: run.trigger,
    triggerLabel: TRIGGER_LABEL[run.trigger],
    at: run.at.toISOString(),
    actorName: run.actorName,
    objective: run.objective,
    certified: run.certified,
    shortProjects: run.shortProjects.map((s) => ({
      projectId: s.projectId,
      projectTitle: titles.get(s.projectId) ?? s.projectId,
      needed: s.needed,
      assigned: s.assigned,
      missingTankLabels: s.missingTanks.map((t) => THINK_TANK_LABEL[t]),
      reasons: s.reasons.map((r) => ({ kind: r.kind, message: r.message })),
    })),
    exclusions: run.exclusions.map((x) => ({
      projectId: x.projectId,
      projectTitle: titles.get(x.projectId) ?? x.projectId,
      expertId: x.expertId,
      expertName: names.get(x.expertId) ?? '',
      reasons: x.reasons.map((r) => ({ kind: r.kind, detail: r.detail })),
      forbidden: x.forbidden,
      note: x.note ?? null,
    })),
    rejectedFixed: run.rejectedFixed.map((r) => ({
      projectId: r.projectId,
      expertId: r.expertId,
      expertName: names.get(r.expertId) ?? '',
      source: r.source,
      message: r.message,
    })),
    progress: run.progress,
    changes: run.changes,
    notes: run.notes,
    ms: Math.round(run.ms * 10) / 10,
  }
}

function progressOf(seats: number, assignments: readonly AssignmentRow[]) {
  const n = (status: AssignmentRow['status']) => assignments.filter((a) => a.status === status).length
  return {
    seats,
    invited: n('invited'),
    confirmed: n('confirmed'),
    accepted: n('accepted'),
    submitted: n('submitted'),
    declined: n('declined'),
    conflicts: n('conflict'),
  }
}

async function summaries(rounds: readonly RoundRow[]) {
  const ids = rounds.map((r) => r.id)
  if (ids.length === 0) return []
  const items = await db.select().from(evaluationRoundProjects).where(inArray(evaluationRoundProjects.roundId, ids))
  const assignments = await db.select().from(evaluationAssignments).where(inArray(evaluationAssignments.roundId, ids))
  const centers = await organizationNames(rounds.map((r) => r.centerOrgId))
  return rounds.map((r) => {
    const mine = items.filter((i) => i.roundId === r.id)
    const seats = mine.reduce((s, i) => s + (i.reviewers ?? r.reviewersPerProject), 0)
    return {
      id: r.id,
      title: r.title,
      centerOrgId: r.centerOrgId,
      centerOrgName: centers.get(r.centerOrgId) ?? '',
      status: r.status,
      statusLabel: r.status === 'open' ? '进行中' : '已结束',
      deadline: r.deadline,
      criteriaLocked: r.criteriaLockedAt !== null,
      projects: mine.length,
      decided: mine.filter((i) => i.decision).length,
      progress: progressOf(
        seats,
        assignments.filter((a) => a.roundId === r.id),
      ),
      createdAt: r.createdAt.toISOString(),
    }
  })
}

export async function listRounds(actor: Actor) {
  requirePermission(actor, 'evaluation.manage')
  const user = requireUser(actor)
  const rounds = await db
    .select()
    .from(evaluationRounds)
    .where(eq(evaluationRounds.centerOrgId, user.orgId))
    .orderBy(desc(evaluationRounds.createdAt))
  return { items: await summaries(rounds) }
}

export async function latestRun(roundId: string): Promise<RunRow | undefined> {
  const [run] = await db
    .select()
    .from(evaluationRuns)
    .where(eq(evaluationRuns.roundId, roundId))
    .orderBy(desc(evaluationRuns.at))
    .limit(1)
  return run
}

/** The organizer's view: settings, every project with its reviewers and their progress, pins, the last run. */
export async function getRound(actor: Actor, id: string) {
  const round = await managedRound(actor, id)
  const [summary] = await summaries([round])
  const items = await db.select().from(evaluationRoundProjects).where(eq(evaluationRoundProjects.roundId, id))
  const assignments = await db.select().from(evaluationAssignments).where(eq(evaluationAssignments.roundId, id))
  const rules = await db.select().from(evaluationPairRules).where(eq(evaluationPairRules.roundId, id))
  const projects = new Map((await findProjects(items.map((i) => i.projectId))).map((p) => [p.id, p]))
  const applicants = await organizationNames([...projects.values()].map((p) => p.applicantOrgId))
  const run = await latestRun(id)
  const names = await expertNames([
    ...rules.map((r) => r.expertId),
    ...(run?.exclusions.map((x) => x.expertId) ?? []),
    ...(run?.rejectedFixed.map((x) => x.expertId) ?? []),
  ])
  const titles = new Map([...projects.values()].map((p) => [p.id, p.title]))
  return {
    ...summary!,
    criteria: round.criteria,
    reviewersPerProject: round.reviewersPerProject,
    defaultCap: round.defaultCap,
    capOverrides: round.capOverrides,
    reminderWorkdays: round.reminderWorkdays,
    outlierThreshold: round.outlierThreshold,
    admissionThreshold: round.admissionThreshold,
    version: round.version,
    items: items.map((i) => {
      const project = projects.get(i.projectId)
      return {
        projectId: i.projectId,
        title: project?.title ?? '',
        applicantOrgName: applicants.get(project?.applicantOrgId ?? '') ?? '',
        projectStatus: project?.status ?? '',
        projectStatusLabel: project ? statusLabels[project.status] : '',
        tanks: i.tanks,
        tankLabels: i.tanks.map((t) => THINK_TANK_LABEL[t]),
        reviewers: i.reviewers ?? round.reviewersPerProject,
        assignments: assignments
          .filter((a) => a.projectId === i.projectId && a.status !== 'withdrawn')
          .map(presentAssignment),
        decision: i.decision,
        decisionLabel: i.decision ? decisionLabels[i.decision] : null,
        decisionExplanation: i.decisionExplanation,
      }
    }),
    pairRules: rules.map((r) => ({
      projectId: r.projectId,
      expertId: r.expertId,
      expertName: names.get(r.expertId) ?? '',
      kind: r.kind,
      note: r.note,
    })),
    lastRun: run ? presentRun(run, titles, names) : null,
  }
}
