import { and, asc, eq, inArray } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import type { Actor, UserActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { matchFeedback } from './schema'

export type Judgement = 'interested' | 'irrelevant'
export type FeedbackKind = Judgement | 'lead' | 'signup' | 'agreement'

export const JUDGEMENT_KINDS: readonly Judgement[] = ['interested', 'irrelevant']

/** How deep a listing looks for the results its caller judged. */
export const JUDGED_DEPTH = 50

/** What a listing matches from (a project or a record, by id) towards one kind of result. */
export type MatchSource = { fromType: string; fromKey: string; toType: string }

/** The caller's own 有意向 / 不相关 on one source's matches of one kind, by result (the latest wins). */
export async function ownJudgements(actor: Actor, source: MatchSource): Promise<Map<string, Judgement>> {
  if (actor.kind !== 'user') return new Map()
  const rows = await db
    .select({ toId: matchFeedback.toId, kind: matchFeedback.kind })
    .from(matchFeedback)
    .where(
      and(
        eq(matchFeedback.fromType, source.fromType),
        eq(matchFeedback.fromKey, source.fromKey),
        eq(matchFeedback.toType, source.toType),
        eq(matchFeedback.userId, actor.userId),
        inArray(matchFeedback.kind, [...JUDGEMENT_KINDS]),
      ),
    )
    .orderBy(asc(matchFeedback.createdAt))
  return new Map(rows.map((r) => [r.toId, r.kind as Judgement]))
}

/**
 * How many results a listing ranks: its `limit`, or deeper when the caller judged some (they may have moved down).
 */
export const listingDepth = (limit: number, judged: ReadonlyMap<string, Judgement>) =>
  judged.size ? Math.max(limit, JUDGED_DEPTH) : limit

/** Where a result goes in its caller's list: their 有意向 first, the unjudged, their 不相关 last. */
const placeOf = (judgement: Judgement | undefined) =>
  judgement === 'interested' ? 0 : judgement === 'irrelevant' ? 2 : 1

/**
 * What the caller sees: the first `limit` results and those they judged further down, their own 有意向 first and
 * 不相关 last, each group in rank order. The shared re-ranker learns from everyone's feedback and moves with the
 * amount of it; a person's own judgement on this very list applies at once.
 */
export const keepJudged = <T extends { id: string }>(
  ranked: readonly T[],
  limit: number,
  judged: ReadonlyMap<string, Judgement>,
): T[] =>
  ranked
    .map((result, rank) => ({ result, rank, place: placeOf(judged.get(result.id)) }))
    .filter(({ result, rank }) => rank < limit || judged.has(result.id))
    .sort((a, b) => a.place - b.place || a.rank - b.rank)
    .map(({ result }) => result)

/** Each result with the caller's judgement on it, if given. */
export const markJudged = <T extends { id: string }>(
  results: readonly T[],
  judged: ReadonlyMap<string, Judgement>,
): (T & { judgement?: Judgement })[] =>
  results.map((result) => {
    const judgement = judged.get(result.id)
    return judgement ? { ...result, judgement } : result
  })

/**
 * Stores one piece of feedback on a result with the features the ranking showed. A 有意向 / 不相关 replaces the
 * person's earlier one on the same result (one judgement per person per result); leads, sign-ups and agreements
 * are added.
 */
export async function storeFeedback(
  tx: Transaction,
  user: UserActor,
  input: MatchSource & { toId: string; kind: FeedbackKind; features: Record<string, number> },
) {
  if ((JUDGEMENT_KINDS as readonly string[]).includes(input.kind))
    await tx
      .delete(matchFeedback)
      .where(
        and(
          eq(matchFeedback.fromType, input.fromType),
          eq(matchFeedback.fromKey, input.fromKey),
          eq(matchFeedback.toType, input.toType),
          eq(matchFeedback.toId, input.toId),
          eq(matchFeedback.userId, user.userId),
          inArray(matchFeedback.kind, [...JUDGEMENT_KINDS]),
        ),
      )
  await tx.insert(matchFeedback).values({
    id: newId(),
    fromType: input.fromType,
    fromKey: input.fromKey,
    toType: input.toType,
    toId: input.toId,
    kind: input.kind,
    features: input.features,
    userId: user.userId,
    orgId: user.orgId,
    createdAt: now(),
  })
}
