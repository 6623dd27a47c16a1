import { AppError } from '../../../platform/errors/errors'
import {
  type AssignmentInput,
  type Exclusion,
  type PairRef,
  type RejectedFixed,
  type RejectedFixedReason,
  THINK_TANKS,
  type ThinkTank,
} from './types'

/** Index of the general (tank-free) seat group in per-project tallies; tanks use 0..2. */
export const GENERAL = 3

export const FIXED_NONE = 0
export const FIXED_ACCEPTED = 1
export const FIXED_PINNED = 2

/** The input, validated and turned into dense indices and typed arrays. */
export interface Instance {
  projectIds: string[]
  expertIds: string[]
  seats: Int32Array
  projectTanks: Uint8Array
  expertCap: Int32Array
  expertTanks: Uint8Array
  pairProject: Int32Array
  pairExpert: Int32Array
  pairAffinity: Float64Array
  pairUnits: Float64Array
  pairCandidate: Uint8Array
  pairFixed: Uint8Array
  /** Per project × (tank 0..2, general 3): candidates from matching, and how many of them are excluded. */
  candidateTally: Int32Array
  excludedTally: Int32Array
  exclusions: Exclusion[]
  rejectedFixed: RejectedFixed[]
  resolution: number
}

const MAX_UNITS = 2 ** 31 - 1

export function tankBit(tank: ThinkTank): number {
  return 1 << THINK_TANKS.indexOf(tank)
}

function invalid(message: string, details: unknown): AppError {
  return new AppError('VALIDATION_FAILED', message, details)
}

function tankMask(tanks: readonly ThinkTank[], owner: string): number {
  let mask = 0
  for (const tank of tanks) {
    const index = THINK_TANKS.indexOf(tank)
    if (index < 0) throw invalid(`未知的专家智库：${String(tank)}`, { owner, tank })
    mask |= 1 << index
  }
  return mask
}

