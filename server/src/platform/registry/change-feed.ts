import { sql } from 'drizzle-orm'
import type { Transaction } from '../../db'
import { now } from '../clock/clock'
import { changeFeed } from './schema'

export const CHANGE_CHANNEL = 'firstmile_change'

/**
 * Records a change to a searchable record in the caller's transaction and notifies the other server
 * processes on commit (NOTIFY is transactional: a rolled-back change is never announced).
 */
export async function publishChange(
  tx: Transaction,
  recordType: string,
  recordId: string,
  op: 'upsert' | 'delete',
): Promise<void> {
  const [row] = await tx
    .insert(changeFeed)
    .values({ recordType, recordId, op, at: now() })
    .returning({ seq: changeFeed.seq })
  await tx.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${String(row!.seq)})`)
}
