import { and, eq, inArray } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import type { Actor } from '../../platform/auth/actor'
import { requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { findProjects } from '../projects/service'
import { lockRound, managedRound, type RoundRow, requireOpen } from './access'
import { type AssignmentInput, type AssignmentProgress, assignReviewers } from './assignment'
import { type CandidateRow, findCandidates } from './candidates'
import { revokeProject } from './grants'
import { ACTIVE_STATUSES, KEPT_STATUSES } from './labels'
import { type DeclaredInRound, findRoundConflicts } from './profiles'
import {
  evaluationAssignments,
  evaluationCandidates,
  evaluationPairRules,
  evaluationRoundProjects,
  evaluationRounds,
  evaluationRuns,
} from './schema'
import { expertNames, latestRun, presentAssignment, presentRun } from './view'

type AssignmentRow = typeof evaluationAssignments.$inferSelect
type Trigger = (typeof evaluationRuns.$inferSelect)['trigger']
const pairKey = (a: { projectId: string; expertId: string }) => `${a.projectId}|${a.expertId}`
const isActive = (a: AssignmentRow) => ACTIVE_STATUSES.includes(a.status)

/** Conflicts experts declared on these projects, in any round: they stay excluded. */
export async function declaredConflicts(projectIds: readonly string[]): Promise<DeclaredInRound[]> {
  if (projectIds.length === 0) return []
  const rows = await db
    .select()
    .from(evaluationAssignments)
    .where(and(inArray(evaluationAssignments.projectId, [...projectIds]), eq(evaluationAssignments.status, 'conflict')))
  return rows.map((r) => ({ projectId: r.projectId, expertId: r.expertId, note: r.note ?? '专家申报回避' }))
}

/**
 * The organizer runs the optimal assignment (issue 5): candidates are refreshed from matching, conflicts are
 * recomputed from the registries, and the solver keeps accepted and pinned pairs while it fills every other seat.
 */
export async function runAssignment(actor: Actor, roundId: string) {
  const round = await managedRound(actor, roundId)
  requireOpen(round)
  if (round.deadline < todayInShanghai(now()))
    throw new AppError('STATE_INVALID', `评审截止日期（${round.deadline}）已过，请先延长截止日期再分配`)
  const items = await undecided(roundId)
  const projects = new Map((await findProjects(items.map((i) => i.projectId))).map((p) => [p.id, p]))
  const fresh = await findCandidates(requireUser(actor), round, items, projects)
  const run = await solve(actor, roundId, 'organizer', fresh)
  return present(roundId, run)
}

/** After a decline or a declared conflict: the same candidates, one more exclusion, a replacement if there is one. */
export async function findReplacement(actor: Actor, roundId: string, trigger: 'declined' | 'conflict') {
  const [round] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, roundId))
  // After the deadline or once the round is over nobody new can still review: no replacement.
  if (round?.status !== 'open' || round.deadline < todayInShanghai(now())) return undefined
  return solve(actor, roundId, trigger)
}

async function undecided(roundId: string) {
  const items = await db.select().from(evaluationRoundProjects).where(eq(evaluationRoundProjects.roundId, roundId))
  return items.filter((i) => !i.decision)
}

async function solve(
  actor: Actor,
  roundId: string,
  trigger: Trigger,
  fresh?: { rows: CandidateRow[]; notes: string[] },
) {
  const items = await undecided(roundId)
  const projectIds = items.map((i) => i.projectId)
  const candidates =
    fresh?.rows ?? (await db.select().from(evaluationCandidates).where(eq(evaluationCandidates.roundId, roundId)))
  const assignments = await db.select().from(evaluationAssignments).where(eq(evaluationAssignments.roundId, roundId))
  const ruled = await db.select().from(evaluationPairRules).where(eq(evaluationPairRules.roundId, roundId))
  const expertIds = [
    ...candidates.map((c) => c.expertId),
    ...assignments.filter(isActive).map((a) => a.expertId),
    ...ruled.map((r) => r.expertId),
  ]
  const projects = await findProjects(projectIds)
  const { conflicts, experts } = await findRoundConflicts(projects, expertIds, await declaredConflicts(projectIds))
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId)
    requireOpen(round)
    const current = await tx.select().from(evaluationAssignments).where(eq(evaluationAssignments.roundId, roundId))
    const rules = await tx.select().from(evaluationPairRules).where(eq(evaluationPairRules.roundId, roundId))
    const open = new Set(projectIds)
    const kept = current.filter((a) => open.has(a.projectId) && KEPT_STATUSES.includes(a.status))
    // Reviews on projects already decided still count against the expert's load in this round.
    const doneLoad = new Map<string, number>()
    for (const a of current.filter((x) => !open.has(x.projectId) && isActive(x)))
      doneLoad.set(a.expertId, (doneLoad.get(a.expertId) ?? 0) + 1)
    const keptExperts = new Set(kept.map((a) => a.expertId))
    const pool = [...experts.values()].filter((e) => keptExperts.has(e.expertId) || (e.userId && !e.archived))
    const inPool = new Set(pool.map((e) => e.expertId))
    const input: AssignmentInput = {
      projects: items.map((i) => ({
        id: i.projectId,
        reviewers: i.reviewers ?? round.reviewersPerProject,
        tanks: i.tanks,
      })),
      experts: pool.map((e) => ({
        id: e.expertId,
        tanks: e.thinkTanks,
        cap: Math.max(0, (round.capOverrides[e.expertId] ?? round.defaultCap) - (doneLoad.get(e.expertId) ?? 0)),
      })),
      candidates: candidates.filter((c) => open.has(c.projectId) && inPool.has(c.expertId)),
      conflicts,
      forbidden: [
        ...rules.filter((r) => r.kind === 'forbid').map((r) => ({ ...r, note: r.note ?? '组织者禁止' })),
        ...current
          .filter((a) => a.status === 'declined')
          .map((a) => ({ projectId: a.projectId, expertId: a.expertId, note: `专家已谢绝：${a.note ?? ''}` })),
      ],
      pinned: rules.filter((r) => r.kind === 'pin' && open.has(r.projectId)),
      accepted: kept,
      defaultReviewers: round.reviewersPerProject,
      defaultCap: round.defaultCap,
    }
    const progress: AssignmentProgress[] = []
    const result = assignReviewers(input, { onProgress: (p) => progress.length < 60 && progress.push(p) })
    const changes = await apply(tx, round, current, open, result, experts)
    if (fresh) {
      await tx.delete(evaluationCandidates).where(eq(evaluationCandidates.roundId, roundId))
      if (fresh.rows.length) await tx.insert(evaluationCandidates).values(fresh.rows)
    }
    const [run] = await tx
      .insert(evaluationRuns)
      .values({
        id: newId(),
        roundId,
        trigger,
        actorName: actor.kind === 'user' ? actor.displayName : '系统',
        at: now(),
        objective: {
          reviews: result.objective.reviews,
          seats: result.objective.seats,
          totalAffinity: Math.round(result.objective.totalAffinity * 10_000) / 10_000,
        },
        certified: result.certified,
        shortProjects: result.shortProjects,
        exclusions: result.exclusions,
        rejectedFixed: result.rejectedFixed,
        progress,
        changes,
        notes: fresh?.notes ?? [],
        ms: result.stats.ms.total,
      })
      .returning()
    await audit(tx, actor, {
      action: 'evaluation.assign',
      targetType: 'evaluationRound',
      targetId: roundId,
      detail: { trigger, objective: run!.objective, changes, short: result.shortProjects.length },
    })
    return run!
  })
}

