import { type Actor, requirePermission } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { viewerOf, visibleFilter } from '../../platform/registry/confidentiality'
import type { SearchHit } from '../../platform/search'
import { capabilityCategoryLabels, carrierKindLabels, carrierLevelLabels } from '../carriers/labels'
import type { CapabilityCategory } from '../carriers/schema'
import { carriersOfOrganization, findCarriers } from '../carriers/service'
import { THINK_TANK_LABEL } from '../evaluations/assignment/types'
import { tanksFor } from '../evaluations/labels'
import { findRoundConflicts } from '../evaluations/profiles'
import { industryNames } from '../industries/service'
import { investorKindLabels } from '../investors/labels'
import { investorsVisibleTo } from '../investors/service'
import { getJurisdiction, jurisdictionNames, secretScope } from '../jurisdictions/service'
import { managesProject } from '../projects/access'
import { findProjects, visibleProject } from '../projects/service'
import { statusLabels } from '../projects/status-flow'
import { rankCarriersForProject } from './carriers'
import { matchExpertsForProject } from './experts'
import { INVESTABLE_STATUSES, investorFit } from './investor-fit'
import { investorReranker, investorScore } from './investor-reranker'
import { type Judgement, keepJudged, listingDepth, markJudged, ownJudgements } from './judgements'
import type { MatchResult } from './service'

export const PROJECT_TARGETS = ['expert', 'carrier', 'investor'] as const
export type ProjectTarget = (typeof PROJECT_TARGETS)[number]

export const PROJECT_PAIR_LABELS: Record<ProjectTarget, string> = {
  expert: '项目找专家',
  carrier: '项目找验证中心与中试平台',
  investor: '项目找投资机构',
}

export type ProjectMatchResult = MatchResult & {
  subtitle: string
  /** The caller's own 有意向 / 不相关 on this result, if given. */
  judgement?: Judgement
}
/** A result as ranked, with what the ranking saw of it (stored with a judgement, the re-ranker's training data). */
type RankedResult = ProjectMatchResult & { features: Record<string, number> }
export type ExcludedResult = { id: string; type: string; title: string; subtitle: string; reasons: string[] }
export type ProjectMatches = {
  pair: { from: 'project'; to: ProjectTarget; label: string }
  results: ProjectMatchResult[]
  excluded: ExcludedResult[]
  note?: string
}
export type RankedProjectMatches = Omit<ProjectMatches, 'results'> & { results: RankedResult[] }

const CARRIER_FIELDS: Record<string, string> = { name: '名称', capabilities: '验证能力', introduction: '简介' }

type ProjectRow = Awaited<ReturnType<typeof visibleProject>>

const emptyWhy = (parts: Record<string, number>): MatchResult['why'] => ({
  matchedTerms: [],
  fieldContributions: {},
  shared: [],
  parts,
})
const round3 = (v: number) => Math.round(v * 1000) / 1000
/** The index's generic lines; the pair writes its own Chinese for shared attributes and distance. */
const indexReasons = (lines: readonly string[]) =>
  lines.filter((r) => !r.startsWith('相同') && !r.startsWith('距离约') && !r.startsWith('技术成熟度'))

/**
 * Matches from a project (issue 4, matches 2–4): experts for its review, PoC centers and pilot platforms for its
 * stages, investors once verified. Only a project the caller may see is matched (404 otherwise), and only records
 * the caller may see are returned.
 */
export async function matchProject(
  actor: Actor,
  input: { projectId: string; toType: ProjectTarget; limit: number },
): Promise<ProjectMatches> {
  const judged = await ownJudgements(actor, { fromType: 'project', fromKey: input.projectId, toType: input.toType })
  const ranked = await rankProjectMatches(actor, { ...input, limit: listingDepth(input.limit, judged) })
  const results = ranked.results.map(({ features: _features, ...result }) => result)
  // Results the caller judged stay listed (in their place, below the first `limit` if the re-ranker moved them).
  return { ...ranked, results: markJudged(keepJudged(results, input.limit, judged), judged) }
}

/** The matches with the features each result was ranked by (for recording a judgement on one of them). */
export async function rankProjectMatches(
  actor: Actor,
  input: { projectId: string; toType: ProjectTarget; limit: number },
): Promise<RankedProjectMatches> {
  requirePermission(actor, 'match.project')
  const project = await visibleProject(actor, input.projectId)
  const pair = { from: 'project' as const, to: input.toType, label: PROJECT_PAIR_LABELS[input.toType] }
  if (input.toType === 'expert') return { pair, ...(await matchExperts(actor, project, input.limit)) }
  if (input.toType === 'carrier') return { pair, ...(await matchCarriers(actor, project, input.limit)) }
  return { pair, ...(await matchInvestors(actor, project, input.limit)) }
}

