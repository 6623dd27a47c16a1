import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Actor } from '../auth/actor'
import { isAdministrator } from '../auth/roles'
import type { Filter } from '../search'
import { recordGrants } from './schema'

export const confidentialityLevels = ['public', 'internal', 'secret'] as const
export type Confidentiality = (typeof confidentialityLevels)[number]
export const confidentialityLabels: Record<Confidentiality, string> = {
  public: '公开',
  internal: '内部',
  secret: '保密',
}

/**
 * Who may see a registry record (one rule, three renderings: this pure check, an SQL condition, a search
 * filter — so detail, list, search results, facet counts and exports agree):
 * - 公开 public: everyone, without an account;
 * - 内部 internal: signed-in accounts of business roles (the three administrators see no business data);
 * - 保密 secret: the owner organization, users granted access (experts assigned to it), and city officers
 *   whose city contains the record.
 */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'administrator' }
  | { kind: 'member'; userId: string; orgId: string; cityScope: readonly string[] }

export type Visible = {
  confidentiality: Confidentiality
  ownerOrgId: string
  jurisdictionCode: string
  grantees?: readonly string[]
}

/** `cityScope` is the jurisdiction codes a city officer oversees (empty for everyone else). */
export function viewerOf(actor: Actor, cityScope: readonly string[] = []): Viewer {
  if (actor.kind === 'system') return { kind: 'member', userId: 'system', orgId: 'system', cityScope: ['*'] }
  if (actor.kind !== 'user') return { kind: 'anonymous' }
  if (isAdministrator(actor.role)) return { kind: 'administrator' }
  return {
    kind: 'member',
    userId: actor.userId,
    orgId: actor.orgId,
    cityScope: actor.role === 'cityOfficer' ? cityScope : [],
  }
}

export function canSee(viewer: Viewer, record: Visible): boolean {
  if (record.confidentiality === 'public') return true
  if (viewer.kind !== 'member') return false
  if (viewer.cityScope.includes('*') || viewer.orgId === record.ownerOrgId) return true
  if (record.confidentiality === 'internal') return true
  return viewer.cityScope.includes(record.jurisdictionCode) || (record.grantees ?? []).includes(viewer.userId)
}

type Columns = { id: AnyPgColumn; confidentiality: AnyPgColumn; ownerOrgId: AnyPgColumn; jurisdictionCode: AnyPgColumn }

export function visibleCondition(viewer: Viewer, recordType: string, table: Columns): SQL {
  const isPublic = eq(table.confidentiality, 'public')
  if (viewer.kind !== 'member') return isPublic
  if (viewer.cityScope.includes('*')) return sql`true`
  const granted = sql`exists (select 1 from ${recordGrants} where ${recordGrants.recordType} = ${recordType} and ${recordGrants.recordId} = ${table.id} and ${recordGrants.userId} = ${viewer.userId})`
  return or(
    isPublic,
    eq(table.confidentiality, 'internal'),
    eq(table.ownerOrgId, viewer.orgId),
    viewer.cityScope.length ? inArray(table.jurisdictionCode, [...viewer.cityScope]) : sql`false`,
    and(eq(table.confidentiality, 'secret'), granted),
  )!
}

/** The same rule over the index's attributes: confidentiality, ownerOrg, jurisdiction, grantees. */
export function visibleFilter(viewer: Viewer): Filter | undefined {
  const isPublic: Filter = { attribute: 'confidentiality', in: ['public'] }
  if (viewer.kind !== 'member') return isPublic
  if (viewer.cityScope.includes('*')) return undefined
  const parts: Filter[] = [
    { attribute: 'confidentiality', in: ['public', 'internal'] },
    { attribute: 'ownerOrg', in: [viewer.orgId] },
    { attribute: 'grantees', in: [viewer.userId] },
  ]
  if (viewer.cityScope.length) parts.push({ attribute: 'jurisdiction', in: [...viewer.cityScope] })
  return { or: parts }
}
