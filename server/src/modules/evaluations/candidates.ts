import { and, eq } from 'drizzle-orm'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { type Viewer, viewerOf, visibleFilter } from '../../platform/registry/confidentiality'
import type { Filter } from '../../platform/search'
import { findExpertsForConflicts } from '../experts/service'
import { industryNames } from '../industries/service'
import { secretScope } from '../jurisdictions/service'
import { matchExpertsForProject } from '../matching/experts'
import { managedRound } from './access'
import { THINK_TANK_LABEL } from './assignment/types'
import type { ProjectRow } from './profiles'
import {
  evaluationAssignments,
  evaluationCandidates,
  evaluationPairRules,
  type evaluationRoundProjects,
} from './schema'
import { latestRun } from './view'

export type CandidateRow = typeof evaluationCandidates.$inferSelect
type RoundProject = typeof evaluationRoundProjects.$inferSelect

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000)

/** Available, or busy only until before the deadline. */
function availableBy(deadline: string): Filter {
  return {
    or: [
      { attribute: 'availability', in: ['available'] },
      {
        and: [
          { attribute: 'availability', in: ['busy'] },
          { attribute: 'busyUntil', lt: dayNumber(deadline) },
        ],
      },
    ],
  }
}

/**
 * Candidates for each project from matching, as the organizer may see the experts registry. Only experts with a
 * linked 评审专家 account can review online; the others are left out and counted in a note.
 */
export async function findCandidates(
  actor: Actor,
  round: { id: string; deadline: string },
  items: readonly RoundProject[],
  projects: ReadonlyMap<string, ProjectRow>,
): Promise<{ rows: CandidateRow[]; notes: string[] }> {
  const viewer: Viewer = viewerOf(actor, await secretScope(actor))
  const visible = visibleFilter(viewer)
  const filter: Filter = { and: [availableBy(round.deadline), ...(visible ? [visible] : [])] }
  const names = await industryNames([...projects.values()].flatMap((p) => p.industryCodes))
  const matches = items.flatMap((item) => {
    const p = projects.get(item.projectId)
    if (!p) return []
    const text = {
      title: p.title,
      summary: p.summary,
      industryNames: p.industryCodes.map((c) => names.get(c) ?? ''),
      disciplines: p.disciplines,
    }
    return matchExpertsForProject(text, { tanks: item.tanks, filter }).map((m) => ({ ...m, projectId: p.id }))
  })
  const facts = new Map((await findExpertsForConflicts(matches.map((m) => m.expertId))).map((e) => [e.expertId, e]))
  const online = (id: string) => !!facts.get(id)?.userId && !facts.get(id)?.archived
  const offline = new Set(matches.filter((m) => !online(m.expertId)).map((m) => m.expertId))
  const rows = matches
    .filter((m) => online(m.expertId))
    .map((m) => ({
      roundId: round.id,
      projectId: m.projectId,
      expertId: m.expertId,
      affinity: m.affinity,
      reasons: m.reasons,
    }))
  const notes = offline.size ? [`${offline.size} 位匹配到的专家未关联“评审专家”账号，无法在线评审，未列为候选`] : []
  return { rows, notes }
}

/** The organizer's view of one project's candidates: affinity, 为什么推荐, conflicts with reasons, pins. */
export async function listCandidates(actor: Actor, roundId: string, projectId: string) {
  await managedRound(actor, roundId)
  const rows = await db
    .select()
    .from(evaluationCandidates)
    .where(and(eq(evaluationCandidates.roundId, roundId), eq(evaluationCandidates.projectId, projectId)))
  const rules = await db
    .select()
    .from(evaluationPairRules)
    .where(and(eq(evaluationPairRules.roundId, roundId), eq(evaluationPairRules.projectId, projectId)))
  const assignments = await db
    .select()
    .from(evaluationAssignments)
    .where(and(eq(evaluationAssignments.roundId, roundId), eq(evaluationAssignments.projectId, projectId)))
  const run = await latestRun(roundId)
  const exclusions = (run?.exclusions ?? []).filter((x) => x.projectId === projectId)
  const facts = new Map((await findExpertsForConflicts(rows.map((r) => r.expertId))).map((e) => [e.expertId, e]))
  return {
    projectId,
    items: rows
      .sort((a, b) => b.affinity - a.affinity)
      .map((r) => {
        const excluded = exclusions.find((x) => x.expertId === r.expertId)
        const rule = rules.find((x) => x.expertId === r.expertId)
        return {
          expertId: r.expertId,
          expertName: facts.get(r.expertId)?.name ?? '',
          thinkTankLabels: (facts.get(r.expertId)?.thinkTanks ?? []).map((t) => THINK_TANK_LABEL[t]),
          affinity: r.affinity,
          reasons: r.reasons,
          conflicts: excluded?.reasons.map((x) => ({ kind: x.kind, detail: x.detail })) ?? [],
          forbidden: rule?.kind === 'forbid' || !!excluded?.forbidden,
          pinned: rule?.kind === 'pin',
          assignmentStatus: assignments.find((a) => a.expertId === r.expertId)?.status ?? null,
        }
      }),
  }
}
