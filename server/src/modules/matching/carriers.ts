import type { Filter, SearchHit } from '../../platform/search'
import { capabilityCategoryLabels, carrierLevelLabels } from '../carriers/labels'
import type { CapabilityCategory, CarrierKind, CarrierLevel } from '../carriers/schema'
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

/**
 * A carrier hit's 推荐理由 in Chinese: the index writes shared attributes with their codes (相同capability：pilot),
 * which a person must not see; here they read 具备所需能力：中试, 同属产业链：…, 已认定级别：省级.
 */
export function carrierReasons(hit: SearchHit, industryNameOf: ReadonlyMap<string, string>): string[] {
  const reasons = hit.reasons
  if (!reasons) return []
  const lines = reasons.summary.filter((line) => !line.startsWith('相同'))
  const said: Record<string, (values: readonly string[]) => string> = {
    industry: (v) => `同属产业链：${v.map((code) => industryNameOf.get(code) ?? code).join('、')}`,
    capability: (v) =>
      `具备所需能力：${v.map((c) => capabilityCategoryLabels[c as CapabilityCategory] ?? c).join('、')}`,
    level: (v) => `已认定级别：${v.map((l) => carrierLevelLabels[l as CarrierLevel] ?? l).join('、')}`,
  }
  const shared = reasons.shared.flatMap((s) =>
    said[s.attribute] && s.values.length ? [said[s.attribute]!(s.values)] : [],
  )
  // Shared attributes go where the index put them: after the words, before distance and the strongest part.
  const at = lines.findIndex((line) => line.startsWith('距离约') || line.startsWith('排序加分最多'))
  return at < 0 ? [...lines, ...shared] : [...lines.slice(0, at), ...shared, ...lines.slice(at)]
}
