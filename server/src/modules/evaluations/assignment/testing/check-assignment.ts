import type { AssignmentInput, AssignmentResult, PairRef } from '../types'
import { isSeatable } from './brute-force'

/** Every hard rule, checked on a result from the input alone; returns the violations found (empty when valid). */
export function findViolations(input: AssignmentInput, result: AssignmentResult): string[] {
  const violations: string[] = []
  const key = (pair: PairRef) => `${pair.projectId}|${pair.expertId}`
  const conflicted = new Set((input.conflicts ?? []).map(key))
  const forbidden = new Set((input.forbidden ?? []).map(key))
  const candidates = new Set(input.candidates.map(key))
  const expertOf = new Map(input.experts.map((expert) => [expert.id, expert]))
  const rejected = new Set(result.rejectedFixed.map((pair) => `${pair.source}:${key(pair)}`))
  const fixed = new Set([...(input.accepted ?? []), ...(input.pinned ?? [])].map(key))
  const assigned = new Set<string>()
  const load = new Map<string, number>()
  const byProject = new Map<string, typeof result.assignments>()

  for (const assignment of result.assignments) {
    const k = key(assignment)
    if (assigned.has(k)) violations.push(`duplicate reviewer ${k}`)
    assigned.add(k)
    if (conflicted.has(k)) violations.push(`conflict assigned ${k}`)
    if (forbidden.has(k)) violations.push(`forbidden assigned ${k}`)
    if (!candidates.has(k) && !fixed.has(k)) violations.push(`not a candidate ${k}`)
    load.set(assignment.expertId, (load.get(assignment.expertId) ?? 0) + 1)
    byProject.set(assignment.projectId, [...(byProject.get(assignment.projectId) ?? []), assignment])
  }
  for (const [expertId, count] of load) {
    const expert = expertOf.get(expertId)
    if (!expert) violations.push(`unknown expert ${expertId}`)
    else if (count > (expert.cap ?? input.defaultCap)) violations.push(`cap exceeded by ${expertId}`)
  }
  for (const project of input.projects) {
    const reviewers = byProject.get(project.id) ?? []
    const seats = project.reviewers ?? input.defaultReviewers ?? 3
    const tanksOf = reviewers.map((assignment) => expertOf.get(assignment.expertId)?.tanks ?? [])
    if (!isSeatable(tanksOf, project.tanks, seats)) violations.push(`project ${project.id} cannot seat its reviewers`)
    const roles = reviewers.map((assignment) => assignment.role).filter((role) => role !== 'general')
    if (new Set(roles).size !== roles.length) violations.push(`project ${project.id} has a tank role twice`)
    for (const assignment of reviewers) {
      if (assignment.role === 'general') continue
      if (!project.tanks.includes(assignment.role)) violations.push(`role not required ${key(assignment)}`)
      if (!expertOf.get(assignment.expertId)?.tanks.includes(assignment.role)) {
        violations.push(`role not held ${key(assignment)}`)
      }
    }
    const short = result.shortProjects.find((shortfall) => shortfall.projectId === project.id)
    if (reviewers.length === seats && roles.length !== new Set(project.tanks).size) {
      violations.push(`fully staffed ${project.id} misses a tank`)
    }
    if (reviewers.length < seats !== (short !== undefined)) violations.push(`shortfall misreported for ${project.id}`)
  }
  for (const [source, list] of [
    ['accepted', input.accepted ?? []],
    ['pinned', input.pinned ?? []],
  ] as const) {
    for (const pair of list) {
      if (!rejected.has(`${source}:${key(pair)}`) && !assigned.has(key(pair)))
        violations.push(`fixed dropped ${key(pair)}`)
    }
  }
  return violations
}
