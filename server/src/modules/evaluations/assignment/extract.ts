import { flowOn } from './graph'
import type { AssignmentNetwork } from './network'
import { FIXED_ACCEPTED, FIXED_NONE, GENERAL, type Instance } from './prepare'
import {
  type Assignment,
  type ProjectShortfall,
  type ShortReason,
  type ShortReasonKind,
  THINK_TANK_LABEL,
  THINK_TANKS,
  type ThinkTank,
} from './types'

const AT_CAP_LISTED = 20

export interface Extracted {
  assignments: Assignment[]
  shortProjects: ProjectShortfall[]
  reviews: number
  seats: number
  totalAffinity: number
  affinityUnits: number
}

/** Gives tank roles to a project's reviewers so that as many required tanks as possible are represented. */
function matchRoles(reviewerTanks: number[], projectTanks: number): Int8Array {
  const roleOf = new Int8Array(reviewerTanks.length).fill(-1)
  const tryTank = (t: number, seen: boolean[]): boolean => {
    for (let r = 0; r < reviewerTanks.length; r++) {
      if (seen[r] || (reviewerTanks[r]! & (1 << t)) === 0) continue
      seen[r] = true
      const previous = roleOf[r]!
      if (previous === -1 || tryTank(previous, seen)) {
        roleOf[r] = t
        return true
      }
    }
    return false
  }
  for (let t = 0; t < 3; t++) if (projectTanks & (1 << t)) tryTank(t, [])
  return roleOf
}

function reasonMessage(kind: ShortReasonKind, tank: ThinkTank | null, count: number): string {
  const seat = `${tank ? THINK_TANK_LABEL[tank] : '通用'}席位`
  switch (kind) {
    case 'no-candidates':
      return `${seat}：匹配结果中没有可担任该席位的候选专家`
    case 'all-excluded':
      return `${seat}：${count} 名候选专家均因利益冲突或禁止组合回避`
    case 'already-on-project':
      return `${seat}：可担任的 ${count} 名专家已在本项目担任其他席位`
    case 'caps-exhausted':
      return `${seat}：可担任的 ${count} 名专家均已达到评审上限，调整其他项目也无法腾出`
  }
}

export function extractResult(instance: Instance, network: AssignmentNetwork): Extracted {
  const { graph, pairArc, pairFixed } = network
  const projectCount = instance.seats.length
  const load = new Int32Array(instance.expertCap.length)
  const reviewersOf: number[][] = Array.from({ length: projectCount }, () => [])
  const eligibleOf: number[][] = Array.from({ length: projectCount }, () => [])
  let affinityUnits = 0
  let totalAffinity = 0
  for (let i = 0; i < instance.pairProject.length; i++) {
    const p = instance.pairProject[i]!
    if (pairArc[i]! >= 0 && instance.pairCandidate[i]) eligibleOf[p]!.push(i)
    const assigned = pairFixed[i] !== FIXED_NONE || (pairArc[i]! >= 0 && flowOn(graph, pairArc[i]!) > 0)
    if (!assigned) continue
    reviewersOf[p]!.push(i)
    load[instance.pairExpert[i]!]!++
    affinityUnits += instance.pairUnits[i]!
    totalAffinity += instance.pairAffinity[i]!
  }

  const assignments: Assignment[] = []
  const shortProjects: ProjectShortfall[] = []
  let reviews = 0
  let seats = 0
  for (let p = 0; p < projectCount; p++) {
    const reviewers = reviewersOf[p]!.sort((a, b) => instance.pairAffinity[b]! - instance.pairAffinity[a]!)
    const mask = instance.projectTanks[p]!
    const roles = matchRoles(
      reviewers.map((i) => instance.expertTanks[instance.pairExpert[i]!]!),
      mask,
    )
    let covered = 0
    reviewers.forEach((i, r) => {
      const role = roles[r]!
      if (role >= 0) covered |= 1 << role
      const fixed = pairFixed[i]!
      assignments.push({
        projectId: instance.projectIds[p]!,
        expertId: instance.expertIds[instance.pairExpert[i]!]!,
        affinity: instance.pairAffinity[i]!,
        role: role >= 0 ? THINK_TANKS[role]! : 'general',
        source: fixed === FIXED_NONE ? 'optimized' : fixed === FIXED_ACCEPTED ? 'accepted' : 'pinned',
      })
    })
    reviews += reviewers.length
    seats += instance.seats[p]!
    if (reviewers.length >= instance.seats[p]!) continue

    const onProject = new Set(reviewers.map((i) => instance.pairExpert[i]!))
    const missingTanks = THINK_TANKS.filter((_, t) => (mask & (1 << t)) !== 0 && (covered & (1 << t)) === 0)
    const generalMissing = instance.seats[p]! - reviewers.length - missingTanks.length
    const explain = (group: number, tank: ThinkTank | null): ShortReason => {
      const candidates = instance.candidateTally[p * 4 + group]!
      const excluded = instance.excludedTally[p * 4 + group]!
      const eligible = eligibleOf[p]!.map((i) => instance.pairExpert[i]!).filter(
        (e) => group === GENERAL || (instance.expertTanks[e]! & (1 << group)) !== 0,
      )
      const elsewhere = eligible.filter((e) => !onProject.has(e))
      const atCap = elsewhere.filter((e) => load[e]! >= instance.expertCap[e]!).map((e) => instance.expertIds[e]!)
      let kind: ShortReasonKind = 'caps-exhausted'
      if (candidates === 0) kind = 'no-candidates'
      else if (candidates === excluded) kind = 'all-excluded'
      else if (elsewhere.length === 0) kind = 'already-on-project'
      const count = kind === 'all-excluded' ? excluded : kind === 'already-on-project' ? eligible.length : atCap.length
      return {
        tank,
        kind,
        candidates,
        excluded,
        atCap: atCap.slice(0, AT_CAP_LISTED),
        message: reasonMessage(kind, tank, count),
      }
    }
    const reasons = missingTanks.map((tank) => explain(THINK_TANKS.indexOf(tank), tank))
    if (generalMissing > 0) reasons.push(explain(GENERAL, null))
    shortProjects.push({
      projectId: instance.projectIds[p]!,
      needed: instance.seats[p]!,
      assigned: reviewers.length,
      missingTanks,
      reasons,
    })
  }
  return { assignments, shortProjects, reviews, seats, totalAffinity, affinityUnits }
}
