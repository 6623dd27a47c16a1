import { describe, expect, it } from 'vitest'
import { type AuditContent, GENESIS_HASH, hashAuditRecord, verifyChain } from './chain'

function chain(n: number) {
  const out: (AuditContent & { hash: string })[] = []
  let prev = GENESIS_HASH
  for (let i = 1; i <= n; i++) {
    const content: AuditContent = {
      seq: i * 2,
      id: `id-${i}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorUserId: null,
      actorUsername: `user${i}`,
      actorRole: 'systemAdmin',
      actorOrgId: null,
      action: 'organization.create',
      targetType: 'organization',
      targetId: `org-${i}`,
      outcome: 'success',
      beforeDigest: null,
      afterDigest: 'ab'.repeat(32),
      detail: { n: i },
      requestId: `req-${i}`,
      ip: '127.0.0.1',
      prevHash: prev,
    }
    const hash = hashAuditRecord(content)
    out.push({ ...content, hash })
    prev = hash
  }
  return out
}

describe('audit hash chain (SM3)', () => {
  it('verifies an intact chain and reports its head', () => {
    const records = chain(5)
    expect(verifyChain(records)).toEqual({ ok: true, count: 5, head: records[4]!.hash })
  })

  it('detects a changed record', () => {
    const records = chain(5)
    records[2] = { ...records[2]!, actorUsername: 'mallory' }
    expect(verifyChain(records)).toMatchObject({
      ok: false,
      break: { seq: 6, reason: expect.stringContaining('changed') },
    })
  })

  it('detects a removed record', () => {
    const records = chain(5)
    records.splice(1, 1)
    expect(verifyChain(records)).toMatchObject({
      ok: false,
      break: { seq: 6, reason: expect.stringContaining('removed') },
    })
  })

  it('detects reordered records', () => {
    const records = chain(5)
    ;[records[1], records[2]] = [records[2]!, records[1]!]
    expect(verifyChain(records).ok).toBe(false)
  })

  it('does not depend on how the database prints the time', () => {
    const [record] = chain(1)
    const printed = { ...record!, at: '2026-01-01 00:00:01+00' }
    expect(verifyChain([printed]).ok).toBe(true)
  })

  it('detects a rehashed record that breaks the link to its successor', () => {
    const records = chain(3)
    const changed = { ...records[0]!, detail: { n: 99 } }
    records[0] = { ...changed, hash: hashAuditRecord(changed) }
    expect(verifyChain(records)).toMatchObject({ ok: false, break: { seq: 4 } })
  })
})
