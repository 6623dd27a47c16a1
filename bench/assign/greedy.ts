import {
  type Assignment,
  type AssignmentInput,
  type PairRef,
  THINK_TANKS,
} from '../../server/src/modules/evaluations/assignment/types'

/**
 * The baseline the solver is measured against: take candidate pairs from the highest affinity down and keep a pair
 * when the expert has load left and the project a seat he may take (a missing tank first, else a general seat).
 * Same hard rules (conflicts, caps, tank seats); no look-ahead.
 */
export interface GreedyResult {
  assignments: Assignment[]
  reviews: number
  seats: number
  totalAffinity: number
  shortProjects: number
}

export function assignGreedily(input: AssignmentInput): GreedyResult {
  const key = (pair: PairRef) => `${pair.projectId}\u0000${pair.expertId}`
  const excluded = new Set([...(input.conflicts ?? []), ...(input.forbidden ?? [])].map(key))
  const projects = new Map(input.projects.map((project) => [project.id, project]))
  const experts = new Map(input.experts.map((expert) => [expert.id, expert]))
  const load = new Map<string, number>()
  const covered = new Map<string, Set<string>>()
  const general = new Map<string, number>()
  const count = new Map<string, number>()
  const assignments: Assignment[] = []
  let totalAffinity = 0
  const sorted = input.candidates.filter((candidate) => !excluded.has(key(candidate)))
  sorted.sort((a, b) => b.affinity - a.affinity)
  for (const candidate of sorted) {
    const project = projects.get(candidate.projectId)!
    const expert = experts.get(candidate.expertId)!
    const seats = project.reviewers ?? input.defaultReviewers ?? 3
    if ((load.get(expert.id) ?? 0) >= (expert.cap ?? input.defaultCap)) continue
    if ((count.get(project.id) ?? 0) >= seats) continue
    const have = covered.get(project.id) ?? new Set<string>()
    const tank = THINK_TANKS.find((t) => project.tanks.includes(t) && !have.has(t) && expert.tanks.includes(t))
    if (!tank && (general.get(project.id) ?? 0) >= seats - project.tanks.length) continue
    if (tank) covered.set(project.id, have.add(tank))
    else general.set(project.id, (general.get(project.id) ?? 0) + 1)
    load.set(expert.id, (load.get(expert.id) ?? 0) + 1)
    count.set(project.id, (count.get(project.id) ?? 0) + 1)
    totalAffinity += candidate.affinity
    assignments.push({ ...candidate, role: tank ?? 'general', source: 'optimized' })
  }
  let seats = 0
  let shortProjects = 0
  for (const project of input.projects) {
    const needed = project.reviewers ?? input.defaultReviewers ?? 3
    seats += needed
    if ((count.get(project.id) ?? 0) < needed) shortProjects++
  }
  return { assignments, reviews: assignments.length, seats, totalAffinity, shortProjects }
}
