import { and, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { JUDGEMENT_KINDS, type ProjectJudgement } from './project-judgements'
import { JUDGED_DEPTH, PROJECT_TARGETS, type ProjectTarget, rankProjectMatches } from './project-pairs'
import { matchFeedback } from './schema'
import { retrain } from './service'

export const isProjectTarget = (toType: string): toType is ProjectTarget =>
  (PROJECT_TARGETS as readonly string[]).includes(toType)

/**
 * 有意向 / 不相关 on a project's match (an expert, a PoC center or pilot platform, an investor): whoever may see the
 * project's matches of that kind may judge them. The judgement replaces the person's earlier one on the same result,
 * is stored with the features the ranking showed, and retrains that kind's re-ranker. Conflicted experts are not
 * results, so they cannot be judged, and stay withdrawn whatever is learned.
 */
export async function recordProjectFeedback(
  actor: Actor,
  input: { projectId: string; toType: ProjectTarget; toId: string; kind: ProjectJudgement },
) {
  requirePermission(actor, 'match.feedback')
  const user = requireUser(actor)
  // Seeing the matches is the permission to judge them: the same checks (404 unseen project, 403 评审回避).
  const ranked = await rankProjectMatches(actor, { ...input, limit: JUDGED_DEPTH })
  if (ranked.excluded.some((e) => e.id === input.toId))
    throw new AppError('STATE_INVALID', '该专家与项目存在利益冲突，已回避，不参与推荐，无需反馈')
  const result = ranked.results.find((r) => r.id === input.toId)
  if (!result) throw new AppError('STATE_INVALID', '该结果不在当前匹配结果中，无法记录反馈')
  await db.transaction(async (tx) => {
    const mine = and(
      eq(matchFeedback.fromType, 'project'),
      eq(matchFeedback.fromKey, input.projectId),
      eq(matchFeedback.toType, input.toType),
      eq(matchFeedback.toId, input.toId),
      eq(matchFeedback.userId, user.userId),
      inArray(matchFeedback.kind, [...JUDGEMENT_KINDS]),
    )
    await tx.delete(matchFeedback).where(mine)
    await tx.insert(matchFeedback).values({
      id: newId(),
      fromType: 'project',
      fromKey: input.projectId,
      toType: input.toType,
      toId: input.toId,
      kind: input.kind,
      features: result.features,
      userId: user.userId,
      orgId: user.orgId,
      createdAt: now(),
    })
    await audit(tx, actor, {
      action: 'match.feedback',
      targetType: input.toType,
      targetId: input.toId,
      detail: { from: 'project', projectId: input.projectId, kind: input.kind },
    })
  })
  await retrain(input.toType)
  return { recorded: true }
}
