import { and, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { moveProject } from '../projects/service'
import { statusLabels } from '../projects/status-flow'
import { lockRound, managedRound, requireOpen } from './access'
import type { DecisionInput } from './contracts'
import { explainDecision } from './decision'
import { revokeProject } from './grants'
import { decisionLabels } from './labels'
import { computeStandings } from './results'
import { evaluationAssignments, evaluationRoundProjects, evaluationRounds } from './schema'

/**
 * 入库: the organizer admits or declines a project with a recorded, explained decision (score, rank, threshold,
 * reason); the project moves to 已入库 / 未入库. Decisions wait for every review unless the deadline has passed.
 * When every project is decided the round ends.
 */
export async function decideProject(actor: Actor, roundId: string, input: DecisionInput) {
  const user = requireUser(actor)
  const round = await managedRound(actor, roundId)
  requireOpen(round)
  const { items, standings, pending } = await computeStandings(round)
  const item = items.find((i) => i.projectId === input.projectId)
  if (!item)
    throw new AppError('VALIDATION_FAILED', '该项目不在本轮评价中', {
      fields: [{ path: 'projectId', message: '该项目不在本轮评价中' }],
    })
  if (item.decision) throw new AppError('STATE_INVALID', `该项目已作出“${decisionLabels[item.decision]}”决定`)
  const standing = standings.find((s) => s.projectId === input.projectId)!
  if (standing.rank === null) throw new AppError('STATE_INVALID', '该项目尚无已提交的评分，不能作出入库决定')
  const waiting = pending(input.projectId)
  if (waiting > 0 && todayInShanghai(now()) <= round.deadline)
    throw new AppError('STATE_INVALID', `尚有 ${waiting} 份评审未提交，截止日期（${round.deadline}）前不能作出决定`)
  const facts = {
    decision: input.decision,
    rawMean: standing.rawMean!,
    normalizedMean: standing.normalizedMean!,
    rank: standing.rank,
    ranked: standings.filter((s) => s.rank !== null).length,
    reviews: standing.reviews,
    outliers: standing.outliers,
    threshold: round.admissionThreshold,
    reason: input.reason,
  }
  const { explanation, needsReason } = explainDecision(facts)
  if (needsReason && !input.reason?.trim()) {
    const message =
      round.admissionThreshold === null ? '本轮未设入库分数线，请填写决定理由' : '决定与入库分数线不一致，请填写理由'
    throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: 'reason', message }] })
  }
  const where = and(
    eq(evaluationRoundProjects.roundId, roundId),
    eq(evaluationRoundProjects.projectId, input.projectId),
  )
  return db.transaction(async (tx) => {
    await lockRound(tx, roundId)
    const [current] = await tx.select().from(evaluationRoundProjects).where(where)
    if (current?.decision) throw new AppError('STATE_INVALID', '该项目已作出入库决定')
    const at = now()
    await tx
      .update(evaluationRoundProjects)
      .set({
        decision: input.decision,
        decisionExplanation: explanation,
        decisionDetail: facts,
        decidedBy: user.userId,
        decidedByName: user.displayName,
        decidedAt: at,
      })
      .where(where)
    const project = await moveProject(tx, actor, input.projectId, input.decision, explanation)
    // Reviews still open on a decided project are no longer needed.
    const open = await tx
      .update(evaluationAssignments)
      .set({ status: 'withdrawn', note: '项目已作出入库决定', endedAt: at, updatedAt: at })
      .where(
        and(
          eq(evaluationAssignments.roundId, roundId),
          eq(evaluationAssignments.projectId, input.projectId),
          inArray(evaluationAssignments.status, ['invited', 'confirmed', 'accepted']),
        ),
      )
      .returning()
    for (const a of open) await revokeProject(tx, a.projectId, a.expertUserId)
    const all = await tx.select().from(evaluationRoundProjects).where(eq(evaluationRoundProjects.roundId, roundId))
    const finished = all.every((i) => i.decision)
    if (finished)
      await tx
        .update(evaluationRounds)
        .set({ status: 'closed', closedAt: at, updatedAt: at })
        .where(eq(evaluationRounds.id, roundId))
    await audit(tx, actor, {
      action: 'evaluation.decide',
      targetType: 'evaluationRound',
      targetId: roundId,
      detail: { projectId: input.projectId, decision: input.decision, explanation, closed: finished },
    })
    return {
      projectId: input.projectId,
      decision: input.decision,
      decisionLabel: decisionLabels[input.decision],
      explanation,
      projectStatus: statusLabels[project.status],
      roundStatus: finished ? ('closed' as const) : ('open' as const),
    }
  })
}
