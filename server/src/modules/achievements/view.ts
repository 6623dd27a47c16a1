import type { Actor } from '../../platform/auth/actor'
import { can } from '../../platform/auth/actor'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import { segment } from '../../platform/text/tokenize'
import type { StoredDocument } from '../search/service'
import type { Achievement } from './contracts'
import { maturityLabels, transferModeLabels } from './labels'
import type { achievements } from './schema'

export type Row = typeof achievements.$inferSelect
export type Lookups = {
  orgNames: Map<string, string>
  areaNames: Map<string, string>
  industryNames: Map<string, string>
  editableAreas: string[] | 'all' | 'none'
}

export const RECORD_TYPE = 'achievement'

/** Whether the actor may change this record: its own organization, or an officer over its area. */
export function canEditRow(
  actor: Actor,
  row: Pick<Row, 'ownerOrgId' | 'jurisdictionCode'>,
  editableAreas: Lookups['editableAreas'],
): boolean {
  if (actor.kind !== 'user' || !can(actor, 'achievement.write')) return false
  if (row.ownerOrgId === actor.orgId) return true
  return editableAreas === 'all' || (Array.isArray(editableAreas) && editableAreas.includes(row.jurisdictionCode))
}

export function toAchievement(row: Row, actor: Actor, lookups: Lookups): Achievement {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    keywords: row.keywords,
    team: row.team,
    category: row.category,
    discipline: row.discipline,
    industryCodes: row.industryCodes,
    industries: row.industryCodes.map((code) => ({ code, name: lookups.industryNames.get(code) ?? code })),
    trl: row.trl,
    maturity: row.maturity,
    maturityLabel: maturityLabels[row.maturity],
    ipItems: row.ipItems,
    transferModes: row.transferModes,
    transferModeLabels: row.transferModes.map((m) => transferModeLabels[m]),
    priceNegotiable: row.priceNegotiable,
    priceMinFen: row.priceMinFen === null ? null : Number(row.priceMinFen),
    priceMaxFen: row.priceMaxFen === null ? null : Number(row.priceMaxFen),
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

/** What the index holds for an achievement: tokens per field, and the attributes filters and facets use. */
export function searchDocumentOf(row: Row, grantees: readonly string[] = []): StoredDocument {
  return {
    fields: {
      title: segment(row.title),
      keywords: row.keywords.flatMap((k) => segment(k)),
      summary: segment(row.summary),
    },
    attributes: {
      confidentiality: row.confidentiality,
      ownerOrg: row.ownerOrgId,
      jurisdiction: row.jurisdictionCode,
      grantees: [...grantees],
      industry: row.industryCodes,
      category: row.category,
      discipline: row.discipline,
      trl: row.trl,
      maturity: row.maturity,
      transferMode: row.transferModes,
      status: row.archivedAt ? 'archived' : 'active',
      updated: Math.floor(row.updatedAt.getTime() / 86_400_000),
      source: row.source,
    },
  }
}

export const ACHIEVEMENT_INDEX = {
  fields: [
    { name: 'title', weight: 3, b: 0.6, label: '标题' },
    { name: 'keywords', weight: 2, b: 0.3, label: '关键词' },
    { name: 'summary', weight: 1, b: 0.75, label: '简介' },
  ],
  attributes: {
    confidentiality: 'keyword',
    ownerOrg: 'keyword',
    jurisdiction: 'keyword',
    grantees: 'keywords',
    industry: 'keywords',
    category: 'keyword',
    discipline: 'keyword',
    trl: 'number',
    maturity: 'keyword',
    transferMode: 'keywords',
    status: 'keyword',
    updated: 'number',
    source: 'keyword',
  },
  agreementAttributes: ['discipline', 'industry'],
} as const
