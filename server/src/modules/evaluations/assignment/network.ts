import { type FlowGraph, GraphBuilder, UnitAugmenter } from './graph'
import { FIXED_ACCEPTED, FIXED_NONE, FIXED_PINNED, type Instance, rejectFixed } from './prepare'
import type { RejectedFixed } from './types'

export const SOURCE = 0
export const SINK = 1

/**
 * The flow model. Source → expert (load cap) → project seats → sink, where a project's seats are one seat per
 * required think tank (capacity 1) plus a general pool (reviewers − tanks):
 *
 *   S ─cap─▶ expert ─1, −affinity─▶ entry ─▶ tank seat G(p,t) ─1─▶ T
 *                                           ╰▶ general pool F(p) ─(k − |tanks|)─▶ T      (G(p,t) ─▶ F(p) too)
 *
 * An expert's single arc into the project (capacity 1) is what keeps one expert from filling two seats of the
 * same project. Its entry is G(p,t) when the expert belongs to exactly one required tank t, F(p) when to none,
 * and an expert–project node X (arcs to each matching G) when to several. Every arc joins two nodes with ±1
 * columns, so the LP is totally unimodular and the flow optimum is integral.
 *
 * Fixed pairs (accepted, pinned) do not use the expert arc: they are supplies of one unit at their entry, routed
 * to a seat before anything else, so optimization may move them between seats but can never drop them.
 */
export interface AssignmentNetwork {
  graph: FlowGraph
  /** Arc S → expert, per expert. */
  sourceArc: Int32Array
  /** Arc expert → entry, per pair; -1 when the project has no seat this expert may take. */
  pairArc: Int32Array
  /** Final fixed state per pair (rejected fixed pairs fall back to FIXED_NONE). */
  pairFixed: Uint8Array
  fixedCount: number
  rejected: RejectedFixed[]
}

function greatestCommonDivisor(values: Float64Array): number {
  let divisor = 0
  for (const value of values) {
    let a = Math.abs(value)
    let b = divisor
    while (b > 0) [a, b] = [b, a % b]
    divisor = a
    if (divisor === 1) break
  }
  return Math.max(divisor, 1)
}

function popcount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1)
}

export function buildNetwork(instance: Instance): AssignmentNetwork {
  const projectCount = instance.seats.length
  const expertCount = instance.expertCap.length
  const pairCount = instance.pairProject.length
  const tankSeat = new Int32Array(projectCount * 3).fill(-1)
  const generalSeat = new Int32Array(projectCount).fill(-1)
  const generalSize = new Int32Array(projectCount)
  let nodeCount = 2 + expertCount
  for (let p = 0; p < projectCount; p++) {
    const mask = instance.projectTanks[p]!
    for (let t = 0; t < 3; t++) if (mask & (1 << t)) tankSeat[p * 3 + t] = nodeCount++
    generalSize[p] = instance.seats[p]! - popcount(mask)
    if (generalSize[p]! > 0) generalSeat[p] = nodeCount++
  }
  const entry = new Int32Array(pairCount).fill(-1)
  const pairTanks = new Uint8Array(pairCount)
  for (let i = 0; i < pairCount; i++) {
    const p = instance.pairProject[i]!
    const mask = instance.projectTanks[p]! & instance.expertTanks[instance.pairExpert[i]!]!
    pairTanks[i] = mask
    const count = popcount(mask)
    if (count === 0) entry[i] = generalSeat[p]!
    else if (count === 1) entry[i] = tankSeat[p * 3 + Math.log2(mask)]!
    else entry[i] = nodeCount++
  }

  const builder = new GraphBuilder(nodeCount)
  const sourceArcIds = new Int32Array(expertCount)
  for (let e = 0; e < expertCount; e++) sourceArcIds[e] = builder.addArc(SOURCE, 2 + e, instance.expertCap[e]!, 0)
  for (let p = 0; p < projectCount; p++) {
    const general = generalSeat[p]!
    for (let t = 0; t < 3; t++) {
      const seat = tankSeat[p * 3 + t]!
      if (seat < 0) continue
      builder.addArc(seat, SINK, 1, 0)
      if (general >= 0) builder.addArc(seat, general, generalSize[p]!, 0)
    }
    if (general >= 0) builder.addArc(general, SINK, generalSize[p]!, 0)
  }
  // Affinities given to 4 decimals are multiples of 100 units: dividing by the common factor keeps the optimum
  // and saves scaling phases.
  const divisor = greatestCommonDivisor(instance.pairUnits)
  const pairArcIds = new Int32Array(pairCount).fill(-1)
  for (let i = 0; i < pairCount; i++) {
    const node = entry[i]!
    if (node < 0) continue
    const open = instance.pairFixed[i] === FIXED_NONE && instance.pairCandidate[i] ? 1 : 0
    pairArcIds[i] = builder.addArc(2 + instance.pairExpert[i]!, node, open, -instance.pairUnits[i]! / divisor)
    if (popcount(pairTanks[i]!) < 2) continue
    const p = instance.pairProject[i]!
    for (let t = 0; t < 3; t++) if (pairTanks[i]! & (1 << t)) builder.addArc(node, tankSeat[p * 3 + t]!, 1, 0)
  }

  const graph = builder.build()
  const sourceArc = sourceArcIds.map((id) => builder.position(id))
  const pairArc = pairArcIds.map((id) => (id < 0 ? -1 : builder.position(id)))
  const pairFixed = instance.pairFixed.slice()
  const rejected: RejectedFixed[] = []
  const augmenter = new UnitAugmenter(graph)
  let fixedCount = 0
  // Accepted before pinned, in input order: a pin loses its seat or load to an acceptance, never the reverse.
  for (const kind of [FIXED_ACCEPTED, FIXED_PINNED]) {
    for (let i = 0; i < pairCount; i++) {
      if (pairFixed[i] !== kind) continue
      const e = instance.pairExpert[i]!
      const loadLeft = graph.resCap[sourceArc[e]!]! > 0
      if (loadLeft && entry[i]! >= 0 && augmenter.augment(entry[i]!, SINK, SOURCE)) {
        graph.resCap[sourceArc[e]!]!--
        fixedCount++
        continue
      }
      const ref = { projectId: instance.projectIds[instance.pairProject[i]!]!, expertId: instance.expertIds[e]! }
      rejected.push(rejectFixed(ref, kind === FIXED_ACCEPTED ? 'accepted' : 'pinned', loadLeft ? 'no-seat' : 'cap'))
      pairFixed[i] = FIXED_NONE
      if (pairArc[i]! >= 0 && instance.pairCandidate[i]) graph.resCap[pairArc[i]!] = 1
    }
  }
  return { graph, sourceArc, pairArc, pairFixed, fixedCount, rejected }
}
