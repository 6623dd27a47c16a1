import { and, eq, inArray } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { type Viewer, viewerOf, visibleCondition, visibleFilter } from '../../platform/registry/confidentiality'
import { listRevisions, writeRevision } from '../../platform/registry/revisions'
import { bigramSimilarity } from '../../platform/registry/similarity'
import { assertIndustryCodes, industryNames } from '../industries/service'
import { jurisdictionNames, oversightScope, requireJurisdiction, secretScope } from '../jurisdictions/service'
import { findOrganizations, insertOrganization, renameOrganization } from '../organizations/service'
import { catchUp, searchRecords, storeSearchDocument } from '../search/service'
import type { CreateEnterprise, UpdateEnterprise } from './contracts'
import { checkGbt, sectionOf } from './gbt4754'
import { pinyinSortKey } from './labels'
import { enterpriseProfiles } from './schema'
import {
  canEditRow,
  canSeeContact,
  type Lookups,
  type OrgFacts,
  RECORD_TYPE,
  type Row,
  searchDocumentOf,
  toEnterprise,
} from './view'

type Org = Awaited<ReturnType<typeof findOrganizations>>[number]

export async function viewerFor(actor: Actor): Promise<Viewer> {
  return viewerOf(actor, await secretScope(actor))
}

/** The areas an officer oversees; everyone else edits only their own enterprise. */
export async function editableAreasOf(actor: Actor): Promise<Lookups['editableAreas']> {
  if (actor.kind === 'system') return 'all'
  return actor.kind === 'user' && (actor.role === 'cityOfficer' || actor.role === 'districtOfficer')
    ? oversightScope(actor)
    : 'none'
}

export async function lookupsFor(actor: Actor, rows: readonly Row[]): Promise<Lookups> {
  const orgs = await findOrganizations(db, { ids: rows.map((r) => r.id) })
  return {
    orgs: new Map(orgs.map((o) => [o.id, { name: o.name, uscc: o.uscc }])),
    areaNames: await jurisdictionNames(rows.map((r) => r.jurisdictionCode)),
    industryNames: await industryNames(rows.flatMap((r) => r.industryCodes)),
    editableAreas: await editableAreasOf(actor),
  }
}

async function present(actor: Actor, row: Row) {
  return toEnterprise(row, actor, await lookupsFor(actor, [row]))
}

const inScope = (areas: Lookups['editableAreas'], code: string) =>
  areas === 'all' || (Array.isArray(areas) && areas.includes(code))

/** A unique index caught a concurrent duplicate: the same 409 as the check before it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === '23505') return true
  return false
}

function usccTaken(org: Org, enterpriseId: string | null): AppError {
  return new AppError('ALREADY_EXISTS', `统一社会信用代码 ${org.uscc} 已登记为“${org.name}”`, {
    fields: [{ path: 'uscc', message: `已登记为“${org.name}”` }],
    organizationId: org.id,
    enterpriseId,
  })
}

async function profileIds(ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .select({ id: enterpriseProfiles.id })
    .from(enterpriseProfiles)
    .where(inArray(enterpriseProfiles.id, [...ids]))
  return new Set(rows.map((r) => r.id))
}

/**
 * Which organization the profile is for: the enterprise user's own; an officer's pick of a registered
 * enterprise in their area; or a new organization an officer registers with it. Same 统一社会信用代码 = 409.
 */
