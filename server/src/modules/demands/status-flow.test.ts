import { describe, expect, it } from 'vitest'
import type { DemandStatus } from './schema'
import { demandTransition, nextDemandStatuses } from './status-flow'

describe('demand status flow (open → matched → closed, open → closed, reopen with a reason)', () => {
  it.each<[DemandStatus, DemandStatus, boolean, boolean | null]>([
    ['open', 'matched', true, false],
    ['open', 'closed', true, false],
    ['matched', 'closed', true, false],
    ['closed', 'open', true, true],
    ['matched', 'open', false, null],
    ['closed', 'matched', false, null],
    ['open', 'open', false, null],
    ['matched', 'matched', false, null],
    ['closed', 'closed', false, null],
  ])('%s → %s allowed=%s needsReason=%s', (from, to, allowed, needsReason) => {
    const t = demandTransition(from, to)
    expect(t.allowed).toBe(allowed)
    if (t.allowed) expect(t.needsReason).toBe(needsReason)
    else expect(t.because).toMatch(/需求/)
  })

  it('offers the next statuses for each state', () => {
    expect(nextDemandStatuses('open')).toEqual(['matched', 'closed'])
    expect(nextDemandStatuses('matched')).toEqual(['closed'])
    expect(nextDemandStatuses('closed')).toEqual(['open'])
  })
})
