import { and, eq } from 'drizzle-orm'
import { db, type Queryable, type Transaction } from '../../db'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { AppError, notFound } from '../../platform/errors/errors'
import { evaluationRounds } from './schema'

export type RoundRow = typeof evaluationRounds.$inferSelect

/** The center that created a round runs it: its operators, nobody else (another center gets 404). */
export async function managedRound(actor: Actor, id: string, q: Queryable = db): Promise<RoundRow> {
  requirePermission(actor, 'evaluation.manage')
  const user = requireUser(actor)
  const [round] = await q
    .select()
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.id, id), eq(evaluationRounds.centerOrgId, user.orgId)))
  if (!round) throw notFound('评价轮次')
  return round
}

/** The round, locked for the rest of the transaction, so two changes to it run one after the other. */
export async function lockRound(tx: Transaction, id: string): Promise<RoundRow> {
  const [round] = await tx.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).for('update')
  if (!round) throw notFound('评价轮次')
  return round
}

export function requireOpen(round: RoundRow): void {
  if (round.status !== 'open') throw new AppError('STATE_INVALID', `评价轮次“${round.title}”已结束`)
}
