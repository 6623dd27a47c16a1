/** Public types of the reviewer-assignment solver (入库评价 专家分配). See assign-reviewers.ts for the model. */

/** 技术验证 / 产品验证 / 商业验证 — the three think tanks (湖州 seed 002, 第15条 组建专家智库). */
export type ThinkTank = 'technical' | 'product' | 'commercial'

export const THINK_TANKS: readonly ThinkTank[] = ['technical', 'product', 'commercial']

export const THINK_TANK_LABEL: Record<ThinkTank, string> = {
  technical: '技术验证',
  product: '产品验证',
  commercial: '商业验证',
}

export interface ProjectNeed {
  id: string
  /** Reviewers this project needs; `defaultReviewers` when absent. */
  reviewers?: number
  /** Think tanks that must each be represented by a distinct reviewer. */
  tanks: readonly ThinkTank[]
}

export interface ExpertSupply {
  id: string
  tanks: readonly ThinkTank[]
  /** Per-expert load cap for this round (includes accepted and pinned reviews); `defaultCap` when absent. */
  cap?: number
}

export interface PairRef {
  projectId: string
  expertId: string
}

/** An expert that matching proposes for a project, with its expertise affinity (higher is better). */
export interface Candidate extends PairRef {
  affinity: number
}

export type ConflictKind =
  | 'same-organization'
  | 'team-member'
  | 'co-author'
  | 'declared-relationship'
  | 'enterprise-tie'
  | 'competitor-tie'
  | 'self-declared'

export interface ConflictReason {
  kind: ConflictKind
  /** Shown to the organizer, in Chinese. */
  detail: string
}

export interface Conflict extends PairRef {
  reasons: readonly ConflictReason[]
}

export interface ForbiddenPair extends PairRef {
  note?: string
}

export interface AssignmentInput {
  projects: readonly ProjectNeed[]
  experts: readonly ExpertSupply[]
  candidates: readonly Candidate[]
  conflicts?: readonly Conflict[]
  forbidden?: readonly ForbiddenPair[]
  /** Organizer's pins: kept unless they break a hard rule. */
  pinned?: readonly PairRef[]
  /** Assignments experts already accepted; a rerun keeps them (they win over pins). */
  accepted?: readonly PairRef[]
  defaultReviewers?: number
  defaultCap: number
}

export type AssignmentStage = 'prepare' | 'staff' | 'optimize' | 'certify' | 'done'

export interface AssignmentProgress {
  stage: AssignmentStage
  /** Overall progress in [0, 1]. */
  fraction: number
  message: string
}

export interface AssignmentOptions {
  /** Affinities are optimized as integer multiples of this (default 1e-6); the optimum is exact at that grain. */
  resolution?: number
  onProgress?: (progress: AssignmentProgress) => void
}

export type AssignmentSource = 'accepted' | 'pinned' | 'optimized'

export interface Assignment extends PairRef {
  affinity: number
  /** The think tank this reviewer represents for the project, or 'general' for a seat without a tank. */
  role: ThinkTank | 'general'
  source: AssignmentSource
}

export type ShortReasonKind = 'no-candidates' | 'all-excluded' | 'already-on-project' | 'caps-exhausted'

export interface ShortReason {
  /** The tank whose seat is empty, or null for general seats. */
  tank: ThinkTank | null
  kind: ShortReasonKind
  /** Candidates from matching for that seat (before exclusions). */
  candidates: number
  /** Of those, excluded by a conflict of interest or a forbidden pair. */
  excluded: number
  /** Eligible experts who could take the seat but have no load left (ids, at most 20). */
  atCap: string[]
  message: string
}

export interface ProjectShortfall {
  projectId: string
  needed: number
  assigned: number
  missingTanks: ThinkTank[]
  reasons: ShortReason[]
}

export interface Exclusion extends PairRef {
  reasons: ConflictReason[]
  forbidden: boolean
  note?: string
}

export type RejectedFixedReason =
  | 'unknown-project'
  | 'unknown-expert'
  | 'duplicate'
  | 'conflict'
  | 'forbidden'
  | 'cap'
  | 'no-seat'

export interface RejectedFixed extends PairRef {
  source: 'accepted' | 'pinned'
  reason: RejectedFixedReason
  message: string
}

export interface AssignmentStats {
  nodes: number
  arcs: number
  phases: number
  relabels: number
  certifyPasses: number
  cyclesCancelled: number
  ms: { prepare: number; staff: number; optimize: number; certify: number; total: number }
}

export interface AssignmentResult {
  assignments: Assignment[]
  shortProjects: ProjectShortfall[]
  exclusions: Exclusion[]
  rejectedFixed: RejectedFixed[]
  objective: {
    /** Seats filled (first, maximized). */
    reviews: number
    /** Seats requested in total. */
    seats: number
    /** Sum of affinities of all assignments (second, maximized). */
    totalAffinity: number
    /** The same sum in integer units of `resolution` — the exact optimized quantity. */
    affinityUnits: number
    resolution: number
  }
  /** Integer dual potentials proved the flow optimal (no negative residual cycle). */
  certified: boolean
  stats: AssignmentStats
}
