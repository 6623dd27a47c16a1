import { and, asc, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { matchFeedback } from './schema'

export type ProjectJudgement = 'interested' | 'irrelevant'

export const JUDGEMENT_KINDS: readonly ProjectJudgement[] = ['interested', 'irrelevant']

/** The caller's own 有意向 / 不相关 on a project's matches of one kind, by result (the latest wins). */
export async function ownJudgements(
  actor: Actor,
  projectId: string,
  toType: string,
): Promise<Map<string, ProjectJudgement>> {
  if (actor.kind !== 'user') return new Map()
  const rows = await db
    .select({ toId: matchFeedback.toId, kind: matchFeedback.kind })
    .from(matchFeedback)
    .where(
      and(
        eq(matchFeedback.fromType, 'project'),
        eq(matchFeedback.fromKey, projectId),
        eq(matchFeedback.toType, toType),
        eq(matchFeedback.userId, actor.userId),
        inArray(matchFeedback.kind, [...JUDGEMENT_KINDS]),
      ),
    )
    .orderBy(asc(matchFeedback.createdAt))
  return new Map(rows.map((r) => [r.toId, r.kind as ProjectJudgement]))
}
