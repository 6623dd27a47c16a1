import { eq } from 'drizzle-orm'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { findProjects } from '../projects/service'
import { managedRound, type RoundRow } from './access'
import { flagOutliers, normalizeByReviewer, rankProjects, weightedScore } from './aggregate'
import { ACTIVE_STATUSES } from './labels'
import { evaluationAssignments, evaluationRoundProjects } from './schema'

/** The round's submitted reviews: weighted, normalized per reviewer, outliers flagged, projects ranked. */
export async function computeStandings(round: RoundRow) {
  const items = await db.select().from(evaluationRoundProjects).where(eq(evaluationRoundProjects.roundId, round.id))
  const assignments = await db.select().from(evaluationAssignments).where(eq(evaluationAssignments.roundId, round.id))
  const submitted = assignments.filter((a) => a.status === 'submitted')
  const reviews = submitted.map((a) => ({
    id: a.id,
    projectId: a.projectId,
    reviewerId: a.expertId,
    raw: weightedScore(a.scores, round.criteria),
  }))
  const flagged = flagOutliers(normalizeByReviewer(reviews), round.outlierThreshold)
  const scores = new Map(submitted.map((a) => [a.id, a.scores]))
  const standings = rankProjects(
    items.map((i) => i.projectId),
    flagged,
    scores,
    round.criteria,
  )
  const pending = (projectId: string) =>
    assignments.filter(
      (a) => a.projectId === projectId && a.status !== 'submitted' && ACTIVE_STATUSES.includes(a.status),
    ).length
  return { items, assignments, flagged, standings, pending }
}

/** 排序结果: raw and normalized scores side by side, every review with its normalization and outlier flag. */
export async function getResults(actor: Actor, roundId: string) {
  const round = await managedRound(actor, roundId)
  const { items, assignments, flagged, standings, pending } = await computeStandings(round)
  const titles = new Map((await findProjects(items.map((i) => i.projectId))).map((p) => [p.id, p.title]))
  const names = new Map(assignments.map((a) => [a.id, a.expertName]))
  return {
    roundId,
    criteria: round.criteria,
    admissionThreshold: round.admissionThreshold,
    outlierThreshold: round.outlierThreshold,
    items: standings.map((s) => ({
      rank: s.rank,
      projectId: s.projectId,
      title: titles.get(s.projectId) ?? '',
      submitted: s.reviews,
      pending: pending(s.projectId),
      rawMean: s.rawMean,
      normalizedMean: s.normalizedMean,
      criterionMeans: s.criterionMeans,
      outliers: s.outliers,
      decision: items.find((i) => i.projectId === s.projectId)?.decision ?? null,
      reviews: flagged
        .filter((r) => r.projectId === s.projectId)
        .map((r) => ({
          assignmentId: r.id,
          expertName: names.get(r.id) ?? '',
          raw: r.raw,
          normalized: r.normalized,
          method: r.method,
          why: r.why,
          deviation: r.deviation,
          outlier: r.outlier,
          outlierWhy: r.outlierWhy,
        })),
    })),
  }
}
