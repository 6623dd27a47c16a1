import { and, eq } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { lockRound } from './access'
import { findReplacement } from './assign'
import type { SaveReview } from './contracts'
import { grantProject, revokeProject } from './grants'
import { type AssignmentRow, getInvitation, ownAssignment } from './invitations'
import { assignmentStatusLabels } from './labels'
import {
  type AssignmentStatus,
  evaluationAssignments,
  evaluationPairRules,
  evaluationRoundProjects,
  evaluationRounds,
} from './schema'

type Change = Partial<typeof evaluationAssignments.$inferInsert>

/**
 * One step of an expert's response, serialized with every other change to the round (reruns included): the
 * round is locked, the invitation re-read, its status checked, the change written and audited together.
 */
async function respond(
  actor: Actor,
  id: string,
  allowed: readonly AssignmentStatus[],
  action: string,
  change: (row: AssignmentRow, tx: Transaction) => Promise<Change>,
): Promise<AssignmentRow> {
  const first = await ownAssignment(actor, id)
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, first.roundId)
    const row = await ownAssignment(actor, id, tx)
    if (round.status !== 'open') throw new AppError('STATE_INVALID', `评价轮次“${round.title}”已结束`)
    if (!allowed.includes(row.status))
      throw new AppError('STATE_INVALID', `该评审当前为“${assignmentStatusLabels[row.status]}”，不能执行此操作`, {
        status: row.status,
      })
    const values = await change(row, tx)
    const [updated] = await tx
      .update(evaluationAssignments)
      .set({ ...values, updatedAt: now(), version: row.version + 1 })
      .where(eq(evaluationAssignments.id, id))
      .returning()
    await audit(tx, actor, {
      action,
      targetType: 'evaluationAssignment',
      targetId: id,
      before: row,
      after: updated,
      detail: { roundId: row.roundId, projectId: row.projectId, from: row.status, to: updated!.status },
    })
    return updated!
  })
}

/** A pin on a pair the expert has left would only be rejected on every rerun. */
async function dropPin(tx: Transaction, row: AssignmentRow) {
  await tx
    .delete(evaluationPairRules)
    .where(
      and(
        eq(evaluationPairRules.roundId, row.roundId),
        eq(evaluationPairRules.projectId, row.projectId),
        eq(evaluationPairRules.expertId, row.expertId),
      ),
    )
}

/** 无利益冲突确认: only now does the expert see the project's content (issue 5). */
export async function confirmNoConflict(actor: Actor, id: string) {
  const user = requireUser(actor)
  await respond(actor, id, ['invited'], 'evaluation.confirmNoConflict', async (row, tx) => {
    await grantProject(tx, row.projectId, user.userId, user.userId)
    return { status: 'confirmed', confirmedAt: now() }
  })
  return getInvitation(actor, id)
}

/** 申报回避: the pair is excluded for good and a replacement is sought at once. */
export async function declareConflict(actor: Actor, id: string, note: string) {
  const row = await respond(
    actor,
    id,
    ['invited', 'confirmed', 'accepted'],
    'evaluation.declareConflict',
    async (r, tx) => {
      await revokeProject(tx, r.projectId, r.expertUserId)
      await dropPin(tx, r)
      return { status: 'conflict', note, endedAt: now() }
    },
  )
  await findReplacement(actor, row.roundId, 'conflict')
  return getInvitation(actor, id)
}

export async function acceptInvitation(actor: Actor, id: string) {
  const row = await ownAssignment(actor, id)
  if (row.status === 'invited') throw new AppError('STATE_INVALID', '请先确认与该项目无利益冲突，再接受评审邀请')
  await respond(actor, id, ['confirmed'], 'evaluation.accept', async () => ({ status: 'accepted', acceptedAt: now() }))
  return getInvitation(actor, id)
}

/** 谢绝: the seat goes to a replacement found by rerunning the assignment. */
export async function declineInvitation(actor: Actor, id: string, reason: string) {
  const row = await respond(actor, id, ['invited', 'confirmed', 'accepted'], 'evaluation.decline', async (r, tx) => {
    await revokeProject(tx, r.projectId, r.expertUserId)
    await dropPin(tx, r)
    return { status: 'declined', note: reason, endedAt: now() }
  })
  await findReplacement(actor, row.roundId, 'declined')
  return getInvitation(actor, id)
}

type Field = { path: string; message: string }

/**
 * Scores 0–100 per criterion with comments, saved as a draft or submitted (final), until the deadline. The first
 * saved score locks the round's criteria.
 */
export async function saveReview(actor: Actor, id: string, input: SaveReview) {
  await respond(
    actor,
    id,
    ['accepted'],
    input.submit ? 'evaluation.submitReview' : 'evaluation.saveReview',
    async (row, tx) => {
      const round = await lockRound(tx, row.roundId)
      if (round.deadline < todayInShanghai(now()))
        throw new AppError('STATE_INVALID', `评审已于 ${round.deadline} 截止，不能再评分`)
      const [item] = await tx
        .select()
        .from(evaluationRoundProjects)
        .where(
          and(eq(evaluationRoundProjects.roundId, row.roundId), eq(evaluationRoundProjects.projectId, row.projectId)),
        )
      if (item?.decision) throw new AppError('STATE_INVALID', '该项目已作出入库决定，不能再评分')
      const keys = new Set(round.criteria.map((c) => c.key))
      const problems: Field[] = [
        ...Object.keys(input.scores)
          .filter((k) => !keys.has(k))
          .map((k) => ({ path: `scores.${k}`, message: '不是本轮的评价指标' })),
        ...Object.keys(input.comments)
          .filter((k) => !keys.has(k))
          .map((k) => ({ path: `comments.${k}`, message: '不是本轮的评价指标' })),
      ]
      const scores = { ...row.scores, ...input.scores }
      const comments = { ...row.comments, ...input.comments }
      const overallComment = input.overallComment ?? row.overallComment
      if (input.submit) {
        for (const c of round.criteria)
          if (scores[c.key] === undefined) problems.push({ path: `scores.${c.key}`, message: `请为“${c.name}”评分` })
        if (!overallComment || overallComment.length < 10)
          problems.push({ path: 'overallComment', message: '提交时请填写不少于 10 个字的综合意见' })
      }
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0]!.message, { fields: problems })
      const at = now()
      if (!round.criteriaLockedAt)
        await tx.update(evaluationRounds).set({ criteriaLockedAt: at }).where(eq(evaluationRounds.id, round.id))
      return {
        scores,
        comments,
        overallComment: overallComment ?? null,
        scoredAt: row.scoredAt ?? at,
        ...(input.submit ? { status: 'submitted' as const, submittedAt: at } : {}),
      }
    },
  )
  return getInvitation(actor, id)
}