async function resolveTarget(
  actor: Actor,
  input: CreateEnterprise,
): Promise<{ existing: Org } | { create: { name: string; uscc: string; jurisdictionCode: string } }> {
  const areas = await editableAreasOf(actor)
  const own = actor.kind === 'user' && actor.role === 'enterpriseUser'
  const orgId = input.organizationId ?? (own && actor.kind === 'user' ? actor.orgId : undefined)
  if (orgId) {
    if (own && actor.kind === 'user' && orgId !== actor.orgId)
      throw new AppError('FORBIDDEN', '企业用户只能登记本企业的档案', { organizationId: orgId })
    const [org] = await findOrganizations(db, { ids: [orgId] })
    if (!org) throw fieldError('organizationId', '机构不存在')
    if (org.kind !== 'enterprise') throw fieldError('organizationId', `“${org.name}”不是企业，不能登记到企业库`)
    if (!own && !inScope(areas, org.jurisdictionCode))
      throw new AppError('FORBIDDEN', '只能为本辖区内的企业建立档案', { organizationId: orgId })
    if (input.uscc && input.uscc !== org.uscc)
      throw fieldError('uscc', `与“${org.name}”登记的统一社会信用代码 ${org.uscc ?? '（空）'}不一致`)
    if ((await profileIds([org.id])).size) throw usccTaken(org, org.id)
    return { existing: org }
  }
  const missing = [
    ...(input.name ? [] : [{ path: 'name', message: '请填写企业名称' }]),
    ...(input.uscc ? [] : [{ path: 'uscc', message: '请填写统一社会信用代码' }]),
  ]
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', missing.map((m) => m.message).join('；'), { fields: missing })
  const [clash] = await findOrganizations(db, { usccs: [input.uscc!] })
  if (clash) throw usccTaken(clash, (await profileIds([clash.id])).size ? clash.id : null)
  const jurisdictionCode = input.jurisdictionCode ?? (actor.kind === 'user' ? actor.jurisdictionCode : '')
  await requireJurisdiction(jurisdictionCode)
  if (!inScope(areas, jurisdictionCode)) throw new AppError('FORBIDDEN', '只能在本辖区内登记企业', { jurisdictionCode })
  return { create: { name: input.name!, uscc: input.uscc!, jurisdictionCode } }
}

export function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })
}

/** What a revision holds: the profile with the organization's name and code, so renames show in the history. */
export function revisionRecord(row: Row, org: OrgFacts) {
  const { sortName: _derived, ...record } = row
  return { ...record, name: org.name, uscc: org.uscc }
}

/** A 大类 alone implies its 门类 (filters and facets count by 门类). */
export function withSection<T extends { gbtSection?: string | null; gbtDivision?: string | null }>(input: T): T {
  return input.gbtDivision && !input.gbtSection ? { ...input, gbtSection: sectionOf(input.gbtDivision) ?? null } : input
}

async function saveIndex(tx: Transaction, row: Row, name: string) {
  await storeSearchDocument(tx, RECORD_TYPE, row.id, searchDocumentOf(row, name))
}

