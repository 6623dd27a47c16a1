import { describe, expect, it } from 'vitest'
import { projectStatuses } from './schema'
import { canMove, needsReason, TRANSITIONS } from './status-flow'

describe('project lifecycle', () => {
  it.each([
    ['draft', 'submitted', true],
    ['submitted', 'underEvaluation', true],
    ['submitted', 'admitted', false],
    ['underEvaluation', 'admitted', true],
    ['admitted', 'verifying', true],
    ['verifying', 'landed', false],
    ['verified', 'handedOff', true],
    ['handedOff', 'verifying', true],
    ['landed', 'verifying', false],
    ['rejected', 'submitted', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed)
  })

  it('asks for a reason to return, reject, terminate or reopen', () => {
    expect(needsReason('submitted', 'returned')).toBe(true)
    expect(needsReason('verifying', 'terminated')).toBe(true)
    expect(needsReason('handedOff', 'verifying')).toBe(true)
    expect(needsReason('admitted', 'verifying')).toBe(false)
  })

  it('names every status and leaves no status unreachable', () => {
    const reachable = new Set(['draft', ...Object.values(TRANSITIONS).flat()])
    for (const s of projectStatuses) expect(reachable.has(s), s).toBe(true)
  })
})
