import type { Actor } from '../../platform/auth/actor'
import { can } from '../../platform/auth/actor'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import type { SearchIndexConfig } from '../../platform/search'
import { segment } from '../../platform/text/tokenize'
import type { StoredDocument } from '../search/service'
import type { Instrument } from './contracts'
import { availabilityLabels, instrumentCategoryLabels, priceLabel } from './labels'
import type { instruments } from './schema'

export type Row = typeof instruments.$inferSelect
export type Lookups = {
  orgNames: Map<string, string>
  areaNames: Map<string, string>
  /** Names of the owner carriers the caller may see. */
  carrierNames: Map<string, string>
  editableAreas: string[] | 'all' | 'none'
}

export const RECORD_TYPE = 'instrument'

/** Only the owner carrier's organization, and officers over its area, change an instrument. */
export function canEditRow(
  actor: Actor,
  row: Pick<Row, 'ownerOrgId' | 'jurisdictionCode'>,
  editableAreas: Lookups['editableAreas'],
): boolean {
  if (actor.kind === 'system') return true
  if (actor.kind !== 'user' || !can(actor, 'instrument.write')) return false
  if (row.ownerOrgId === actor.orgId) return true
  return editableAreas === 'all' || (Array.isArray(editableAreas) && editableAreas.includes(row.jurisdictionCode))
}

export function toInstrument(row: Row, actor: Actor, lookups: Lookups): Instrument {
  const priceFen = row.priceFen === null ? null : Number(row.priceFen)
  return {
    id: row.id,
    name: row.name,
    carrierId: row.carrierId,
    carrierName: lookups.carrierNames.get(row.carrierId) ?? null,
    assetNumber: row.assetNumber,
    category: row.category,
    categoryLabel: instrumentCategoryLabels[row.category],
    model: row.model,
    manufacturer: row.manufacturer,
    specifications: row.specifications,
    hasCma: row.hasCma,
    hasCnas: row.hasCnas,
    openHours: row.openHours,
    bookingMethod: row.bookingMethod,
    priceFen,
    feeUnit: row.feeUnit,
    priceLabel: priceLabel(priceFen, row.feeUnit),
    location: row.location,
    availability: row.availability,
    availabilityLabel: availabilityLabels[row.availability],
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

/** What the index holds for an instrument: tokens per field, and the attributes filters and facets use. */
export function searchDocumentOf(row: Row): StoredDocument {
  return {
    fields: {
      name: segment(row.name),
      specifications: segment(row.specifications),
      details: [
        ...segment(instrumentCategoryLabels[row.category]),
        ...segment(row.model ?? ''),
        ...segment(row.manufacturer ?? ''),
      ],
    },
    attributes: {
      confidentiality: row.confidentiality,
      ownerOrg: row.ownerOrgId,
      jurisdiction: row.jurisdictionCode,
      grantees: [],
      carrier: row.carrierId,
      category: row.category,
      cma: row.hasCma ? 'yes' : 'no',
      cnas: row.hasCnas ? 'yes' : 'no',
      availability: row.availability,
      status: row.archivedAt ? 'archived' : 'active',
      updated: Math.floor(row.updatedAt.getTime() / 86_400_000),
      source: row.source,
    },
  }
}

export const INSTRUMENT_INDEX: SearchIndexConfig = {
  fields: [
    { name: 'name', weight: 3, b: 0.6, label: '名称' },
    { name: 'specifications', weight: 2, b: 0.6, label: '技术指标' },
    { name: 'details', weight: 1, b: 0.3, label: '类别与型号' },
  ],
  attributes: {
    confidentiality: 'keyword',
    ownerOrg: 'keyword',
    jurisdiction: 'keyword',
    grantees: 'keywords',
    carrier: 'keyword',
    category: 'keyword',
    cma: 'keyword',
    cnas: 'keyword',
    availability: 'keyword',
    status: 'keyword',
    updated: 'number',
    source: 'keyword',
  },
}
