import type {
  AssignmentInput,
  Candidate,
  Conflict,
  ConflictKind,
  ExpertSupply,
  ProjectNeed,
  ThinkTank,
} from '../../server/src/modules/evaluations/assignment/types'

/** Seeded PRNG (mulberry32) so every run of the bench solves the same instances. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface InstanceSpec {
  name: string
  projects: number
  experts: number
  /** Candidate experts per project from matching (sparse). */
  candidatesPerProject: number
  /** Default load cap; 10% of experts get a lower override, 5% a higher one. */
  cap: number
  conflictRate: number
  fields: number
  seed: number
}

const CONFLICT_KINDS: readonly ConflictKind[] = [
  'same-organization',
  'co-author',
  'declared-relationship',
  'enterprise-tie',
  'competitor-tie',
  'self-declared',
]

function pickTanks(random: () => number): ThinkTank[] {
  const roll = random()
  const first: ThinkTank = roll < 0.55 ? 'technical' : roll < 0.8 ? 'product' : 'commercial'
  if (random() >= 0.15) return [first]
  const second: ThinkTank = first === 'technical' ? (random() < 0.5 ? 'product' : 'commercial') : 'technical'
  return [first, second]
}

function projectTanks(random: () => number): ThinkTank[] {
  const roll = random()
  if (roll < 0.5) return ['technical']
  if (roll < 0.75) return ['technical', 'commercial']
  if (roll < 0.9) return ['technical', 'product']
  return ['technical', 'product', 'commercial']
}

/**
 * Experts and projects belong to industry fields; 80% of a project's candidates come from its field with higher
 * affinities (0.3–1.0), the rest from anywhere (0–0.5). Affinities have 4 decimals; 5% of pairs are conflicts.
 */
export function generateInstance(spec: InstanceSpec): AssignmentInput {
  const random = createRandom(spec.seed)
  const experts: ExpertSupply[] = []
  const byField: number[][] = Array.from({ length: spec.fields }, () => [])
  for (let e = 0; e < spec.experts; e++) {
    const roll = random()
    const cap = roll < 0.1 ? 2 + Math.floor(random() * 5) : roll < 0.15 ? spec.cap + 5 : undefined
    experts.push({ id: `E${e}`, tanks: pickTanks(random), ...(cap === undefined ? {} : { cap }) })
    byField[e % spec.fields]!.push(e)
  }
  const projects: ProjectNeed[] = []
  const candidates: Candidate[] = []
  const conflicts: Conflict[] = []
  for (let p = 0; p < spec.projects; p++) {
    const id = `P${p}`
    projects.push({ id, tanks: projectTanks(random) })
    const field = byField[Math.floor(random() * spec.fields)]!
    const chosen = new Set<number>()
    while (chosen.size < spec.candidatesPerProject) {
      const local = random() < 0.8
      const e = local ? field[Math.floor(random() * field.length)]! : Math.floor(random() * spec.experts)
      if (chosen.has(e)) continue
      chosen.add(e)
      const raw = local ? 0.3 + 0.7 * random() : 0.5 * random()
      candidates.push({ projectId: id, expertId: `E${e}`, affinity: Math.round(raw * 1e4) / 1e4 })
      if (random() < spec.conflictRate) {
        const kind = CONFLICT_KINDS[Math.floor(random() * CONFLICT_KINDS.length)]!
        conflicts.push({
          projectId: id,
          expertId: `E${e}`,
          reasons: [{ kind, detail: `随机生成的回避关系（${kind}）` }],
        })
      }
    }
  }
  return { projects, experts, candidates, conflicts, defaultCap: spec.cap, defaultReviewers: 3 }
}
