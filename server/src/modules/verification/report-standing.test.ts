import { describe, expect, it } from 'vitest'
import { reportStanding } from './report-standing'
import type { VerificationStatus } from './schema'

const issuedAt = new Date('2026-03-10T08:00:00+08:00')
const at = (iso: string) => ({ reopenedAt: new Date(iso) })

describe('whether a report still stands', () => {
  it.each<[string, string | null, VerificationStatus, { reopenedAt: Date }[], boolean, string | null]>([
    ['issued, nothing since', null, 'reported', [], true, null],
    ['a reopening before it was issued', null, 'reported', [at('2026-03-01T10:00:00+08:00')], true, null],
    ['reopened after it', null, 'running', [at('2026-03-12T23:30:00+08:00')], false, '2026-03-12'],
    ['re-passed, no new report yet', null, 'gatesPassed', [at('2026-03-12T10:00:00+08:00')], false, '2026-03-12'],
    ['terminated at the reopened gate', null, 'terminated', [at('2026-03-12T10:00:00+08:00')], false, '2026-03-12'],
    [
      'superseded: the first reopening after it is named',
      'next',
      'reported',
      [at('2026-04-01T10:00:00+08:00'), at('2026-03-20T10:00:00+08:00')],
      false,
      '2026-03-20',
    ],
  ])('%s', (_, supersededBy, status, reopenings, current, reopenedOn) => {
    expect(reportStanding({ issuedAt, supersededBy }, status, reopenings)).toEqual({ current, reopenedOn })
  })
})
