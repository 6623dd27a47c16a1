import type { Actor } from '../../platform/auth/actor'
import { can } from '../../platform/auth/actor'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import { categoryOfDiscipline } from '../../platform/registry/disciplines'
import { segment } from '../../platform/text/tokenize'
import type { StoredDocument } from '../search/service'
import type { Expert } from './contracts'
import {
  availabilityLabels,
  dayNumber,
  effectiveAvailability,
  relationshipKindLabels,
  thinkTankLabels,
  tieKindLabels,
} from './labels'
import type { experts } from './schema'

export type Row = typeof experts.$inferSelect
export type Lookups = {
  orgNames: Map<string, string>
  areaNames: Map<string, string>
  industryNames: Map<string, string>
  /** The areas the actor oversees as an officer ('none' for everyone else). */
  officerAreas: string[] | 'all' | 'none'
}

export const RECORD_TYPE = 'expert'

const inArea = (areas: Lookups['officerAreas'], code: string) =>
  areas === 'all' || (Array.isArray(areas) && areas.includes(code))

type Owned = Pick<Row, 'ownerOrgId' | 'jurisdictionCode' | 'userId'>

/**
 * Contact, declared relationships, ties and conflicts are personal information (个人信息保护法): the owner
 * organization, officers over the expert's area and the expert themself — nobody else, anywhere.
 */
export function canSeePersonal(actor: Actor, row: Owned, officerAreas: Lookups['officerAreas']): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind !== 'user') return false
  return (
    row.ownerOrgId === actor.orgId ||
    (row.userId !== null && row.userId === actor.userId) ||
    inArea(officerAreas, row.jurisdictionCode)
  )
}

/** The owner organization and officers over the area; an expert account only its own linked profile. */
export function canEditRow(actor: Actor, row: Owned, officerAreas: Lookups['officerAreas']): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind !== 'user' || !can(actor, 'expert.write')) return false
  if (actor.role === 'expert') return row.userId !== null && row.userId === actor.userId
  return row.ownerOrgId === actor.orgId || inArea(officerAreas, row.jurisdictionCode)
}

export function categoriesOf(disciplines: readonly string[]): string[] {
  return [...new Set(disciplines.map((d) => categoryOfDiscipline(d)).filter((c): c is string => !!c))]
}

export function toExpert(row: Row, actor: Actor, lookups: Lookups): Expert {
  const personal = canSeePersonal(actor, row, lookups.officerAreas)
  const availability = effectiveAvailability(row.availability, row.busyUntil)
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    currentOrganization: row.currentOrgName ? { id: row.currentOrgId, name: row.currentOrgName } : null,
    disciplines: row.disciplines,
    categories: categoriesOf(row.disciplines),
    industryCodes: row.industryCodes,
    industries: row.industryCodes.map((code) => ({ code, name: lookups.industryNames.get(code) ?? code })),
    keywords: row.keywords,
    thinkTanks: row.thinkTanks,
    thinkTankLabels: row.thinkTanks.map((t) => thinkTankLabels[t]),
    affiliations: row.affiliations.map((a) => ({
      organizationId: a.organizationId ?? null,
      organizationName: a.organizationName,
      position: a.position ?? null,
      from: a.from ?? null,
      to: a.to ?? null,
    })),
    availability,
    availabilityLabel: availabilityLabels[availability],
    busyUntil: availability === 'busy' ? row.busyUntil : null,
    personal: personal
      ? {
          contactPhone: row.contactPhone,
          contactEmail: row.contactEmail,
          linkedAccount: row.userId !== null,
          relationships: row.relationships.map((r) => ({
            kind: r.kind,
            kindLabel: relationshipKindLabels[r.kind],
            personName: r.personName,
            organizationId: r.organizationId ?? null,
            organizationName: r.organizationName ?? null,
            note: r.note ?? null,
          })),
          enterpriseTies: row.enterpriseTies.map((t) => ({
            kind: t.kind,
            kindLabel: tieKindLabels[t.kind],
            organizationId: t.organizationId ?? null,
            organizationName: t.organizationName,
            from: t.from ?? null,
            to: t.to ?? null,
            note: t.note ?? null,
          })),
          declaredConflicts: row.declaredConflicts.map((c) => ({
            text: c.text,
            projectId: c.projectId ?? null,
            organizationId: c.organizationId ?? null,
            organizationName: c.organizationName ?? null,
            declaredOn: c.declaredOn,
          })),
        }
      : null,
    isSelf: actor.kind === 'user' && row.userId !== null && row.userId === actor.userId,
    ownerOrgId: row.ownerOrgId,
    ownerOrgName: lookups.orgNames.get(row.ownerOrgId) ?? '',
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: lookups.areaNames.get(row.jurisdictionCode) ?? row.jurisdictionCode,
    confidentiality: row.confidentiality,
    confidentialityLabel: confidentialityLabels[row.confidentiality],
    source: row.source,
    sourceLabel: row.sourceLabel,
    archived: row.archivedAt !== null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: canEditRow(actor, row, lookups.officerAreas),
  }
}

/** The personal columns, blanked wherever a record is shown to someone who may not see them (history). */
export const PERSONAL_FIELDS = [
  'contactPhone',
  'contactEmail',
  'userId',
  'relationships',
  'enterpriseTies',
  'declaredConflicts',
] as const

/**
 * Index document: name, fields (disciplines and industries by name), keywords, affiliations — never contact,
 * relationships, ties or conflicts. `industryNames` is read before the write transaction.
 */
export function searchDocumentOf(row: Row, industryNames: ReadonlyMap<string, string>): StoredDocument {
  const organizations = [row.currentOrgName, ...row.affiliations.map((a) => a.organizationName)].filter(
    (n): n is string => !!n,
  )
  return {
    fields: {
      name: segment(row.name),
      fields: [...row.disciplines, ...row.industryCodes.map((c) => industryNames.get(c) ?? '')].flatMap((t) =>
        segment(t),
      ),
      keywords: row.keywords.flatMap((k) => segment(k)),
      affiliations: [...new Set(organizations)].flatMap((o) => segment(o)),
    },
    attributes: {
      confidentiality: row.confidentiality,
      ownerOrg: row.ownerOrgId,
      jurisdiction: row.jurisdictionCode,
      // The linked expert sees their own profile whatever its confidentiality, as the SQL rule does.
      grantees: row.userId ? [row.userId] : [],
      thinkTank: row.thinkTanks,
      category: categoriesOf(row.disciplines),
      discipline: row.disciplines,
      industry: row.industryCodes,
      availability: row.availability,
      busyUntil: row.busyUntil ? dayNumber(row.busyUntil) : null,
      status: row.archivedAt ? 'archived' : 'active',
      updated: Math.floor(row.updatedAt.getTime() / 86_400_000),
    },
  }
}

export const EXPERT_INDEX = {
  fields: [
    { name: 'name', weight: 3, b: 0.3, label: '姓名' },
    { name: 'keywords', weight: 2, b: 0.3, label: '关键词' },
    { name: 'fields', weight: 2, b: 0.5, label: '学科与产业' },
    { name: 'affiliations', weight: 1, b: 0.5, label: '任职单位' },
  ],
  attributes: {
    confidentiality: 'keyword',
    ownerOrg: 'keyword',
    jurisdiction: 'keyword',
    grantees: 'keywords',
    thinkTank: 'keywords',
    category: 'keywords',
    discipline: 'keywords',
    industry: 'keywords',
    availability: 'keyword',
    busyUntil: 'number',
    status: 'keyword',
    updated: 'number',
  },
  agreementAttributes: ['discipline', 'industry'],
} as const
