import { and, asc, eq } from 'drizzle-orm'
import type { Queryable, Transaction } from '../../db'
import type { Actor } from '../auth/actor'
import { now } from '../clock/clock'
import { canonicalJson } from '../crypto/digest'
import { newId } from '../ids/ids'
import { recordRevisions } from './schema'

/** The fields whose values differ between two versions of a record (shallow, by JSON value). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  const ignored = new Set(['version', 'updatedAt', 'createdAt'])
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)])
  return [...keys]
    .filter((k) => !ignored.has(k) && canonicalJson(before?.[k] ?? null) !== canonicalJson(after[k] ?? null))
    .sort()
}

export async function writeRevision(
  tx: Transaction,
  actor: Actor,
  recordType: string,
  record: { id: string; version: number } & Record<string, unknown>,
  before: Record<string, unknown> | null,
  note?: string,
): Promise<string[]> {
  const fields = changedFields(before, record)
  await tx.insert(recordRevisions).values({
    id: newId(),
    recordType,
    recordId: record.id,
    version: record.version,
    // bigint amounts (分) are stored as strings: JSON has no 64-bit integers.
    data: JSON.parse(canonicalJson(record)),
    changedFields: fields,
    changedBy: actor.kind === 'user' ? actor.userId : null,
    changedByName: actor.kind === 'user' ? actor.displayName : actor.kind === 'system' ? '系统' : null,
    changedAt: now(),
    note: note ?? null,
  })
  return fields
}

export async function listRevisions(q: Queryable, recordType: string, recordId: string) {
  const rows = await q
    .select()
    .from(recordRevisions)
    .where(and(eq(recordRevisions.recordType, recordType), eq(recordRevisions.recordId, recordId)))
    .orderBy(asc(recordRevisions.version))
  return rows.map((r) => ({
    version: r.version,
    changedFields: r.changedFields,
    changedBy: r.changedByName,
    changedAt: r.changedAt.toISOString(),
    note: r.note,
    data: r.data,
  }))
}
