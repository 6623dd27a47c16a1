import type { Filter } from '../../platform/search'
import { segment } from '../../platform/text/tokenize'
import { searchIndex } from '../search/service'

/** What matching reads of a project to find its reviewers (title, summary, industries, disciplines). */
export type ProjectText = {
  title: string
  summary: string
  industryNames: readonly string[]
  disciplines: readonly string[]
}

export type ExpertMatch = {
  expertId: string
  /** The project's best match is 1; the others in proportion to their score above 0 (or above the lowest score). */
  affinity: number
  score: number
  /** 为什么推荐, in Chinese sentences. */
  reasons: string[]
  /** What the re-ranker saw of the best-scoring pass: stored with a 有意向 / 不相关 judgement. */
  features: Record<string, number>
}

const MIN_AFFINITY = 0.01

/**
 * Project → experts (入库评价 专家遴选, seed 004 顾问专家团队): the experts index searched with the project's words,
 * once over all experts and once per think tank the project needs, so every tank has candidates of its own.
 * `filter` carries the caller's visibility and availability.
 */
export function matchExpertsForProject(
  project: ProjectText,
  options: { tanks: readonly string[]; filter?: Filter; limit?: number },
): ExpertMatch[] {
  const words = [
    ...segment(project.title),
    ...segment(project.summary),
    ...project.industryNames.flatMap((n) => segment(n)),
    ...project.disciplines.flatMap((d) => segment(d)),
  ].slice(0, 400)
  if (words.length === 0) return []
  const limit = options.limit ?? 30
  const base: Filter[] = [{ attribute: 'status', in: ['active'] }, ...(options.filter ? [options.filter] : [])]
  const passes: Filter[] = [
    { and: base },
    ...options.tanks.map((tank): Filter => ({ and: [...base, { attribute: 'thinkTank', in: [tank] }] })),
  ]
  const best = new Map<string, { score: number; reasons: string[]; features: Record<string, number> }>()
  for (const filter of passes) {
    const { hits } = searchIndex('expert').search({ words, filter, limit, explain: true })
    for (const hit of hits) {
      const known = best.get(hit.id)
      if (!known || known.score < hit.score)
        best.set(hit.id, {
          score: hit.score,
          reasons: [...(hit.reasons?.summary ?? [])],
          features: { ...hit.reasons?.features },
        })
    }
  }
  const scores = [...best.values()].map((b) => b.score)
  const top = Math.max(0, ...scores)
  // A re-ranker trained from feedback may score below zero: the lowest score is then the floor.
  const floor = Math.min(0, ...scores)
  const span = top - floor
  return [...best.entries()]
    .map(([expertId, b]) => ({
      expertId,
      score: b.score,
      affinity:
        span > 0 ? Math.max(MIN_AFFINITY, Math.round(((b.score - floor) / span) * 10_000) / 10_000) : MIN_AFFINITY,
      reasons: b.reasons,
      features: b.features,
    }))
    .sort((a, b) => b.score - a.score || a.expertId.localeCompare(b.expertId))
}
