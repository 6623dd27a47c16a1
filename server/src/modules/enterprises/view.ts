import type { Actor } from '../../platform/auth/actor'
import { can } from '../../platform/auth/actor'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import { segment } from '../../platform/text/tokenize'
import type { StoredDocument } from '../search/service'
import type { Enterprise } from './contracts'
import { gbtName } from './gbt4754'
import { tierGrantLabel, tierKeys } from './labels'
import type { enterpriseProfiles } from './schema'

export type Row = typeof enterpriseProfiles.$inferSelect
export type OrgFacts = { name: string; uscc: string | null }
export type Lookups = {
  orgs: Map<string, OrgFacts>
  areaNames: Map<string, string>
  industryNames: Map<string, string>
  /** The areas the actor oversees as an officer ('none' for everyone else). */
  editableAreas: string[] | 'all' | 'none'
}

export const RECORD_TYPE = 'enterprise'

const inArea = (areas: Lookups['editableAreas'], code: string) =>
  areas === 'all' || (Array.isArray(areas) && areas.includes(code))

/** The enterprise itself, or an officer over its area. */
export function canEditRow(
  actor: Actor,
  row: Pick<Row, 'ownerOrgId' | 'jurisdictionCode'>,
  editableAreas: Lookups['editableAreas'],
): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind !== 'user' || !can(actor, 'enterprise.write')) return false
  return row.ownerOrgId === actor.orgId || inArea(editableAreas, row.jurisdictionCode)
}

/** A contact person's phone and e-mail are personal information: the enterprise and officers over its area only. */
export function canSeeContact(
  actor: Actor,
  row: Pick<Row, 'ownerOrgId' | 'jurisdictionCode'>,
  editableAreas: Lookups['editableAreas'],
): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind !== 'user') return false
  return row.ownerOrgId === actor.orgId || inArea(editableAreas, row.jurisdictionCode)
}

export function toEnterprise(row: Row, actor: Actor, lookups: Lookups): Enterprise {
  const org = lookups.orgs.get(row.id)
  return {
    id: row.id,
    name: org?.name ?? '',
    uscc: org?.uscc ?? null,
    tiers: [...row.tiers]
      .sort((a, b) => b.year - a.year)
      .map((g) => ({ tier: g.tier, year: g.year, level: g.level ?? null, label: tierGrantLabel(g) })),
    gbtSection: row.gbtSection,
    gbtSectionName: gbtName(row.gbtSection),
    gbtDivision: row.gbtDivision,
    gbtDivisionName: gbtName(row.gbtDivision),
    industryCodes: row.industryCodes,
    industries: row.industryCodes.map((code) => ({ code, name: lookups.industryNames.get(code) ?? code })),
    yearly: [...row.yearly]
      .sort((a, b) => b.year - a.year)
      .map((y) => ({
        year: y.year,
        rdSpendingFen: y.rdSpendingFen,
        revenueFen: y.revenueFen ?? null,
        employees: y.employees ?? null,
      })),
    mainProducts: row.mainProducts,
    keywords: row.keywords,
    description: row.description,
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    contact: canSeeContact(actor, row, lookups.editableAreas)
      ? { name: row.contactName, phone: row.contactPhone, email: row.contactEmail }
      : null,
    ownerOrgId: row.ownerOrgId,
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
    canEdit: canEditRow(actor, row, lookups.editableAreas),
  }
}

/** The latest year with R&D spending, for lists. */
export function latestRdSpending(row: Row): { year: number; fen: number } | null {
  const latest = [...row.yearly].sort((a, b) => b.year - a.year)[0]
  return latest ? { year: latest.year, fen: latest.rdSpendingFen } : null
}

/** Index document: name ×3, products and keywords ×2, description ×1 — never the contact. */
export function searchDocumentOf(row: Row, name: string): StoredDocument {
  return {
    fields: {
      name: segment(name),
      products: [...row.mainProducts, ...row.keywords].flatMap((k) => segment(k)),
      description: segment(row.description),
    },
    attributes: {
      confidentiality: row.confidentiality,
      ownerOrg: row.ownerOrgId,
      jurisdiction: row.jurisdictionCode,
      grantees: [],
      tier: tierKeys(row.tiers),
      gbtSection: row.gbtSection,
      gbtDivision: row.gbtDivision,
      industry: row.industryCodes,
      status: row.archivedAt ? 'archived' : 'active',
      updated: Math.floor(row.updatedAt.getTime() / 86_400_000),
    },
  }
}

export const ENTERPRISE_INDEX = {
  fields: [
    { name: 'name', weight: 3, b: 0.5, label: '企业名称' },
    { name: 'products', weight: 2, b: 0.3, label: '主要产品与关键词' },
    { name: 'description', weight: 1, b: 0.75, label: '企业简介' },
  ],
  attributes: {
    confidentiality: 'keyword',
    ownerOrg: 'keyword',
    jurisdiction: 'keyword',
    grantees: 'keywords',
    tier: 'keywords',
    gbtSection: 'keyword',
    gbtDivision: 'keyword',
    industry: 'keywords',
    status: 'keyword',
    updated: 'number',
  },
  agreementAttributes: ['industry'],
} as const
