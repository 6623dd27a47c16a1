import { describe, expect, it } from 'vitest'
import { APPLICATION_FLOW, assertMove } from './application-flow'
import { applicationStatuses } from './schema'

describe('application flow (温州指引 三 认定程序)', () => {
  it.each([
    ['draft', 'submitted'],
    ['submitted', 'returned'],
    ['returned', 'submitted'],
    ['submitted', 'recommended'],
    ['recommended', 'proposed'],
    ['proposed', 'inNotice'],
    ['inNotice', 'accredited'],
    ['inNotice', 'rejected'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(() => assertMove(from, to)).not.toThrow()
  })

  it.each([
    ['submitted', 'proposed'],
    ['recommended', 'inNotice'],
    ['proposed', 'accredited'],
    ['draft', 'recommended'],
    ['accredited', 'rejected'],
  ] as const)('refuses %s → %s (no step is skipped)', (from, to) => {
    expect(() => assertMove(from, to)).toThrow(/不能变更为/)
  })

  it('reaches 已认定 only through the notice', () => {
    const into = applicationStatuses.filter((s) => APPLICATION_FLOW[s].includes('accredited'))
    expect(into).toEqual(['inNotice'])
  })
})
