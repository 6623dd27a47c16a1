import { canonicalJson, sm3 } from '../crypto/digest'

export const GENESIS_HASH = '0'.repeat(64)

/** The fields a chained hash covers: everything in the row except the hash itself. */
export type AuditContent = {
  seq: number
  id: string
  at: string
  actorUserId: string | null
  actorUsername: string | null
  actorRole: string | null
  actorOrgId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  outcome: 'success' | 'failure' | 'denied'
  beforeDigest: string | null
  afterDigest: string | null
  detail: unknown
  requestId: string | null
  ip: string | null
  prevHash: string
}

const CONTENT_KEYS: (keyof AuditContent)[] = [
  'seq',
  'id',
  'at',
  'actorUserId',
  'actorUsername',
  'actorRole',
  'actorOrgId',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'beforeDigest',
  'afterDigest',
  'detail',
  'requestId',
  'ip',
  'prevHash',
]

export function hashAuditRecord(record: AuditContent): string {
  const content: Record<string, unknown> = {}
  for (const key of CONTENT_KEYS) content[key] = record[key] ?? null
  // The time is normalized to ISO-8601 UTC so the hash does not depend on how the database prints it.
  content.at = new Date(
    String(record.at)
      .replace(' ', 'T')
      .replace(/([+-]\d\d)$/, '$1:00'),
  ).toISOString()
  return sm3(`${record.prevHash}|${canonicalJson(content)}`)
}

export type ChainBreak = { seq: number; reason: string }

/** Walks records in sequence order and reports the first place the chain does not hold. */
export function verifyChain(records: Iterable<AuditContent & { hash: string }>, startHash = GENESIS_HASH) {
  let previous = startHash
  let lastSeq = 0
  let count = 0
  for (const record of records) {
    if (record.seq <= lastSeq) return { ok: false as const, count, break: { seq: record.seq, reason: 'out of order' } }
    if (record.prevHash !== previous) {
      return {
        ok: false as const,
        count,
        break: { seq: record.seq, reason: 'previous hash does not match: a record was removed, inserted or reordered' },
      }
    }
    if (hashAuditRecord(record) !== record.hash) {
      return {
        ok: false as const,
        count,
        break: { seq: record.seq, reason: 'content does not match its hash: the record was changed' },
      }
    }
    previous = record.hash
    lastSeq = record.seq
    count++
  }
  return { ok: true as const, count, head: previous }
}
