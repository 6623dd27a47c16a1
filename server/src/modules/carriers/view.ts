import type { Actor } from '../../platform/auth/actor'
import { can } from '../../platform/auth/actor'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import type { SearchIndexConfig } from '../../platform/search'
import { segment } from '../../platform/text/tokenize'
import type { StoredDocument } from '../search/service'
import type { Carrier } from './contracts'
import {
  accreditationLabels,
  capabilityCategoryLabels,
  carrierKindLabels,
  carrierLevelLabels,
  carrierSubtypeLabels,
  directorRoleLabels,
} from './labels'
import type { carriers } from './schema'

export type Row = typeof carriers.$inferSelect
export type Lookups = {
  orgNames: Map<string, string>
  areaNames: Map<string, string>
  industryNames: Map<string, string>
  editableAreas: string[] | 'all' | 'none'
}

export const RECORD_TYPE = 'carrier'

/** Whether the actor may change this carrier: its own organization, or an officer over its area. */
export function canEditRow(
  actor: Actor,
  row: Pick<Row, 'ownerOrgId' | 'jurisdictionCode'>,
  editableAreas: Lookups['editableAreas'],
): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind !== 'user' || !can(actor, 'carrier.write')) return false
  if (row.ownerOrgId === actor.orgId) return true
  return editableAreas === 'all' || (Array.isArray(editableAreas) && editableAreas.includes(row.jurisdictionCode))
}

export const priceLabel = (priceFen: number | null, unit: string) =>
  priceFen === null ? '面议' : `${(priceFen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元/${unit}`

export function toCarrier(row: Row, actor: Actor, lookups: Lookups): Carrier {
  const roles = new Set(row.directors.map((d) => d.role))
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kindLabel: carrierKindLabels[row.kind],
    subtype: row.subtype,
    subtypeLabel: row.subtype ? carrierSubtypeLabels[row.subtype] : null,
    industryCodes: row.industryCodes,
    industries: row.industryCodes.map((code) => ({ code, name: lookups.industryNames.get(code) ?? code })),
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    capabilities: row.capabilities.map((c) => ({
      name: c.name,
      description: c.description,
      category: c.category,
      categoryLabel: capabilityCategoryLabels[c.category],
    })),
    feeStandards: row.feeStandards.map((f) => ({ ...f, priceLabel: priceLabel(f.priceFen, f.unit) })),
    level: row.level,
    levelLabel: row.level ? carrierLevelLabels[row.level] : '未定级',
    accreditationStatus: row.accreditationStatus,
    accreditationLabel: accreditationLabels[row.accreditationStatus],
    accreditationYear: row.accreditationYear,
    directors: row.directors.map((d) => ({ ...d, roleLabel: directorRoleLabels[d.role] })),
    hasDualDirectors: roles.has('administrative') && roles.has('technical'),
    hostInstitution: row.hostInstitution,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    introduction: row.introduction,
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
    canEdit: canEditRow(actor, row, lookups.editableAreas),
  }
}

/** What the index holds for a carrier: tokens per field, and the attributes filters, facets and distance use. */
export function searchDocumentOf(row: Row): StoredDocument {
  return {
    fields: {
      name: segment(row.name),
      capabilities: row.capabilities.flatMap((c) => [
        ...segment(c.name),
        ...segment(capabilityCategoryLabels[c.category]),
        ...segment(c.description ?? ''),
      ]),
      introduction: segment(row.introduction),
    },
    attributes: {
      confidentiality: row.confidentiality,
      ownerOrg: row.ownerOrgId,
      jurisdiction: row.jurisdictionCode,
      grantees: [],
      kind: row.kind,
      subtype: row.subtype,
      level: row.level,
      accreditation: row.accreditationStatus,
      industry: row.industryCodes,
      capability: [...new Set(row.capabilities.map((c) => c.category))],
      longitude: row.longitude,
      latitude: row.latitude,
      status: row.archivedAt ? 'archived' : 'active',
      updated: Math.floor(row.updatedAt.getTime() / 86_400_000),
      source: row.source,
    },
  }
}

export const CARRIER_INDEX: SearchIndexConfig = {
  fields: [
    { name: 'name', weight: 3, b: 0.6, label: '名称' },
    { name: 'capabilities', weight: 2, b: 0.4, label: '验证能力' },
    { name: 'introduction', weight: 1, b: 0.75, label: '简介' },
  ],
  attributes: {
    confidentiality: 'keyword',
    ownerOrg: 'keyword',
    jurisdiction: 'keyword',
    grantees: 'keywords',
    kind: 'keyword',
    subtype: 'keyword',
    level: 'keyword',
    accreditation: 'keyword',
    industry: 'keywords',
    capability: 'keywords',
    longitude: 'number',
    latitude: 'number',
    status: 'keyword',
    updated: 'number',
    source: 'keyword',
  },
  agreementAttributes: ['industry'],
}
