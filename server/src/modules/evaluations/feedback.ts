import { and, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { isApplicant, managesProject } from '../projects/access'
import { visibleProject } from '../projects/service'
import { decisionLabels, reviewerLetter } from './labels'
import { evaluationAssignments, evaluationRoundProjects, evaluationRounds } from './schema'

/**
 * 评审意见反馈: once a decision is recorded, the applicant reads the scores and comments as 评审专家 A/B/C — never
 * who reviewed (issue 5: applicants never see reviewer identities).
 */
export async function evaluationFeedback(actor: Actor, projectId: string) {
  requirePermission(actor, 'project.read')
  const project = await visibleProject(actor, projectId)
  if (!isApplicant(actor, project) && !managesProject(actor, project))
    throw new AppError('FORBIDDEN', '评审意见仅反馈给申报单位和负责的概念验证中心')
  const items = await db.select().from(evaluationRoundProjects).where(eq(evaluationRoundProjects.projectId, projectId))
  if (items.length === 0) return { projectId, rounds: [] }
  const rounds = new Map(
    (
      await db
        .select()
        .from(evaluationRounds)
        .where(
          inArray(
            evaluationRounds.id,
            items.map((i) => i.roundId),
          ),
        )
    ).map((r) => [r.id, r]),
  )
  const reviews = await db
    .select()
    .from(evaluationAssignments)
    .where(and(eq(evaluationAssignments.projectId, projectId), eq(evaluationAssignments.status, 'submitted')))
  return {
    projectId,
    rounds: items.map((item) => {
      const round = rounds.get(item.roundId)!
      if (!item.decision) {
        return {
          roundTitle: round.title,
          decided: false,
          decisionLabel: null,
          explanation: null,
          score: null,
          reviewers: [],
        }
      }
      const mine = reviews
        .filter((r) => r.roundId === item.roundId)
        .sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0))
      const detail = item.decisionDetail as { normalizedMean?: number } | null
      return {
        roundTitle: round.title,
        decided: true,
        decisionLabel: decisionLabels[item.decision],
        explanation: item.decisionExplanation,
        score: detail?.normalizedMean ?? null,
        reviewers: mine.map((r, i) => ({
          label: reviewerLetter(i),
          scores: round.criteria.map((c) => ({
            criterion: c.name,
            score: r.scores[c.key] ?? null,
            comment: r.comments[c.key] || null,
          })),
          overallComment: r.overallComment,
        })),
      }
    }),
  }
}
