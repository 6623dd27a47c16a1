import type { Conflict, ConflictReason } from './types'

/**
 * Conflict-of-interest rules for evaluation rounds (issue 5, 入库评价 回避): who may not review which project, and
 * why. Pure: profiles in, conflicts with Chinese reasons out; the registries supply the profiles. Dates are
 * calendar dates 'YYYY-MM-DD' (Asia/Shanghai business dates).
 */

export interface ConflictRules {
  /** Ties that ended this many years ago or less still count (issue 5: "now or within 3 years"). */
  lookbackYears: number
}

export const DEFAULT_CONFLICT_RULES: ConflictRules = { lookbackYears: 3 }

export type RelationKind = 'advisor' | 'student' | 'family' | 'partner'
export type TieKind = 'employment' | 'shareholding' | 'contract'

export interface ExpertProfile {
  id: string
  personId: string
  /** Organizations the expert works or worked for; `to` absent means current. */
  affiliations: readonly { orgId: string; orgName?: string; from?: string; to?: string }[]
  /** Declared relationships with people. */
  relations: readonly { personId: string; kind: RelationKind }[]
  /** Employment, shareholding or contracts with enterprises (from the enterprise registry). */
  ties: readonly { orgId: string; orgName?: string; kind: TieKind; from?: string; to?: string }[]
  /** Conflicts the expert declares himself. */
  declared: readonly { projectId: string; note: string }[]
}

export interface ProjectProfile {
  id: string
  /** Applicant institution and the team members' organizations. */
  organizationIds: readonly string[]
  teamPersonIds: readonly string[]
  /** Inventors and authors of the project's source achievements. */
  contributorPersonIds: readonly string[]
  /** The enterprise(s) the project belongs to or transfers to. */
  enterpriseIds: readonly string[]
  /** Enterprises competing in the project's field. */
  competitorIds: readonly string[]
}

const RELATION_LABEL: Record<RelationKind, string> = {
  advisor: '师生（导师）',
  student: '师生（学生）',
  family: '亲属',
  partner: '合作伙伴',
}

const TIE_LABEL: Record<TieKind, string> = { employment: '任职', shareholding: '持股', contract: '合同' }

/** The earliest end date that still counts: asOf minus `years` (29 February falls back to 28 February). */
export function lookbackStart(asOf: string, years: number): string {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number]
  const target = year - years
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate()
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`
}

/** Active on asOf, or ended on or after the lookback start. */
function counts(period: { from?: string; to?: string }, asOf: string, cutoff: string): boolean {
  if (period.from !== undefined && period.from > asOf) return false
  return period.to === undefined || period.to >= cutoff
}

function periodText(period: { to?: string }, asOf: string, years: number): string {
  return period.to === undefined || period.to >= asOf ? '现存' : `${period.to} 结束，未满 ${years} 年`
}

function indexBy(projects: readonly ProjectProfile[], ids: (project: ProjectProfile) => readonly string[]) {
  const index = new Map<string, number[]>()
  projects.forEach((project, p) => {
    for (const id of new Set(ids(project))) {
      const list = index.get(id)
      if (list) list.push(p)
      else index.set(id, [p])
    }
  })
  return index
}

export function findConflicts(
  projects: readonly ProjectProfile[],
  experts: readonly ExpertProfile[],
  asOf: string,
  rules: ConflictRules = DEFAULT_CONFLICT_RULES,
): Conflict[] {
  const cutoff = lookbackStart(asOf, rules.lookbackYears)
  const years = rules.lookbackYears
  const byOrganization = indexBy(projects, (project) => project.organizationIds)
  const byTeam = indexBy(projects, (project) => project.teamPersonIds)
  const byContributor = indexBy(projects, (project) => project.contributorPersonIds)
  const byEnterprise = indexBy(projects, (project) => project.enterpriseIds)
  const byCompetitor = indexBy(projects, (project) => project.competitorIds)
  const projectIndex = new Map(projects.map((project, p) => [project.id, p]))
  const conflicts: Conflict[] = []

  for (const expert of experts) {
    const reasons = new Map<number, ConflictReason[]>()
    const add = (ps: readonly number[] | undefined, reason: ConflictReason) => {
      for (const p of ps ?? []) {
        const list = reasons.get(p) ?? []
        if (!list.some((known) => known.kind === reason.kind && known.detail === reason.detail)) list.push(reason)
        reasons.set(p, list)
      }
    }
    for (const affiliation of expert.affiliations) {
      if (!counts(affiliation, asOf, cutoff)) continue
      const detail = `与项目同单位（${affiliation.orgName ?? affiliation.orgId}，${periodText(affiliation, asOf, years)}）`
      add(byOrganization.get(affiliation.orgId), { kind: 'same-organization', detail })
    }
    add(byTeam.get(expert.personId), { kind: 'team-member', detail: '本人是项目团队成员' })
    add(byContributor.get(expert.personId), { kind: 'co-author', detail: '是项目成果的共同发明人或作者' })
    for (const relation of expert.relations) {
      const detail = `与项目成员存在${RELATION_LABEL[relation.kind]}关系`
      add(byTeam.get(relation.personId), { kind: 'declared-relationship', detail })
      add(byContributor.get(relation.personId), { kind: 'declared-relationship', detail })
    }
    for (const tie of expert.ties) {
      if (!counts(tie, asOf, cutoff)) continue
      const name = tie.orgName ?? tie.orgId
      const how = `${TIE_LABEL[tie.kind]}，${periodText(tie, asOf, years)}`
      add(byEnterprise.get(tie.orgId), { kind: 'enterprise-tie', detail: `与项目企业（${name}）存在${how}关系` })
      add(byCompetitor.get(tie.orgId), { kind: 'competitor-tie', detail: `与同领域竞争企业（${name}）存在${how}关系` })
    }
    // A current or recent employer that competes with the project is a competitor tie as well.
    for (const affiliation of expert.affiliations) {
      if (!counts(affiliation, asOf, cutoff)) continue
      const detail = `任职单位（${affiliation.orgName ?? affiliation.orgId}）与项目企业同领域竞争`
      add(byCompetitor.get(affiliation.orgId), { kind: 'competitor-tie', detail })
    }
    for (const declared of expert.declared) {
      const p = projectIndex.get(declared.projectId)
      if (p !== undefined) add([p], { kind: 'self-declared', detail: `专家申报回避：${declared.note}` })
    }
    for (const [p, list] of reasons) conflicts.push({ projectId: projects[p]!.id, expertId: expert.id, reasons: list })
  }
  return conflicts
}
