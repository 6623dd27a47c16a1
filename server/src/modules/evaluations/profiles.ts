import { db } from '../../db'
import { systemActor } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { getAchievement } from '../achievements/service'
import { getEnterprise } from '../enterprises/service'
import { type ExpertConflictFacts, findExpertsForConflicts } from '../experts/service'
import { findOrganizations } from '../organizations/service'
import type { findProjects } from '../projects/service'
import { type Conflict, type ExpertProfile, findConflicts, type ProjectProfile } from './assignment'
import type { RelationKind, TieKind } from './assignment/conflicts'

export type ProjectRow = Awaited<ReturnType<typeof findProjects>>[number]
type Member = { name: string; organization?: string | null }
type PersonRef = { key: string; expertId: string; name: string; orgNames: string[]; label: string; other: boolean }
export type DeclaredInRound = { projectId: string; expertId: string; note: string }

const reader = systemActor('入库评价回避审查')
const normal = (name: string) => name.replace(/\s+/g, '')
const unique = <T>(items: readonly T[]) => [...new Set(items)]

/** An organization is known by its registered id and by its name (registries also hold unregistered names). */
function orgKeys(id: string | null | undefined, name: string | null | undefined): string[] {
  return [...(id ? [`id:${id}`] : []), ...(name?.trim() ? [`name:${normal(name)}`] : [])]
}

/** Same person: same name, and the same organization where both sides name one. */
function samePerson(member: Member, ref: PersonRef): boolean {
  if (normal(member.name) !== normal(ref.name)) return false
  const org = member.organization?.trim()
  return !org || ref.orgNames.length === 0 || ref.orgNames.some((o) => normal(o) === normal(org))
}

const RELATION: Partial<Record<string, RelationKind>> = {
  advisorStudent: 'advisor',
  family: 'family',
  partner: 'partner',
}
const TIE: Partial<Record<string, TieKind>> = {
  employment: 'employment',
  shareholding: 'shareholding',
  contract: 'contract',
}

function personRefs(expert: ExpertConflictFacts): PersonRef[] {
  const self = {
    key: `expert:${expert.expertId}`,
    expertId: expert.expertId,
    name: expert.name,
    orgNames: expert.affiliations.map((a) => a.organizationName),
    label: expert.name,
    other: false,
  }
  return [
    self,
    ...expert.relationships.map((r, i) => ({
      key: `relation:${expert.expertId}:${i}`,
      expertId: expert.expertId,
      name: r.personName,
      orgNames: r.organizationName ? [r.organizationName] : [],
      label: `${r.personName}${r.note ? `（${r.note}）` : ''}`,
      other: !RELATION[r.kind],
    })),
  ]
}

const period = (p: { from: string | null; to: string | null }) => ({
  ...(p.from ? { from: p.from } : {}),
  ...(p.to ? { to: p.to } : {}),
})

async function readSources(projects: readonly ProjectFacts[]) {
  const achievements = new Map<string, { ownerOrgId: string; team: Member[] }>()
  for (const id of unique(projects.flatMap((p) => p.achievementIds))) {
    const a = await getAchievement(reader, id).catch(() => undefined)
    if (a) achievements.set(id, { ownerOrgId: a.ownerOrgId, team: a.team })
  }
  return achievements
}

async function enterpriseFields(ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  for (const id of unique(ids)) {
    const enterprise = await getEnterprise(reader, id).catch(() => undefined)
    if (enterprise) out.set(id, enterprise.industryCodes)
  }
  return out
}

type Organization = { name: string; kind: string }
export type ProjectFacts = Pick<
  ProjectRow,
  'id' | 'applicantOrgId' | 'applicantUserId' | 'team' | 'achievementIds' | 'industryCodes'
>
/** What the rules read from the registries, gathered beforehand (outside a transaction, or in the seed's). */
export type ConflictSources = {
  experts: ExpertConflictFacts[]
  achievements: ReadonlyMap<string, { ownerOrgId: string; team: Member[] }>
  organizations: ReadonlyMap<string, Organization>
  /** Enterprise → its industry nodes (for “a competitor in the same field”). */
  enterpriseFields: ReadonlyMap<string, string[]>
}

/** The organizations a conflict check needs to know by kind and name. */
export function organizationIdsFor(
  projects: readonly ProjectFacts[],
  sources: Omit<ConflictSources, 'organizations' | 'enterpriseFields'>,
) {
  return unique(
    [
      ...projects.map((p) => p.applicantOrgId),
      ...[...sources.achievements.values()].map((a) => a.ownerOrgId),
      ...sources.experts.flatMap((e) => [
        ...e.affiliations.map((a) => a.organizationId),
        ...e.enterpriseTies.map((t) => t.organizationId),
      ]),
    ].filter((id): id is string => !!id),
  )
}

/**
 * Conflicts of interest between a round's projects and experts (issue 5, 回避): the registries' facts turned into
 * the rule engine's profiles. People are matched by name (and organization where both sides give one);
 * organizations by registered id or by name. A competitor is an enterprise sharing an industry node with a project
 * that has an enterprise of its own. Relationships and ties of kind “其他”, and conflicts declared against an
 * organization, count as the expert's own declarations.
 */
