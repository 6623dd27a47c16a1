import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { JUDGED_DEPTH, type Judgement, storeFeedback } from './judgements'
import { PROJECT_TARGETS, type ProjectTarget, rankProjectMatches } from './project-pairs'
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
  input: { projectId: string; toType: ProjectTarget; toId: string; kind: Judgement },
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
    await storeFeedback(tx, user, {
      fromType: 'project',
      fromKey: input.projectId,
      toType: input.toType,
      toId: input.toId,
      kind: input.kind,
      features: result.features,
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