/**
 * Reviewers are chosen by the center in charge and overseen by the officers; their names and conflicts are not
 * shown to the applicant or to others (评审回避, seed 004 三(三)).
 */
function mayChooseReviewers(actor: Actor, project: ProjectRow): boolean {
  if (managesProject(actor, project)) return true
  return actor.kind === 'user' && (actor.role === 'cityOfficer' || actor.role === 'districtOfficer')
}

/** Experts by words, fields and think tanks; those with a conflict of interest are listed apart with the reason. */
async function matchExperts(actor: Actor, project: ProjectRow, limit: number) {
  if (!mayChooseReviewers(actor, project))
    throw new AppError('FORBIDDEN', '评审专家匹配仅向项目所在概念验证中心和主管部门开放（评审回避）')
  const names = await industryNames(project.industryCodes)
  const visibility = visibleFilter(viewerOf(actor, await secretScope(actor)))
  const tanks = tanksFor(project.requestedTypes)
  const matches = matchExpertsForProject(
    {
      title: project.title,
      summary: project.summary,
      industryNames: project.industryCodes.map((c) => names.get(c) ?? ''),
      disciplines: project.disciplines,
    },
    { tanks, ...(visibility ? { filter: visibility } : {}), limit },
  )
  const [row] = await findProjects([project.id])
  const { conflicts, experts } = await findRoundConflicts(
    row ? [row] : [],
    matches.map((m) => m.expertId),
    [],
  )
  const conflicted = new Map(conflicts.map((c) => [c.expertId, c.reasons]))
  const describe = (expertId: string) => {
    const e = experts.get(expertId)
    const current = e?.affiliations.find((a) => a.current)?.organizationName
    const tankNames = (e?.thinkTanks ?? []).map((t) => `${THINK_TANK_LABEL[t]}智库`)
    return { name: e?.name ?? '专家', subtitle: [current, tankNames.join('、')].filter(Boolean).join(' · '), e }
  }
  const results: RankedResult[] = []
  const excluded: ExcludedResult[] = []
  for (const m of matches) {
    const { name, subtitle, e } = describe(m.expertId)
    const conflict = conflicted.get(m.expertId)
    if (conflict) {
      excluded.push({
        id: m.expertId,
        type: 'expert',
        title: name,
        subtitle,
        reasons: conflict.map((c) => `回避：${c.detail}`),
      })
      continue
    }
    if (results.length >= limit) continue
    const sharedIndustries = (e?.industryCodes ?? []).filter((c) => project.industryCodes.includes(c))
    const sharedDisciplines = (e?.disciplines ?? []).filter((d) => project.disciplines.includes(d))
    const sharedTanks = (e?.thinkTanks ?? []).filter((t) => tanks.includes(t))
    results.push({
      id: m.expertId,
      type: 'expert',
      title: name,
      subtitle,
      score: round3(m.affinity),
      reasons: [
        ...indexReasons(m.reasons),
        ...(sharedIndustries.length ? [`同属产业：${sharedIndustries.map((c) => names.get(c) ?? c).join('、')}`] : []),
        ...(sharedDisciplines.length ? [`学科相同：${sharedDisciplines.join('、')}`] : []),
        ...(sharedTanks.length ? [`属于项目所需的${sharedTanks.map((t) => THINK_TANK_LABEL[t]).join('、')}智库`] : []),
        '未发现利益冲突',
      ],
      features: m.features,
      why: {
        ...emptyWhy({ affinity: round3(m.affinity) }),
        shared: [
          ...(sharedIndustries.length ? [{ attribute: 'industry', values: sharedIndustries }] : []),
          ...(sharedDisciplines.length ? [{ attribute: 'discipline', values: sharedDisciplines }] : []),
        ],
      },
    })
  }
  return { results, excluded }
}