export function buildRoundConflicts(
  projects: readonly ProjectFacts[],
  sources: ConflictSources,
  declaredInRounds: readonly DeclaredInRound[],
  asOf: string,
): Conflict[] {
  const { experts: facts, achievements, organizations: orgById, enterpriseFields: fields } = sources
  const isEnterprise = (id: string) => orgById.get(id)?.kind === 'enterprise'
  const keysOf = (id: string) => orgKeys(id, orgById.get(id)?.name)
  const refs = facts.flatMap(personRefs)
  const declared: DeclaredInRound[] = [...declaredInRounds]
  const projectProfiles: ProjectProfile[] = projects.map((p) => {
    const sources = p.achievementIds.flatMap((id) => achievements.get(id) ?? [])
    const enterprises = unique([p.applicantOrgId, ...sources.map((s) => s.ownerOrgId)].filter(isEnterprise))
    const organizationIds = unique([
      ...keysOf(p.applicantOrgId),
      ...sources.flatMap((s) => keysOf(s.ownerOrgId)),
      ...p.team.flatMap((m) => orgKeys(null, m.organization)),
    ])
    const team = refs.filter((r) => p.team.some((m) => samePerson(m, r)))
    const applicant = facts.filter((e) => e.userId && e.userId === p.applicantUserId)
    const contributors = refs.filter((r) => sources.some((s) => s.team.some((m) => samePerson(m, r))))
    const projectFields = new Set([...p.industryCodes, ...enterprises.flatMap((id) => fields.get(id) ?? [])])
    const competitors =
      enterprises.length === 0
        ? []
        : [...fields.entries()]
            .filter(([id, codes]) => !enterprises.includes(id) && codes.some((c) => projectFields.has(c)))
            .flatMap(([id]) => keysOf(id))
    const enterpriseIds = enterprises.flatMap(keysOf)
    for (const r of [...team, ...contributors].filter((ref) => ref.other)) {
      declared.push({ projectId: p.id, expertId: r.expertId, note: `与项目成员${r.label}存在其他关系` })
    }
    for (const e of facts) {
      for (const t of e.enterpriseTies.filter((tie) => !TIE[tie.kind])) {
        const keys = orgKeys(t.organizationId, t.organizationName)
        if (keys.some((k) => enterpriseIds.includes(k) || competitors.includes(k)))
          declared.push({ projectId: p.id, expertId: e.expertId, note: `与企业（${t.organizationName}）存在其他关联` })
      }
      for (const c of e.declaredConflicts) {
        const keys = orgKeys(c.organizationId, c.organizationName)
        if (c.projectId === p.id || keys.some((k) => organizationIds.includes(k) || enterpriseIds.includes(k)))
          declared.push({ projectId: p.id, expertId: e.expertId, note: c.text })
      }
    }
    return {
      id: p.id,
      organizationIds,
      teamPersonIds: unique([...team.map((r) => r.key), ...applicant.map((e) => `expert:${e.expertId}`)]),
      contributorPersonIds: unique(contributors.map((r) => r.key)),
      enterpriseIds,
      competitorIds: unique(competitors),
    }
  })

  const expertProfiles: ExpertProfile[] = facts.map((e) => ({
    id: e.expertId,
    personId: `expert:${e.expertId}`,
    affiliations: e.affiliations.flatMap((a) =>
      orgKeys(a.organizationId, a.organizationName).map((orgId) => ({
        orgId,
        orgName: a.organizationName,
        ...period(a),
      })),
    ),
    relations: e.relationships.flatMap((r, i) => {
      const kind = RELATION[r.kind]
      return kind ? [{ personId: `relation:${e.expertId}:${i}`, kind }] : []
    }),
    ties: e.enterpriseTies.flatMap((t) => {
      const kind = TIE[t.kind]
      if (!kind) return []
      return orgKeys(t.organizationId, t.organizationName).map((orgId) => ({
        orgId,
        orgName: t.organizationName,
        kind,
        ...period(t),
      }))
    }),
    declared: declared.filter((d) => d.expertId === e.expertId).map((d) => ({ projectId: d.projectId, note: d.note })),
  }))
  return findConflicts(projectProfiles, expertProfiles, asOf)
}

/** Reads the registries for a round and applies the rules. Reads the database: call it outside a transaction. */
export async function findRoundConflicts(
  projects: readonly ProjectRow[],
  expertIds: readonly string[],
  declaredInRounds: readonly DeclaredInRound[],
): Promise<{ conflicts: Conflict[]; experts: Map<string, ExpertConflictFacts> }> {
  const experts = await findExpertsForConflicts(expertIds)
  const achievements = await readSources(projects)
  const ids = organizationIdsFor(projects, { experts, achievements })
  const organizations = new Map((await findOrganizations(db, { ids })).map((o) => [o.id, o]))
  const enterprises = await enterpriseFields(ids.filter((id) => organizations.get(id)?.kind === 'enterprise'))
  const sources = { experts, achievements, organizations, enterpriseFields: enterprises }
  const conflicts = buildRoundConflicts(projects, sources, declaredInRounds, todayInShanghai(now()))
  return { conflicts, experts: new Map(experts.map((e) => [e.expertId, e])) }
}