export async function createEnterprise(
  actor: Actor,
  input: CreateEnterprise,
  options: { source?: string; sourceLabel?: string } = {},
) {
  requirePermission(actor, 'enterprise.write')
  const target = await resolveTarget(actor, input)
  const jurisdictionCode = 'existing' in target ? target.existing.jurisdictionCode : target.create.jurisdictionCode
  await assertIndustryCodes(jurisdictionCode, input.industryCodes)
  const name = 'existing' in target ? target.existing.name : target.create.name
  const duplicates = await findDuplicates(actor, { name })
  const { organizationId: _o, name: _n, uscc: _u, jurisdictionCode: _j, ...fields } = withSection(input)
  try {
    const { row, org } = await db.transaction(async (tx) => {
      const org =
        'existing' in target
          ? target.existing
          : await insertOrganization(tx, actor, { ...target.create, kind: 'enterprise', address: input.address })
      const at = now()
      const [created] = await tx
        .insert(enterpriseProfiles)
        .values({
          ...fields,
          id: org.id,
          ownerOrgId: org.id,
          jurisdictionCode: org.jurisdictionCode,
          sortName: pinyinSortKey(org.name),
          source: options.source ?? 'form',
          sourceLabel: options.sourceLabel ?? null,
          createdBy: actor.kind === 'user' ? actor.userId : null,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
      await writeRevision(tx, actor, RECORD_TYPE, revisionRecord(created!, org), null, '创建')
      await saveIndex(tx, created!, org.name)
      await audit(tx, actor, {
        action: 'enterprise.create',
        targetType: RECORD_TYPE,
        targetId: created!.id,
        after: created,
        detail: { name: org.name, newOrganization: !('existing' in target), duplicatesWarned: duplicates.length },
      })
      return { row: created!, org }
    })
    await catchUp()
    return { enterprise: await present(actor, row), duplicates: duplicates.filter((d) => d.id !== org.id) }
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('ALREADY_EXISTS', '该企业已登记（统一社会信用代码重复），请勿重复创建', { uscc: input.uscc })
    throw error
  }
}

export async function updateEnterprise(actor: Actor, id: string, input: UpdateEnterprise) {
  requirePermission(actor, 'enterprise.write')
  const [current] = await db.select().from(enterpriseProfiles).where(eq(enterpriseProfiles.id, id))
  if (!current) throw notFound('企业')
  if (input.industryCodes) await assertIndustryCodes(current.jurisdictionCode, input.industryCodes)
  const areas = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(enterpriseProfiles).where(eq(enterpriseProfiles.id, id)).for('update')
    if (!before) throw notFound('企业')
    if (!canEditRow(actor, before, areas)) throw new AppError('FORBIDDEN', '只有企业本身或辖区管理人员可以修改', { id })
    if (before.archivedAt) throw new AppError('STATE_INVALID', '企业档案已归档，请先恢复后再编辑')
    if (before.version !== input.version)
      throw new AppError('STALE_VERSION', '该企业档案已被他人修改，请刷新后再编辑', { current: before.version })
    const { version: _v, note, name, ...changes } = withSection(input)
    const longitude = changes.longitude === undefined ? before.longitude : changes.longitude
    const latitude = changes.latitude === undefined ? before.latitude : changes.latitude
    if ((longitude == null) !== (latitude == null)) throw fieldError('latitude', '经度和纬度应同时填写')
    const gbt = checkGbt(
      changes.gbtSection === undefined ? before.gbtSection : changes.gbtSection,
      changes.gbtDivision === undefined ? before.gbtDivision : changes.gbtDivision,
    )
    if (gbt) throw fieldError(gbt.path, gbt.message)
    const [org] = await findOrganizations(tx, { ids: [id] })
    const beforeOrg = { name: org!.name, uscc: org!.uscc }
    if (name && name !== org!.name) await renameOrganization(tx, actor, id, name)
    const after = { name: name ?? org!.name, uscc: org!.uscc }
    const [updated] = await tx
      .update(enterpriseProfiles)
      .set({ ...changes, sortName: pinyinSortKey(after.name), version: before.version + 1, updatedAt: now() })
      .where(eq(enterpriseProfiles.id, id))
      .returning()
    const fields = await writeRevision(
      tx,
      actor,
      RECORD_TYPE,
      revisionRecord(updated!, after),
      revisionRecord(before, beforeOrg),
      note,
    )
    await saveIndex(tx, updated!, after.name)
    await audit(tx, actor, {
      action: 'enterprise.update',
      targetType: RECORD_TYPE,
      targetId: id,
      before,
      after: updated,
      detail: { fields },
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

export async function setArchived(actor: Actor, id: string, archived: boolean) {
  requirePermission(actor, 'enterprise.write')
  const areas = await editableAreasOf(actor)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(enterpriseProfiles).where(eq(enterpriseProfiles.id, id)).for('update')
    if (!before) throw notFound('企业')
    if (!canEditRow(actor, before, areas)) throw new AppError('FORBIDDEN', '只有企业本身或辖区管理人员可以归档', { id })
    if ((before.archivedAt !== null) === archived)
      throw new AppError('STATE_INVALID', archived ? '企业档案已归档' : '企业档案未归档')
    const [updated] = await tx
      .update(enterpriseProfiles)
      .set({ archivedAt: archived ? now() : null, version: before.version + 1, updatedAt: now() })
      .where(eq(enterpriseProfiles.id, id))
      .returning()
    const [org] = await findOrganizations(tx, { ids: [id] })
    const facts = { name: org!.name, uscc: org!.uscc }
    await writeRevision(
      tx,
      actor,
      RECORD_TYPE,
      revisionRecord(updated!, facts),
      revisionRecord(before, facts),
      archived ? '归档' : '恢复',
    )
    await saveIndex(tx, updated!, facts.name)
    await audit(tx, actor, {
      action: archived ? 'enterprise.archive' : 'enterprise.restore',
      targetType: RECORD_TYPE,
      targetId: id,
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

/** One enterprise, if the caller may see it; otherwise 404 (a 保密 profile's existence is not revealed). */
export async function getEnterprise(actor: Actor, id: string) {
  requirePermission(actor, 'enterprise.read')
  const [row] = await db
    .select()
    .from(enterpriseProfiles)
    .where(
      and(eq(enterpriseProfiles.id, id), visibleCondition(await viewerFor(actor), RECORD_TYPE, enterpriseProfiles)),
    )
  if (!row) throw notFound('企业')
  return present(actor, row)
}

const CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail'] as const

/** The versions of a profile; the contact person is blanked for those who may not see it. */
export async function enterpriseHistory(actor: Actor, id: string) {
  const shown = await getEnterprise(actor, id)
  const contactVisible = canSeeContact(actor, shown, await editableAreasOf(actor))
  const items = await listRevisions(db, RECORD_TYPE, id)
  return {
    items: items.map((item) => {
      if (contactVisible || typeof item.data !== 'object' || item.data === null) return item
      const data = { ...(item.data as Record<string, unknown>) }
      for (const key of CONTACT_FIELDS) if (key in data) data[key] = null
      return { ...item, data, changedFields: item.changedFields }
    }),
  }
}

/**
 * At entry: the same 统一社会信用代码 is a hard duplicate (creating it again is refused with 409); a nearly
 * identical name among the enterprises the caller can see is a warning with a link.
 */
export async function findDuplicates(actor: Actor, input: { name: string; uscc?: string }) {
  const out: { id: string; name: string; similarity: number; reason: string }[] = []
  const viewer = await viewerFor(actor)
  if (input.uscc) {
    const [org] = await findOrganizations(db, { usccs: [input.uscc.trim().toUpperCase()] })
    if (org && (await profileIds([org.id])).size) {
      const [visible] = await db
        .select({ id: enterpriseProfiles.id })
        .from(enterpriseProfiles)
        .where(and(eq(enterpriseProfiles.id, org.id), visibleCondition(viewer, RECORD_TYPE, enterpriseProfiles)))
      // A hidden one is still a duplicate: say so without naming it.
      out.push({
        id: visible ? org.id : '',
        name: visible ? org.name : '（无权查看的企业）',
        similarity: 1,
        reason: '统一社会信用代码已登记，不能重复创建',
      })
    }
  }
  const [similar] = await findSimilarNamesOfMany(actor, [input.name], viewer)
  for (const d of similar!) if (!out.some((o) => o.id === d.id)) out.push(d)
  return out.sort((a, b) => b.similarity - a.similarity).slice(0, 5)
}

/** How alike two enterprise names are, 有限公司 aside; from `SIMILAR_NAME` on, the entry form warns. */
export function enterpriseNameSimilarity(a: string, b: string): number {
  return bigramSimilarity(stripSuffix(a), stripSuffix(b))
}
export const SIMILAR_NAME = 0.8

/**
 * Enterprises the caller can see whose names are nearly the same as each of `names` (a form checks one, a bulk
 * import thousands: one search each, one query for all candidates); the five closest each.
 */
export async function findSimilarNamesOfMany(actor: Actor, names: readonly string[], viewer?: Viewer) {
  const visibility = visibleFilter(viewer ?? (await viewerFor(actor)))
  const filter = { and: [{ attribute: 'status', in: ['active'] }, ...(visibility ? [visibility] : [])] }
  await catchUp()
  const hits = names.map((name) =>
    searchRecords(RECORD_TYPE, { text: name, filter, limit: 20, rerank: false }).hits.map((h) => h.id),
  )
  const ids = [...new Set(hits.flat())]
  const orgs = new Map<string, { id: string; name: string }>()
  for (let from = 0; from < ids.length; from += 5000)
    for (const org of await findOrganizations(db, { ids: ids.slice(from, from + 5000) })) orgs.set(org.id, org)
  return names.map((name, k) =>
    hits[k]!.flatMap((id) => {
      const org = orgs.get(id)
      const similarity = org ? enterpriseNameSimilarity(name, org.name) : 0
      return org && similarity >= SIMILAR_NAME
        ? [{ id: org.id, name: org.name, similarity: Math.round(similarity * 100) / 100, reason: '企业名称高度相似' }]
        : []
    })
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 5),
  )
}

/** 有限公司 / 股份有限公司 say nothing about which enterprise it is. */
export function stripSuffix(name: string): string {
  return name.replace(/(股份)?有限(责任)?公司$|集团$/, '')
}