/** PoC centers and pilot platforms with the capabilities the project needs, nearest to its own center first. */
async function matchCarriers(actor: Actor, project: ProjectRow, limit: number) {
  const names = await industryNames(project.industryCodes)
  const own = await carriersOfOrganization(project.centerOrgId)
  const center = own.find((c) => c.kind === 'pocCenter' && c.latitude !== null && c.longitude !== null)
  const capabilities: CapabilityCategory[] = [...project.requestedTypes, 'pilot', 'testing']
  const visibility = visibleFilter(viewerOf(actor, await secretScope(actor)))
  const hits = rankCarriersForProject(
    { ...project, industryNames: [...names.values()] },
    {
      kinds: ['pocCenter', 'pilotPlatform'],
      capabilities,
      limit,
      // The project's own center is where it already is.
      exclude: own.map((c) => c.id),
      ...(visibility ? { visibility } : {}),
      ...(center ? { near: { latitude: center.latitude!, longitude: center.longitude! } } : {}),
    },
  )
  const rows = new Map((await findCarriers(hits.map((h) => h.id))).map((r) => [r.id, r]))
  const areas = await jurisdictionNames([...rows.values()].map((r) => r.jurisdictionCode))
  const results = hits.flatMap((hit: SearchHit): RankedResult[] => {
    const row = rows.get(hit.id)
    if (!row || row.archivedAt) return []
    const r = hit.reasons
    const industries = row.industryCodes.filter((c) => project.industryCodes.includes(c))
    const offered = [...new Set(row.capabilities.map((c) => c.category))].filter((c) => capabilities.includes(c))
    const distanceKm = r?.distanceKm === undefined ? undefined : Math.round(r.distanceKm * 10) / 10
    const level = row.level ? carrierLevelLabels[row.level] : undefined
    return [
      {
        id: row.id,
        type: 'carrier',
        title: row.name,
        subtitle: [carrierKindLabels[row.kind], areas.get(row.jurisdictionCode), level].filter(Boolean).join(' · '),
        score: round3(hit.score),
        reasons: [
          ...indexReasons(r?.summary ?? []),
          ...(offered.length ? [`具备所需能力：${offered.map((c) => capabilityCategoryLabels[c]).join('、')}`] : []),
          ...(industries.length ? [`同属产业：${industries.map((c) => names.get(c) ?? c).join('、')}`] : []),
          ...(level ? [`${level}${row.accreditationStatus === 'accredited' ? '（已认定）' : ''}`] : []),
          ...(distanceKm !== undefined ? [`距项目所在概念验证中心约 ${Math.round(distanceKm)} 公里`] : []),
        ],
        why: {
          matchedTerms: (r?.matchedTerms ?? []).map((t) => ({
            word: t.word,
            via: t.via,
            fields: Object.keys(t.occurrences).map((f) => CARRIER_FIELDS[f] ?? f),
          })),
          fieldContributions: {},
          shared: [
            ...(industries.length ? [{ attribute: 'industry', values: industries }] : []),
            ...(offered.length ? [{ attribute: 'capability', values: offered }] : []),
          ],
          ...(distanceKm !== undefined ? { distanceKm } : {}),
          parts: Object.fromEntries(Object.entries(r?.contributions ?? {}).map(([k, v]) => [k, round3(v ?? 0)])),
        },
        features: { ...r?.features },
      },
    ]
  })
  return { results, excluded: [] }
}

async function areasContaining(code: string): Promise<string[]> {
  const out: string[] = []
  let current: string | null | undefined = code
  while (current && out.length < 4) {
    out.push(current)
    current = (await getJurisdiction(current))?.parentCode
  }
  return out
}

/** Investment institutions by stage, field, ticket size and area, once the project is verified. */
async function matchInvestors(actor: Actor, project: ProjectRow, limit: number) {
  if (!(INVESTABLE_STATUSES as readonly string[]).includes(project.status))
    return {
      results: [],
      excluded: [],
      note: `项目完成概念验证后（已验证、已移交中试或已落地）方可匹配投资机构，当前状态：${statusLabels[project.status]}`,
    }
  const investors = await investorsVisibleTo(actor)
  const names = await industryNames([...project.industryCodes, ...investors.flatMap((i) => i.industryCodes)])
  const areaNames = await jurisdictionNames(investors.flatMap((i) => [i.jurisdictionCode, ...i.jurisdictionCodes]))
  const facts = {
    status: project.status,
    trl: project.trl,
    industryCodes: project.industryCodes,
    industryNames: names,
    text: `${project.title} ${project.summary}`,
    budgetFen: Number(project.budgetFen),
    areas: await areasContaining(project.jurisdictionCode),
  }
  const reranker = investorReranker()
  const results = investors
    .flatMap((investor): RankedResult[] => {
      const fit = investorFit(facts, investor, areaNames)
      if (!fit) return []
      return [
        {
          id: investor.orgId,
          type: 'investor',
          title: investor.name,
          subtitle: [investorKindLabels[investor.kind], areaNames.get(investor.jurisdictionCode)]
            .filter(Boolean)
            .join(' · '),
          // The fit's weights until feedback has trained the investor re-ranker.
          score: investorScore(reranker, fit.parts),
          reasons: fit.reasons,
          why: emptyWhy(fit.parts),
          features: { ...fit.parts },
        },
      ]
    })
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'zh-CN'))
    .slice(0, limit)
  return { results, excluded: [] }
}
