import { describe, expect, it } from 'vitest'
import type { ScenarioStatus } from './schema'
import { nextScenarioStatuses, scenarioTransition } from './status-flow'

describe('scenario status flow (open → closed, reopen with a reason)', () => {
  it.each<[ScenarioStatus, ScenarioStatus, boolean, boolean | null]>([
    ['open', 'closed', true, false],
    ['closed', 'open', true, true],
    ['open', 'open', false, null],
    ['closed', 'closed', false, null],
  ])('%s → %s allowed=%s needsReason=%s', (from, to, allowed, needsReason) => {
    const t = scenarioTransition(from, to)
    expect(t.allowed).toBe(allowed)
    if (t.allowed) expect(t.needsReason).toBe(needsReason)
    else expect(t.because).toMatch(/场景已是/)
  })

  it('offers the next status for each state', () => {
    expect(nextScenarioStatuses('open')).toEqual(['closed'])
    expect(nextScenarioStatuses('closed')).toEqual(['open'])
  })
})
