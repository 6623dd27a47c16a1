import { and, eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { findExpertsForConflicts, getExpert } from '../experts/service'
import { findProjects } from '../projects/service'
import { lockRound, managedRound, requireOpen } from './access'
import { declaredConflicts } from './assign'
import type { PairRuleInput } from './contracts'
import { findRoundConflicts } from './profiles'
import { evaluationPairRules, evaluationRoundProjects } from './schema'
import { getRound } from './view'

/**
 * The organizer pins a pair (kept on every rerun) or forbids it (never assigned). A pin on an expert with a
 * conflict of interest is refused at once with the conflict's reasons: 「已固定」 followed by the next run's
 * 「未能保留」 told the organizer two opposite things.
 */
export async function setPairRule(actor: Actor, roundId: string, input: PairRuleInput) {
  const user = requireUser(actor)
  const round = await managedRound(actor, roundId)
  requireOpen(round)
  const [item] = await db
    .select()
    .from(evaluationRoundProjects)
    .where(and(eq(evaluationRoundProjects.roundId, roundId), eq(evaluationRoundProjects.projectId, input.projectId)))
  if (!item)
    throw new AppError('VALIDATION_FAILED', '该项目不在本轮评价中', {
      fields: [{ path: 'projectId', message: '该项目不在本轮评价中' }],
    })
  if (item.decision) throw new AppError('STATE_INVALID', '该项目已作出入库决定，不能再调整评审专家')
  // The organizer may only name experts the registry shows them (404 otherwise).
  await getExpert(actor, input.expertId)
  if (input.kind === 'pin') {
    const [facts] = await findExpertsForConflicts([input.expertId])
    if (!facts?.userId || facts.archived)
      throw new AppError('VALIDATION_FAILED', '该专家未关联“评审专家”账号或已归档，无法在线评审', {
        fields: [{ path: 'expertId', message: '专家无法在线评审' }],
      })
    const { conflicts } = await findRoundConflicts(
      await findProjects([input.projectId]),
      [input.expertId],
      await declaredConflicts([input.projectId]),
    )
    const conflict = conflicts.find((c) => c.projectId === input.projectId && c.expertId === input.expertId)
    if (conflict)
      throw new AppError(
        'RULE_VIOLATION',
        `不能固定该专家：存在利益冲突，必须回避（${conflict.reasons.map((r) => r.detail).join('；')}）`,
        { conflicts: conflict.reasons.map((r) => r.kind) },
      )
  }
  await db.transaction(async (tx) => {
    await lockRound(tx, roundId)
    const values = { ...input, roundId, note: input.note ?? null, createdBy: user.userId, createdAt: now() }
    await tx
      .insert(evaluationPairRules)
      .values(values)
      .onConflictDoUpdate({
        target: [evaluationPairRules.roundId, evaluationPairRules.projectId, evaluationPairRules.expertId],
        set: { kind: values.kind, note: values.note, createdBy: values.createdBy, createdAt: values.createdAt },
      })
    await audit(tx, actor, {
      action: input.kind === 'pin' ? 'evaluation.pin' : 'evaluation.forbid',
      targetType: 'evaluationRound',
      targetId: roundId,
      detail: { projectId: input.projectId, expertId: input.expertId, note: input.note ?? null },
    })
  })
  return getRound(actor, roundId)
}

export async function removePairRule(actor: Actor, roundId: string, projectId: string, expertId: string) {
  const round = await managedRound(actor, roundId)
  requireOpen(round)
  const where = and(
    eq(evaluationPairRules.roundId, roundId),
    eq(evaluationPairRules.projectId, projectId),
    eq(evaluationPairRules.expertId, expertId),
  )
  await db.transaction(async (tx) => {
    await lockRound(tx, roundId)
    const [rule] = await tx.delete(evaluationPairRules).where(where).returning()
    if (!rule) throw new AppError('NOT_FOUND', '该固定或禁止设置不存在')
    await audit(tx, actor, {
      action: 'evaluation.unpin',
      targetType: 'evaluationRound',
      targetId: roundId,
      before: rule,
      detail: { projectId, expertId, kind: rule.kind },
    })
  })
  return getRound(actor, roundId)
}
