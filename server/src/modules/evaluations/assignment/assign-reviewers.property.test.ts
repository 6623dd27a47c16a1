import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assignReviewers } from './assign-reviewers'
import { bruteForceOptimum } from './testing/brute-force'
import { findViolations } from './testing/check-assignment'
import { solveWithHighs } from './testing/lp-check'
import { type AssignmentInput, type PairRef, THINK_TANKS } from './types'

interface Shape {
  projects: number
  experts: number
  density: number
}

/** Random instances: tanks, caps, sparse candidates, conflicts, forbidden pairs, pins and acceptances. */
function instanceArbitrary(shape: fc.Arbitrary<Shape>): fc.Arbitrary<AssignmentInput> {
  return shape.chain(({ projects, experts, density }) =>
    fc
      .record({
        projects: fc.array(fc.record({ tanks: fc.subarray([...THINK_TANKS]), extra: fc.integer({ min: 0, max: 2 }) }), {
          minLength: projects,
          maxLength: projects,
        }),
        experts: fc.array(
          fc.record({ tanks: fc.subarray([...THINK_TANKS]), cap: fc.option(fc.integer({ min: 0, max: 3 })) }),
          { minLength: experts, maxLength: experts },
        ),
        pairs: fc.array(
          fc.record({
            candidate: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < density),
            affinity: fc.integer({ min: -20, max: 100 }),
            conflict: fc.integer({ min: 0, max: 19 }),
            fixed: fc.integer({ min: 0, max: 19 }),
          }),
          { minLength: projects * experts, maxLength: projects * experts },
        ),
        defaultCap: fc.integer({ min: 0, max: 3 }),
      })
      .map((raw): AssignmentInput => {
        const input = {
          projects: raw.projects.map((project, p) => ({
            id: `P${p}`,
            tanks: project.tanks,
            reviewers: Math.max(1, project.tanks.length + project.extra),
          })),
          experts: raw.experts.map((expert, e) => ({
            id: `E${e}`,
            tanks: expert.tanks,
            ...(expert.cap === null ? {} : { cap: expert.cap }),
          })),
          candidates: [] as AssignmentInput['candidates'][number][],
          conflicts: [] as NonNullable<AssignmentInput['conflicts']>[number][],
          forbidden: [] as PairRef[],
          pinned: [] as PairRef[],
          accepted: [] as PairRef[],
          defaultCap: raw.defaultCap,
        }
        raw.pairs.forEach((pair, i) => {
          const ref = { projectId: `P${Math.floor(i / experts)}`, expertId: `E${i % experts}` }
          if (pair.candidate) input.candidates.push({ ...ref, affinity: pair.affinity / 100 })
          if (pair.conflict === 0) input.conflicts.push({ ...ref, reasons: [{ kind: 'co-author', detail: '合著' }] })
          if (pair.conflict === 1) input.forbidden.push(ref)
          if (pair.fixed === 0) input.pinned.push(ref)
          if (pair.fixed === 1) input.accepted.push(ref)
        })
        return input
      }),
  )
}

const keptFixed = (input: AssignmentInput, result: ReturnType<typeof assignReviewers>): PairRef[] => {
  const rejected = new Set(result.rejectedFixed.map((pair) => `${pair.projectId}|${pair.expertId}`))
  const kept = new Map<string, PairRef>()
  for (const pair of [...(input.accepted ?? []), ...(input.pinned ?? [])]) {
    const k = `${pair.projectId}|${pair.expertId}`
    if (!rejected.has(k)) kept.set(k, pair)
  }
  return [...kept.values()]
}

describe('assignReviewers on random instances', () => {
  it('never breaks a hard rule and matches the brute-force optimum', () => {
    const tiny = fc.record({
      projects: fc.integer({ min: 1, max: 3 }),
      experts: fc.integer({ min: 1, max: 4 }),
      density: fc.double({ min: 0.3, max: 1, noNaN: true }),
    })
    fc.assert(
      fc.property(instanceArbitrary(tiny), (input) => {
        const result = assignReviewers(input)
        expect(findViolations(input, result)).toEqual([])
        expect(result.stats.cyclesCancelled).toBe(0)
        const optimum = bruteForceOptimum(input, keptFixed(input, result))
        expect({ reviews: result.objective.reviews, units: result.objective.affinityUnits }).toEqual(optimum)
      }),
      { numRuns: 400 },
    )
  })

  it('rejects a fixed pair only for a reason that holds', () => {
    const tiny = fc.record({
      projects: fc.integer({ min: 1, max: 3 }),
      experts: fc.integer({ min: 1, max: 4 }),
      density: fc.constant(0.5),
    })
    fc.assert(
      fc.property(instanceArbitrary(tiny), (input) => {
        const result = assignReviewers(input)
        const kept = keptFixed(input, result)
        for (const rejection of result.rejectedFixed) {
          const same = (pair: PairRef) => pair.projectId === rejection.projectId && pair.expertId === rejection.expertId
          if (rejection.reason === 'conflict') expect(input.conflicts?.some(same)).toBe(true)
          if (rejection.reason === 'forbidden') expect(input.forbidden?.some(same)).toBe(true)
          if (rejection.reason === 'cap') {
            const expert = input.experts.find((candidate) => candidate.id === rejection.expertId)!
            const held = kept.filter((pair) => pair.expertId === rejection.expertId).length
            expect(held).toBe(expert.cap ?? input.defaultCap)
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('matches the HiGHS LP optimum on larger random instances', async () => {
    const medium = fc.record({
      projects: fc.integer({ min: 5, max: 25 }),
      experts: fc.integer({ min: 3, max: 12 }),
      density: fc.double({ min: 0.2, max: 0.7, noNaN: true }),
    })
    await fc.assert(
      fc.asyncProperty(instanceArbitrary(medium), async (input) => {
        const result = assignReviewers(input)
        expect(findViolations(input, result)).toEqual([])
        const lp = await solveWithHighs(input, keptFixed(input, result))
        expect(lp.status).toBe('optimal')
        expect(result.objective.reviews).toBe(lp.reviews)
        expect(result.objective.totalAffinity).toBeCloseTo(lp.totalAffinity, 6)
      }),
      { numRuns: 25 },
    )
  })
})
