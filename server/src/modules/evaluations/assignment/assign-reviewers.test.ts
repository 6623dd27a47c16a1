import { describe, expect, it } from 'vitest'
import { AppError } from '../../../platform/errors/errors'
import { assignReviewers } from './assign-reviewers'
import { findViolations } from './testing/check-assignment'
import type { AssignmentInput, AssignmentResult, Candidate, ThinkTank } from './types'

const project = (id: string, tanks: ThinkTank[] = [], reviewers = 1) => ({ id, tanks, reviewers })
const expert = (id: string, tanks: ThinkTank[] = [], cap?: number) => ({
  id,
  tanks,
  ...(cap === undefined ? {} : { cap }),
})
const candidate = (projectId: string, expertId: string, affinity: number): Candidate => ({
  projectId,
  expertId,
  affinity,
})

const pairsOf = (result: AssignmentResult) =>
  result.assignments.map((assignment) => `${assignment.projectId}-${assignment.expertId}`).sort()

function solve(input: AssignmentInput): AssignmentResult {
  const result = assignReviewers(input)
  expect(findViolations(input, result)).toEqual([])
  return result
}

describe('assignReviewers', () => {
  it.each([
    {
      name: 'beats greedy: gives the top pair away when that raises the total',
      input: {
        projects: [project('P1'), project('P2')],
        experts: [expert('A'), expert('B')],
        candidates: [
          candidate('P1', 'A', 0.9),
          candidate('P2', 'A', 0.8),
          candidate('P1', 'B', 0.7),
          candidate('P2', 'B', 0.1),
        ],
        defaultCap: 1,
      },
      pairs: ['P1-B', 'P2-A'],
      total: 1.5,
    },
    {
      name: 'staffs more reviews before it chases affinity',
      input: {
        projects: [project('P1'), project('P2')],
        experts: [expert('A'), expert('B')],
        candidates: [candidate('P1', 'A', 0.9), candidate('P2', 'A', 0.1), candidate('P1', 'B', 0.5)],
        defaultCap: 1,
      },
      pairs: ['P1-B', 'P2-A'],
      total: 0.6,
    },
    {
      name: 'covers the required tank with a weaker expert of that tank',
      input: {
        projects: [project('P1', ['commercial'], 2)],
        experts: [expert('T1', ['technical']), expert('T2', ['technical']), expert('C', ['commercial'])],
        candidates: [candidate('P1', 'T1', 0.9), candidate('P1', 'T2', 0.8), candidate('P1', 'C', 0.2)],
        defaultCap: 5,
      },
      pairs: ['P1-C', 'P1-T1'],
      total: 1.1,
    },
    {
      name: 'never assigns a conflicted pair, however strong',
      input: {
        projects: [project('P1')],
        experts: [expert('A'), expert('B')],
        candidates: [candidate('P1', 'A', 1), candidate('P1', 'B', 0.1)],
        conflicts: [{ projectId: 'P1', expertId: 'A', reasons: [{ kind: 'co-author' as const, detail: '合著论文' }] }],
        defaultCap: 1,
      },
      pairs: ['P1-B'],
      total: 0.1,
    },
    {
      name: 'never assigns a forbidden pair',
      input: {
        projects: [project('P1')],
        experts: [expert('A'), expert('B')],
        candidates: [candidate('P1', 'A', 1), candidate('P1', 'B', 0.1)],
        forbidden: [{ projectId: 'P1', expertId: 'A' }],
        defaultCap: 1,
      },
      pairs: ['P1-B'],
      total: 0.1,
    },
    {
      name: 'honours a per-expert cap override (0 means not this round)',
      input: {
        projects: [project('P1'), project('P2')],
        experts: [expert('A', [], 0), expert('B', [], 2)],
        candidates: [
          candidate('P1', 'A', 1),
          candidate('P2', 'A', 1),
          candidate('P1', 'B', 0.3),
          candidate('P2', 'B', 0.4),
        ],
        defaultCap: 1,
      },
      pairs: ['P1-B', 'P2-B'],
      total: 0.7,
    },
    {
      name: 'keeps a pin even when it lowers the total, and optimizes around it',
      input: {
        projects: [project('P1'), project('P2')],
        experts: [expert('A'), expert('B')],
        candidates: [
          candidate('P1', 'A', 0.9),
          candidate('P2', 'A', 0.8),
          candidate('P1', 'B', 0.7),
          candidate('P2', 'B', 0.1),
        ],
        pinned: [{ projectId: 'P1', expertId: 'A' }],
        defaultCap: 1,
      },
      pairs: ['P1-A', 'P2-B'],
      total: 1,
    },
  ])('$name', ({ input, pairs, total }) => {
    const result = solve(input)
    expect(pairsOf(result)).toEqual(pairs)
    expect(result.objective.totalAffinity).toBeCloseTo(total, 9)
  })

  it('defaults to three distinct reviewers per project', () => {
    const experts = ['A', 'B', 'C', 'D'].map((id) => expert(id))
    const result = solve({
      projects: [{ id: 'P1', tanks: [] }],
      experts,
      candidates: experts.map((e, i) => candidate('P1', e.id, i / 10)),
      defaultCap: 1,
    })
    expect(pairsOf(result)).toEqual(['P1-B', 'P1-C', 'P1-D'])
    expect(result.shortProjects).toEqual([])
  })

  it('does not let an expert in two tanks fill both tank seats of one project', () => {
    const result = solve({
      projects: [project('P1', ['technical', 'product'], 2)],
      experts: [expert('X', ['technical', 'product']), expert('Y', ['commercial'])],
      candidates: [candidate('P1', 'X', 0.9), candidate('P1', 'Y', 0.9)],
      defaultCap: 3,
    })
    expect(pairsOf(result)).toEqual(['P1-X'])
    expect(result.shortProjects).toHaveLength(1)
    expect(result.shortProjects[0]!.missingTanks).toHaveLength(1)
    expect(result.shortProjects[0]!.reasons[0]!.kind).toBe('already-on-project')
  })

  it.each([
    {
      kind: 'no-candidates',
      candidates: [candidate('P1', 'T', 0.5)],
      conflicts: [],
    },
    {
      kind: 'all-excluded',
      candidates: [candidate('P1', 'T', 0.5), candidate('P1', 'C', 0.5)],
      conflicts: [
        { projectId: 'P1', expertId: 'C', reasons: [{ kind: 'same-organization' as const, detail: '同单位' }] },
      ],
    },
    {
      kind: 'caps-exhausted',
      candidates: [candidate('P1', 'T', 0.5), candidate('P1', 'C', 0.5), candidate('P2', 'C', 0.9)],
      conflicts: [],
    },
  ])('explains an empty commercial seat: $kind', ({ kind, candidates, conflicts }) => {
    const result = solve({
      projects: [project('P1', ['commercial'], 2), project('P2', ['commercial'], 1)],
      experts: [expert('T', ['technical']), expert('C', ['commercial'])],
      candidates,
      conflicts,
      defaultCap: 1,
    })
    const shortfall = result.shortProjects.find((short) => short.projectId === 'P1')!
    expect(shortfall.missingTanks).toEqual(['commercial'])
    expect(shortfall.reasons.map((reason) => reason.kind)).toEqual([kind])
    expect(shortfall.reasons[0]!.message).toContain('商业验证')
    if (kind === 'caps-exhausted') expect(shortfall.reasons[0]!.atCap).toEqual(['C'])
  })

  it('keeps accepted assignments on a rerun and lets an acceptance win a contested seat over a pin', () => {
    const result = solve({
      projects: [project('P1'), project('P2')],
      experts: [expert('A'), expert('B'), expert('C')],
      candidates: [
        candidate('P1', 'A', 0.1),
        candidate('P1', 'B', 0.9),
        candidate('P2', 'B', 0.2),
        candidate('P2', 'C', 0.8),
      ],
      accepted: [{ projectId: 'P1', expertId: 'A' }],
      pinned: [{ projectId: 'P1', expertId: 'B' }],
      defaultCap: 1,
    })
    expect(pairsOf(result)).toEqual(['P1-A', 'P2-C'])
    expect(result.assignments.find((a) => a.expertId === 'A')!.source).toBe('accepted')
    expect(result.rejectedFixed).toMatchObject([
      { projectId: 'P1', expertId: 'B', source: 'pinned', reason: 'no-seat' },
    ])
  })

  it('rejects fixed pairs that break a hard rule and says why', () => {
    const result = solve({
      projects: [project('P1'), project('P2')],
      experts: [expert('A'), expert('B')],
      candidates: [candidate('P1', 'A', 0.5), candidate('P2', 'A', 0.5), candidate('P2', 'B', 0.5)],
      conflicts: [{ projectId: 'P1', expertId: 'B', reasons: [{ kind: 'enterprise-tie' as const, detail: '持股' }] }],
      accepted: [{ projectId: 'P1', expertId: 'A' }],
      pinned: [
        { projectId: 'P1', expertId: 'B' },
        { projectId: 'P2', expertId: 'A' },
        { projectId: 'P9', expertId: 'A' },
      ],
      defaultCap: 1,
    })
    expect(
      result.rejectedFixed.map((rejection) => [rejection.projectId, rejection.expertId, rejection.reason]),
    ).toEqual([
      ['P1', 'B', 'conflict'],
      ['P9', 'A', 'unknown-project'],
      ['P2', 'A', 'cap'],
    ])
    expect(result.exclusions).toEqual([
      { projectId: 'P1', expertId: 'B', reasons: [{ kind: 'enterprise-tie', detail: '持股' }], forbidden: false },
    ])
  })

  it('handles an empty round and a round without candidates', () => {
    expect(solve({ projects: [], experts: [], candidates: [], defaultCap: 3 }).assignments).toEqual([])
    const result = solve({
      projects: [project('P1', ['technical'])],
      experts: [expert('A')],
      candidates: [],
      defaultCap: 3,
    })
    expect(result.objective).toMatchObject({ reviews: 0, seats: 1 })
    expect(result.shortProjects[0]!.reasons.map((reason) => reason.kind)).toEqual(['no-candidates'])
  })

  it('reports progress through every stage and finishes at 1', () => {
    const stages: string[] = []
    assignReviewers(
      {
        projects: [project('P1')],
        experts: [expert('A')],
        candidates: [candidate('P1', 'A', 0.5)],
        defaultCap: 1,
      },
      { onProgress: (progress) => stages.push(`${progress.stage}:${progress.fraction}`) },
    )
    expect(stages[0]).toBe('prepare:0')
    expect(stages.at(-1)).toBe('done:1')
    expect(stages.some((stage) => stage.startsWith('optimize'))).toBe(true)
  })

  it.each([
    { name: 'duplicate project ids', patch: { projects: [project('P1'), project('P1')] } },
    { name: 'more tanks than reviewers', patch: { projects: [project('P1', ['technical', 'product'], 1)] } },
    { name: 'an unknown expert in candidates', patch: { candidates: [candidate('P1', 'Z', 0.5)] } },
    { name: 'a repeated candidate', patch: { candidates: [candidate('P1', 'A', 0.5), candidate('P1', 'A', 0.4)] } },
    { name: 'a non-finite affinity', patch: { candidates: [candidate('P1', 'A', Number.NaN)] } },
    { name: 'a negative cap', patch: { experts: [expert('A', [], -1)] } },
  ])('refuses $name as a validation error', ({ patch }) => {
    const input: AssignmentInput = {
      projects: [project('P1')],
      experts: [expert('A')],
      candidates: [candidate('P1', 'A', 0.5)],
      defaultCap: 1,
      ...patch,
    }
    expect(() => assignReviewers(input)).toThrow(AppError)
  })
})