function indexIds(items: readonly { id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>()
  for (const item of items) {
    if (index.has(item.id)) throw invalid(`${what}重复：${item.id}`, { id: item.id })
    index.set(item.id, index.size)
  }
  return index
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0
}

const FIXED_MESSAGES: Record<RejectedFixedReason, string> = {
  'unknown-project': '项目不在本轮评价中',
  'unknown-expert': '专家不在本轮专家池中',
  duplicate: '重复的固定分配',
  conflict: '存在利益冲突，必须回避',
  forbidden: '该组合已被组织者禁止',
  cap: '专家已达到本轮评审上限',
  'no-seat': '项目没有可容纳该专家的评审席位（名额或智库要求已被其他固定分配占满）',
}

export function rejectFixed(pair: PairRef, source: 'accepted' | 'pinned', reason: RejectedFixedReason): RejectedFixed {
  return { projectId: pair.projectId, expertId: pair.expertId, source, reason, message: FIXED_MESSAGES[reason] }
}

export function prepareInstance(input: AssignmentInput, resolution: number): Instance {
  if (!(resolution > 0) || !Number.isFinite(resolution)) throw invalid('分辨率必须为正数', { resolution })
  const defaultReviewers = input.defaultReviewers ?? 3
  if (!Number.isInteger(defaultReviewers) || defaultReviewers < 1) {
    throw invalid('每个项目的评审专家人数必须为正整数', { defaultReviewers })
  }
  if (!isCount(input.defaultCap)) throw invalid('专家评审上限必须为非负整数', { defaultCap: input.defaultCap })

  const projectIndex = indexIds(input.projects, '项目')
  const expertIndex = indexIds(input.experts, '专家')
  const projectCount = projectIndex.size
  const expertCount = expertIndex.size

  const seats = new Int32Array(projectCount)
  const projectTanks = new Uint8Array(projectCount)
  input.projects.forEach((project, p) => {
    const reviewers = project.reviewers ?? defaultReviewers
    projectTanks[p] = tankMask(project.tanks, project.id)
    if (!Number.isInteger(reviewers) || reviewers < 1)
      throw invalid('评审专家人数必须为正整数', { project: project.id })
    // Each required tank is a seat of its own, so a project cannot need more tanks than reviewers.
    if (reviewers < new Set(project.tanks).size) {
      throw invalid(`项目 ${project.id} 要求的智库数超过评审人数`, {
        project: project.id,
        reviewers,
        tanks: project.tanks,
      })
    }
    seats[p] = reviewers
  })
  const expertCap = new Int32Array(expertCount)
  const expertTanks = new Uint8Array(expertCount)
  input.experts.forEach((expert, e) => {
    const cap = expert.cap ?? input.defaultCap
    if (!isCount(cap)) throw invalid(`专家 ${expert.id} 的评审上限必须为非负整数`, { expert: expert.id, cap })
    expertCap[e] = cap
    expertTanks[e] = tankMask(expert.tanks, expert.id)
  })

  const key = (p: number, e: number) => p * expertCount + e
  const exclusionByKey = new Map<number, Exclusion>()
  const exclusionFor = (pair: PairRef): Exclusion | undefined => {
    const p = projectIndex.get(pair.projectId)
    const e = expertIndex.get(pair.expertId)
    // Conflicts come from registry-wide rules and may name people outside this round: nothing to exclude.
    if (p === undefined || e === undefined) return undefined
    let exclusion = exclusionByKey.get(key(p, e))
    if (!exclusion) {
      exclusion = { projectId: pair.projectId, expertId: pair.expertId, reasons: [], forbidden: false }
      exclusionByKey.set(key(p, e), exclusion)
    }
    return exclusion
  }
  for (const conflict of input.conflicts ?? []) exclusionFor(conflict)?.reasons.push(...conflict.reasons)
  for (const forbidden of input.forbidden ?? []) {
    const exclusion = exclusionFor(forbidden)
    if (!exclusion) continue
    exclusion.forbidden = true
    if (forbidden.note !== undefined) exclusion.note = forbidden.note
  }

  const candidateTally = new Int32Array(projectCount * 4)
  const excludedTally = new Int32Array(projectCount * 4)
  // Pair index by project×expert key; -1 marks an excluded candidate (still needed to catch duplicates).
  const pairByKey = new Map<number, number>()
  const capacity = input.candidates.length + (input.accepted?.length ?? 0) + (input.pinned?.length ?? 0)
  const pairProject = new Int32Array(capacity)
  const pairExpert = new Int32Array(capacity)
  const pairAffinity = new Float64Array(capacity)
  const pairCandidate = new Uint8Array(capacity)
  const pairFixed = new Uint8Array(capacity)
  let pairCount = 0
  const addPair = (p: number, e: number, affinity: number, candidate: boolean): number => {
    const pair = pairCount++
    pairProject[pair] = p
    pairExpert[pair] = e
    pairAffinity[pair] = affinity
    pairCandidate[pair] = candidate ? 1 : 0
    pairByKey.set(key(p, e), pair)
    return pair
  }
  for (const candidate of input.candidates) {
    const p = projectIndex.get(candidate.projectId)
    const e = expertIndex.get(candidate.expertId)
    if (p === undefined || e === undefined) throw invalid('候选专家引用了未知的项目或专家', { candidate })
    if (!Number.isFinite(candidate.affinity)) throw invalid('匹配度必须是有限数值', { candidate })
    if (Math.abs(candidate.affinity / resolution) > MAX_UNITS) throw invalid('匹配度超出可计算范围', { candidate })
    const k = key(p, e)
    if (pairByKey.has(k)) throw invalid('候选专家重复', { candidate })
    const excluded = exclusionByKey.has(k)
    const tanks = projectTanks[p]! & expertTanks[e]!
    for (let t = 0; t < 3; t++) {
      if ((tanks & (1 << t)) === 0) continue
      candidateTally[p * 4 + t]!++
      if (excluded) excludedTally[p * 4 + t]!++
    }
    candidateTally[p * 4 + GENERAL]!++
    if (excluded) {
      excludedTally[p * 4 + GENERAL]!++
      pairByKey.set(k, -1)
    } else addPair(p, e, candidate.affinity, true)
  }

  const rejectedFixed: RejectedFixed[] = []
  const fixedKeys = new Set<number>()
  const fix = (list: readonly PairRef[] | undefined, source: 'accepted' | 'pinned') => {
    for (const ref of list ?? []) {
      const p = projectIndex.get(ref.projectId)
      const e = expertIndex.get(ref.expertId)
      let reason: RejectedFixedReason | undefined
      if (p === undefined) reason = 'unknown-project'
      else if (e === undefined) reason = 'unknown-expert'
      if (p === undefined || e === undefined) {
        rejectedFixed.push(rejectFixed(ref, source, reason ?? 'unknown-expert'))
        continue
      }
      const k = key(p, e)
      // A pin on an accepted pair, or a repeated entry, changes nothing.
      if (fixedKeys.has(k)) continue
      const exclusion = exclusionByKey.get(k)
      if (exclusion && exclusion.reasons.length > 0) reason = 'conflict'
      else if (exclusion?.forbidden) reason = 'forbidden'
      if (reason) {
        rejectedFixed.push(rejectFixed(ref, source, reason))
        continue
      }
      fixedKeys.add(k)
      const existing = pairByKey.get(k) ?? -1
      const pair = existing >= 0 ? existing : addPair(p, e, 0, false)
      pairFixed[pair] = source === 'accepted' ? FIXED_ACCEPTED : FIXED_PINNED
    }
  }
  fix(input.accepted, 'accepted')
  fix(input.pinned, 'pinned')

  const affinities = pairAffinity.slice(0, pairCount)
  return {
    projectIds: [...projectIndex.keys()],
    expertIds: [...expertIndex.keys()],
    seats,
    projectTanks,
    expertCap,
    expertTanks,
    pairProject: pairProject.slice(0, pairCount),
    pairExpert: pairExpert.slice(0, pairCount),
    pairAffinity: affinities,
    pairUnits: affinities.map((affinity) => Math.round(affinity / resolution)),
    pairCandidate: pairCandidate.slice(0, pairCount),
    pairFixed: pairFixed.slice(0, pairCount),
    candidateTally,
    excludedTally,
    exclusions: [...exclusionByKey.values()],
    rejectedFixed,
    resolution,
  }
}
