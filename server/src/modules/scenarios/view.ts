import type { Actor } from '../../platform/auth/actor'
import { can } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { confidentialityLabels } from '../../platform/registry/confidentiality'
import { segment } from '../../platform/text/tokenize'
import type { StoredDocument } from '../search/service'
import type { Scenario } from './contracts'
import { offerLabels, publisherKindLabels, scenarioStatusLabels } from './labels'
import type { scenarios } from './schema'
import { nextScenarioStatuses } from './status-flow'

export type Row = typeof scenarios.$inferSelect
export type Lookups = {
  orgNames: Map<string, string>
  areaNames: Map<string, string>
  industryNames: Map<string, string>
  editableAreas: string[] | 'all' | 'none'
}

export const RECORD_TYPE = 'scenario'

/** Whether the actor may change this record: the publisher, or an officer over its area. */
export function canEditRow(
  actor: Actor,
  row: Pick<Row, 'ownerOrgId' | 'jurisdictionCode'>,
  editableAreas: Lookups['editableAreas'],
): boolean {
  if (actor.kind !== 'user' || !can(actor, 'scenario.write')) return false
  if (row.ownerOrgId === actor.orgId) return true
  return editableAreas === 'all' || (Array.isArray(editableAreas) && editableAreas.includes(row.jurisdictionCode))
}

/** Days since 1970-01-01 of a calendar date: the index stores dates as numbers to filter by range. */
export const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000)
/** The Asia/Shanghai calendar day of an instant, on the same scale as `dayNumber`. */
export const shanghaiDayNumber = (at: Date) => Math.floor((at.getTime() + 8 * 3_600_000) / 86_400_000)

export function toScenario(row: Row, actor: Actor, lookups: Lookups): Scenario {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    industryCodes: row.industryCodes,
    industries: row.industryCodes.map((code) => ({ code, name: lookups.industryNames.get(code) ?? code })),
    publisherKind: row.publisherKind,
    publisherKindLabel: publisherKindLabels[row.publisherKind],
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    offers: row.offers,
    offerLabels: row.offers.map((o) => offerLabels[o]),
    deadline: row.deadline,
    isPastDeadline: row.deadline < todayInShanghai(now()),
    status: row.status,
    statusLabel: scenarioStatusLabels[row.status],
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    statusReason: row.statusReason,
    nextStatuses: row.archivedAt ? [] : nextScenarioStatuses(row.status),
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

/** What the index holds for a scenario: tokens per field (the address too), attributes for filters. */
export function searchDocumentOf(row: Row, grantees: readonly string[] = []): StoredDocument {
  return {
    fields: {
      title: segment(row.title),
      keywords: row.keywords.flatMap((k) => segment(k)),
      description: segment(`${row.description} ${row.address}`),
    },
    attributes: {
      confidentiality: row.confidentiality,
      ownerOrg: row.ownerOrgId,
      jurisdiction: row.jurisdictionCode,
      grantees: [...grantees],
      industry: row.industryCodes,
      // `status` is the registry lifecycle every registry shares (the portal counts active ones); `state` the flow.
      status: row.archivedAt ? 'archived' : 'active',
      state: row.status,
      offer: row.offers,
      publisherKind: row.publisherKind,
      deadline: dayNumber(row.deadline),
      updated: shanghaiDayNumber(row.updatedAt),
      source: row.source,
    },
  }
}

export const SCENARIO_INDEX = {
  fields: [
    { name: 'title', weight: 3, b: 0.6, label: '标题' },
    { name: 'keywords', weight: 2, b: 0.3, label: '所需技术' },
    { name: 'description', weight: 1, b: 0.75, label: '描述' },
  ],
  attributes: {
    confidentiality: 'keyword',
    ownerOrg: 'keyword',
    jurisdiction: 'keyword',
    grantees: 'keywords',
    industry: 'keywords',
    status: 'keyword',
    state: 'keyword',
    offer: 'keywords',
    publisherKind: 'keyword',
    deadline: 'number',
    updated: 'number',
    source: 'keyword',
  },
  agreementAttributes: ['industry'],
} as const
