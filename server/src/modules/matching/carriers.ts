import type { Filter, SearchHit } from '../../platform/search'
import { capabilityCategoryLabels } from '../carriers/labels'
import type { CapabilityCategory, CarrierKind } from '../carriers/schema'
import { searchIndex } from '../search/service'

/** What matching reads of a project to find carriers for it. */
export type ProjectForCarriers = {
  title: string
  summary: string
  industryCodes: readonly string[]
  industryNames: readonly string[]
}

const RANKED_LEVELS = ['national', 'provincial', 'municipal']

/**
 * Project → PoC centers and pilot platforms from the carrier index (seed 002 三(四)11 精准对接, seed 004 1+N): the
 * project's words and the capability categories it needs against each carrier's name, capability list and
 * introduction, ranked with shared industry nodes, the needed capabilities, an accredited level and the distance
 * from `near` (the project's center). Used by 验证-中试 hand-off suggestions and by the project's match panel.
 */
export function rankCarriersForProject(
  project: ProjectForCarriers,
  options: {
    kinds: readonly CarrierKind[]
    capabilities: readonly CapabilityCategory[]
    near?: { latitude: number; longitude: number }
    visibility?: Filter
    exclude?: readonly string[]
    limit: number
  },
): readonly SearchHit[] {
  const text = [
    project.title,
    project.summary.slice(0, 500),
    ...project.industryNames,
    options.capabilities.map((c) => capabilityCategoryLabels[c]).join(' '),
  ].join(' ')
  const filter: Filter = {
    and: [
      { attribute: 'kind', in: [...options.kinds] },
      { attribute: 'status', in: ['active'] },
      ...(options.visibility ? [options.visibility] : []),
    ],
  }
  return searchIndex('carrier').search({
    text,
    filter,
    limit: options.limit,
    explain: true,
    ...(options.exclude?.length ? { exclude: options.exclude } : {}),
    context: {
      attributes: {
        industry: [...project.industryCodes],
        capability: [...options.capabilities],
        level: RANKED_LEVELS,
      },
      ...(options.near ? { near: options.near } : {}),
    },
  }).hits
}
