import { desc, sql } from 'drizzle-orm'
import type { Queryable } from '../../db'
import type { Actor } from '../auth/actor'
import { digestOf } from '../crypto/digest'
import { newId } from '../ids/ids'
import { GENESIS_HASH, hashAuditRecord } from './chain'
import { auditLog } from './schema'

// One advisory lock orders the chain: held from reading the head to the commit, so no two writers fork it.
const AUDIT_CHAIN_LOCK = 0x46_4d_41_55 // "FMAU"

export type AuditEntry = {
  action: string
  targetType?: string
  targetId?: string | null
  outcome?: 'success' | 'failure' | 'denied'
  /** The state before and after; only their SM3 digests are stored. Never pass secrets. */
  before?: unknown
  after?: unknown
  /** A small, secret-free summary a reader needs (changed fields, reasons). */
  detail?: Record<string, unknown>
  /** For events with no signed-in actor (a failed sign-in): who was named. */
  subject?: { userId?: string | null; username?: string | null; role?: string | null; orgId?: string | null }
}

/**
 * Appends one record to the audit trail inside the caller's transaction: if the change rolls back, so does
 * its record, and if the record cannot be written, the change fails with it.
 */
export async function audit(tx: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`)
  const [head] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1)
  const seqRows = await tx.execute(sql`select nextval('audit_log_seq_seq') as seq`)
  const seq = Number(rowsOf<{ seq: string | number }>(seqRows)[0]!.seq)
  const user = actor.kind === 'user' ? actor : undefined
  const content = {
    seq,
    id: newId(),
    at: new Date().toISOString(),
    actorUserId: user?.userId ?? entry.subject?.userId ?? null,
    actorUsername: user?.username ?? entry.subject?.username ?? (actor.kind === 'system' ? 'system' : null),
    actorRole: user?.role ?? entry.subject?.role ?? (actor.kind === 'system' ? 'system' : null),
    actorOrgId: user?.orgId ?? entry.subject?.orgId ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome ?? 'success',
    beforeDigest: digestOf(entry.before),
    afterDigest: digestOf(entry.after),
    detail: entry.detail ?? null,
    requestId: actor.requestId,
    ip: actor.ip,
    prevHash: head?.hash ?? GENESIS_HASH,
  }
  await tx.insert(auditLog).values({ ...content, hash: hashAuditRecord(content) })
}

/** node-postgres returns { rows }, PGlite returns { rows } too, Drizzle types differ: read either. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[]
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
