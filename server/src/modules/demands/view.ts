import type { Actor } from '../../platform/auth/actor'
import { can } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { confidentialityLabels, type Viewer } from '../../platform/registry/confidentiality'
import { segment } from '../../platform/text/tokenize'
import type { StoredDocument } from '../search/service'
import type { Demand } from './contracts'
import { budgetLabel, cooperationModeLabels, demandStatusLabels, maturityLabels } from './labels'
import type { demands } from './schema'
import { nextDemandStatuses } from './status-flow'

export type Row = typeof demands.$inferSelect
export type Lookups = {
  orgNames: Map<string, string>
  areaNames: Map<string, string>
  industryNames: Map<string, string>
  editableAreas: string[] | 'all' | 'none'
  viewer: Viewer
}

export const RECORD_TYPE = 'demand'

/** Whether the actor may change this record: its own enterprise, or an officer over its area. */
export function canEditRow(
  actor: Actor,
  row: Pick<Row, 'ownerOrgId' | 'jurisdictionCode'>,
  editableAreas: Lookups['editableAreas'],
): boolean {
  if (actor.kind !== 'user' || !can(actor, 'demand.write')) return false
  if (row.ownerOrgId === actor.orgId) return true
  return editableAreas === 'all' || (Array.isArray(editableAreas) && editableAreas.includes(row.jurisdictionCode))
}

const fenOf = (v: bigint | null) => (v === null ? null : Number(v))

/** Days since 1970-01-01 of a calendar date: the index stores dates as numbers to filter by range. */
export const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000)
/** The Asia/Shanghai calendar day of an instant, on the same scale as `dayNumber`. */
export const shanghaiDayNumber = (at: Date) => Math.floor((at.getTime() + 8 * 3_600_000) / 86_400_000)
/** “不低于 X” has no upper bound; JSON has no Infinity, so the largest amount a budget may hold stands in. */
export const BUDGET_UNBOUNDED = 1e15

export function toDemand(row: Row, actor: Actor, lookups: Lookups): Demand {
  const minFen = fenOf(row.budgetMinFen)
  const maxFen = fenOf(row.budgetMaxFen)
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    industryCodes: row.industryCodes,
    industries: row.industryCodes.map((code) => ({ code, name: lookups.industryNames.get(code) ?? code })),
    budgetNegotiable: row.budgetNegotiable,
    budgetMinFen: minFen,
    budgetMaxFen: maxFen,
    budgetLabel: budgetLabel(row.budgetNegotiable, minFen, maxFen),
    deadline: row.deadline,
    isPastDeadline: row.deadline < todayInShanghai(now()),
    cooperationModes: row.cooperationModes,
    cooperationModeLabels: row.cooperationModes.map((m) => cooperationModeLabels[m]),
    trlWanted: row.trlWanted,
    maturityWanted: row.maturityWanted,
    maturityWantedLabel: row.maturityWanted ? maturityLabels[row.maturityWanted] : null,
    // 联系人 only for signed-in business users (the three administrators see no business data either).
    contact:
      lookups.viewer.kind === 'member'
        ? { name: row.contactName, phone: row.contactPhone, email: row.contactEmail }
        : null,
    status: row.status,
    statusLabel: demandStatusLabels[row.status],
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    statusReason: row.statusReason,
    nextStatuses: row.archivedAt ? [] : nextDemandStatuses(row.status),
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

/** What the index holds for a demand (never the contact person): tokens per field, attributes for filters. */
export function searchDocumentOf(row: Row, grantees: readonly string[] = []): StoredDocument {
  return {
    fields: {
      title: segment(row.title),
      keywords: row.keywords.flatMap((k) => segment(k)),
      description: segment(row.description),
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
      cooperationMode: row.cooperationModes,
      deadline: dayNumber(row.deadline),
      // 面议 has no amounts: budget filters leave it out (a missing number never matches a range).
      budgetMin: row.budgetNegotiable ? null : (fenOf(row.budgetMinFen) ?? 0),
      budgetMax: row.budgetNegotiable ? null : (fenOf(row.budgetMaxFen) ?? BUDGET_UNBOUNDED),
      updated: shanghaiDayNumber(row.updatedAt),
      source: row.source,
    },
  }
}

export const DEMAND_INDEX = {
  fields: [
    { name: 'title', weight: 3, b: 0.6, label: '标题' },
    { name: 'keywords', weight: 2, b: 0.3, label: '关键词' },
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
    cooperationMode: 'keywords',
    deadline: 'number',
    budgetMin: 'number',
    budgetMax: 'number',
    updated: 'number',
    source: 'keyword',
  },
  agreementAttributes: ['industry'],
} as const
