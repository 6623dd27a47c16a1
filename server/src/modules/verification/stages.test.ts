import { describe, expect, it } from 'vitest'
import type { Director } from '../carriers/schema'
import { chooseSigner, nextPending, planStages, reportKindOf } from './stages'

describe('staged verification rules', () => {
  it.each([
    ['principle', 'commercial', ['active', 'pending', 'pending', 'pending']],
    ['technical', 'commercial', ['skipped', 'active', 'pending', 'pending']],
    ['commercial', 'commercial', ['skipped', 'skipped', 'skipped', 'active']],
    ['principle', 'technical', ['active', 'pending', 'notPlanned', 'notPlanned']],
    ['productScenario', 'productScenario', ['skipped', 'skipped', 'active', 'notPlanned']],
  ] as const)('plans a verification from %s to %s', (first, last, statuses) => {
    expect(planStages(first, last).map((s) => s.status)).toEqual(statuses)
  })

  it('refuses a last stage before the first', () => {
    expect(() => planStages('commercial', 'principle')).toThrow(RangeError)
  })

  it('finds the next waiting stage after a gate, leaving passed ones as they are', () => {
    const stages = [
      { ordinal: 0, status: 'skipped' },
      { ordinal: 1, status: 'active' },
      { ordinal: 2, status: 'passed' },
      { ordinal: 3, status: 'pending' },
    ] as const
    expect(nextPending(stages, 1)?.ordinal).toBe(3)
    expect(nextPending(stages, 3)).toBeUndefined()
  })

  it.each([
    ['principle', 'technicalFeasibility'],
    ['technical', 'technicalFeasibility'],
    ['productScenario', 'poc'],
    ['commercial', 'poc'],
  ] as const)('a verification ending at %s yields a %s report', (last, kind) => {
    expect(reportKindOf(last)).toBe(kind)
  })

  const dual: Director[] = [
    { name: '陈明', role: 'administrative', title: null },
    { name: '刘洋', role: 'technical', title: '教授' },
  ]
  const single: Director[] = [{ name: '王强', role: 'director', title: null }]

  it.each([
    [dual, '刘洋', 'technical', true],
    [dual, '刘洋', 'principle', true],
    [dual, '刘洋', 'productScenario', true],
    [dual, '陈明', 'technical', false],
    [dual, '陈明', 'commercial', true],
    [dual, '刘洋', 'commercial', false],
    [dual, '陈明', 'report', true],
    [dual, '刘洋', 'report', true],
    [single, '王强', 'technical', true],
    [single, '王强', 'commercial', true],
    [single, '王强', 'report', true],
    [dual, '张三', 'report', false],
    [[], '刘洋', 'technical', false],
  ] as const)('directors %#: %s signing %s → %s', (directors, name, purpose, ok) => {
    expect(chooseSigner(directors, name, purpose).ok).toBe(ok)
  })

  it('says in Chinese who must sign', () => {
    expect(chooseSigner(dual, '刘洋', 'commercial')).toEqual({
      ok: false,
      message: '该阶段须由行政主任签署，“刘洋”不是本中心的行政主任',
    })
  })
})
