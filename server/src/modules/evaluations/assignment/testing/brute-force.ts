import type { AssignmentInput, PairRef, ThinkTank } from '../types'

/**
 * The lexicographic optimum (most filled seats, then most affinity units) by exhaustive search, straight from
 * the problem statement — no flow network — for instances with a handful of pairs.
 */
export interface BruteForceOptimum {
  reviews: number
  units: number
}

/** Can these reviewers (their tanks) sit in distinct seats: one per required tank, the rest general? */
export function isSeatable(
  reviewerTanks: readonly (readonly ThinkTank[])[],
  tanks: readonly ThinkTank[],
  seats: number,
) {
  if (reviewerTanks.length > seats) return false
  const general = seats - tanks.length
  // Try every way to give each required tank to a distinct reviewer (or leave it empty).
  const place = (t: number, used: boolean[]): boolean => {
    if (t === tanks.length) return used.filter((isUsed) => !isUsed).length <= general
    if (place(t + 1, used)) return true
    for (let r = 0; r < reviewerTanks.length; r++) {
      if (used[r] || !reviewerTanks[r]!.includes(tanks[t]!)) continue
      used[r] = true
      const ok = place(t + 1, used)
      used[r] = false
      if (ok) return true
    }
    return false
  }
  return place(
    0,
    reviewerTanks.map(() => false),
  )
}

export function bruteForceOptimum(
  input: AssignmentInput,
  keptFixed: readonly PairRef[],
  resolution = 1e-6,
): BruteForceOptimum {
  const key = (pair: PairRef) => `${pair.projectId}|${pair.expertId}`
  const excluded = new Set([...(input.conflicts ?? []), ...(input.forbidden ?? [])].map(key))
  const fixedKeys = new Set(keptFixed.map(key))
  const units = new Map<string, number>()
  for (const candidate of input.candidates) {
    if (!excluded.has(key(candidate))) units.set(key(candidate), Math.round(candidate.affinity / resolution))
  }
  const projectOf = new Map(input.projects.map((project) => [project.id, project]))
  const expertOf = new Map(input.experts.map((expert) => [expert.id, expert]))
  const seatsOf = (projectId: string) => projectOf.get(projectId)!.reviewers ?? input.defaultReviewers ?? 3
  const capOf = (expertId: string) => expertOf.get(expertId)!.cap ?? input.defaultCap
  const optional = [...units.keys()].filter((k) => !fixedKeys.has(k)).map((k) => k.split('|') as [string, string])
  const chosen = new Map<string, string[]>(input.projects.map((project) => [project.id, []]))
  const load = new Map<string, number>(input.experts.map((expert) => [expert.id, 0]))
  let baseUnits = 0
  for (const pair of keptFixed) {
    chosen.get(pair.projectId)!.push(pair.expertId)
    load.set(pair.expertId, load.get(pair.expertId)! + 1)
    baseUnits += units.get(key(pair)) ?? 0
  }
  let best: BruteForceOptimum = { reviews: -1, units: 0 }
  const allSeatable = () =>
    input.projects.every((project) =>
      isSeatable(
        chosen.get(project.id)!.map((expertId) => expertOf.get(expertId)!.tanks),
        project.tanks,
        seatsOf(project.id),
      ),
    )
  const search = (i: number, reviews: number, total: number) => {
    if (i === optional.length) {
      const better = reviews > best.reviews || (reviews === best.reviews && total > best.units)
      if (better && allSeatable()) best = { reviews, units: total }
      return
    }
    const [projectId, expertId] = optional[i]!
    const reviewers = chosen.get(projectId)!
    if (reviewers.length < seatsOf(projectId) && load.get(expertId)! < capOf(expertId)) {
      reviewers.push(expertId)
      load.set(expertId, load.get(expertId)! + 1)
      search(i + 1, reviews + 1, total + units.get(`${projectId}|${expertId}`)!)
      reviewers.pop()
      load.set(expertId, load.get(expertId)! - 1)
    }
    search(i + 1, reviews, total)
  }
  search(0, keptFixed.length, baseUnits)
  return best
}