type Result = ReturnType<typeof assignReviewers>
type Facts = Awaited<ReturnType<typeof findRoundConflicts>>['experts']

/** Writes the solver's answer: new invitations, kept rows untouched, seats no longer held withdrawn. */
async function apply(
  tx: Transaction,
  round: RoundRow,
  current: readonly AssignmentRow[],
  open: ReadonlySet<string>,
  result: Result,
  experts: Facts,
) {
  const at = now()
  const byKey = new Map(current.map((a) => [pairKey(a), a]))
  const chosen = new Set(result.assignments.map(pairKey))
  const changes = { invited: 0, kept: 0, withdrawn: 0 }
  for (const a of result.assignments) {
    const existing = byKey.get(pairKey(a))
    const facts = experts.get(a.expertId)
    if (existing && isActive(existing)) {
      const source = a.source === 'accepted' ? existing.source : a.source
      await tx
        .update(evaluationAssignments)
        .set({ role: a.role, source, affinity: a.affinity, updatedAt: at })
        .where(eq(evaluationAssignments.id, existing.id))
      changes.kept++
      continue
    }
    const fresh = {
      roundId: round.id,
      projectId: a.projectId,
      expertId: a.expertId,
      expertUserId: facts!.userId!,
      expertName: facts!.name,
      role: a.role,
      source: a.source,
      affinity: a.affinity,
      status: 'invited' as const,
      note: null,
      invitedAt: at,
      confirmedAt: null,
      acceptedAt: null,
      endedAt: null,
      scores: {},
      comments: {},
      overallComment: null,
      scoredAt: null,
      submittedAt: null,
      updatedAt: at,
    }
    if (existing) await tx.update(evaluationAssignments).set(fresh).where(eq(evaluationAssignments.id, existing.id))
    else await tx.insert(evaluationAssignments).values({ ...fresh, id: newId() })
    changes.invited++
  }
  for (const a of current) {
    if (!open.has(a.projectId) || !isActive(a) || chosen.has(pairKey(a))) continue
    const rejected = result.rejectedFixed.find((r) => pairKey(r) === pairKey(a))
    await tx
      .update(evaluationAssignments)
      .set({ status: 'withdrawn', note: rejected?.message ?? '重新分配后撤回', endedAt: at, updatedAt: at })
      .where(eq(evaluationAssignments.id, a.id))
    await revokeProject(tx, a.projectId, a.expertUserId)
    changes.withdrawn++
  }
  return changes
}

async function present(roundId: string, run: typeof evaluationRuns.$inferSelect) {
  const assignments = await db.select().from(evaluationAssignments).where(eq(evaluationAssignments.roundId, roundId))
  const ids = [...assignments, ...run.shortProjects, ...run.exclusions].map((x) => x.projectId)
  const titles = new Map((await findProjects([...new Set(ids)])).map((p) => [p.id, p.title]))
  const names = await expertNames([...run.exclusions, ...run.rejectedFixed].map((x) => x.expertId))
  return { run: presentRun(run, titles, names), assignments: assignments.filter(isActive).map(presentAssignment) }
}

/** The last run and the seats as they stand. */
export async function getAssignment(actor: Actor, roundId: string) {
  await managedRound(actor, roundId)
  const run = await latestRun(roundId)
  if (run) return present(roundId, run)
  const assignments = await db.select().from(evaluationAssignments).where(eq(evaluationAssignments.roundId, roundId))
  return { run: null, assignments: assignments.filter(isActive).map(presentAssignment) }
}
