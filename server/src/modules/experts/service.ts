import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { type Viewer, viewerOf, visibleCondition } from '../../platform/registry/confidentiality'
import { listRevisions, writeRevision } from '../../platform/registry/revisions'
import { findUserSummary } from '../accounts/service'
import { assertIndustryCodes, industryNames } from '../industries/service'
import { jurisdictionNames, oversightScope, secretScope } from '../jurisdictions/service'
import { findOrganizations, organizationNames } from '../organizations/service'
import { catchUp, storeSearchDocument } from '../search/service'
import type { CreateExpert, UpdateExpert } from './contracts'
import { pinyinSortKey, today } from './labels'
import { experts } from './schema'
import {
  canEditRow,
  canSeePersonal,
  type Lookups,
  PERSONAL_FIELDS,
  RECORD_TYPE,
  type Row,
  searchDocumentOf,
  toExpert,
} from './view'

export { type ExpertConflictFacts, findExpertsForConflicts } from './conflicts'

export async function viewerFor(actor: Actor): Promise<Viewer> {
  return viewerOf(actor, await secretScope(actor))
}

export async function officerAreasOf(actor: Actor): Promise<Lookups['officerAreas']> {
  if (actor.kind === 'system') return 'all'
  return actor.kind === 'user' && (actor.role === 'cityOfficer' || actor.role === 'districtOfficer')
    ? oversightScope(actor)
    : 'none'
}

export async function lookupsFor(actor: Actor, rows: readonly Row[]): Promise<Lookups> {
  return {
    orgNames: await organizationNames(rows.map((r) => r.ownerOrgId)),
    areaNames: await jurisdictionNames(rows.map((r) => r.jurisdictionCode)),
    industryNames: await industryNames(rows.flatMap((r) => r.industryCodes)),
    officerAreas: await officerAreasOf(actor),
  }
}

async function present(actor: Actor, row: Row) {
  return toExpert(row, actor, await lookupsFor(actor, [row]))
}

/** What a revision holds: the record without its derived sort key. */
export function revisionRecord(row: Row) {
  const { sortName: _derived, ...record } = row
  return record
}

const fieldError = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })

/** The owner is the caller's organization, or — for an officer collecting on its behalf — one in their area. */
async function resolveOwner(actor: Actor, ownerOrgId: string | undefined) {
  const user = requireUser(actor)
  const orgId = ownerOrgId ?? user.orgId
  const [org] = await findOrganizations(db, { ids: [orgId] })
  if (!org) throw fieldError('ownerOrgId', '所属机构不存在')
  if (orgId !== user.orgId) {
    const areas = await officerAreasOf(actor)
    if (areas === 'none' || (areas !== 'all' && !areas.includes(org.jurisdictionCode)))
      throw new AppError('FORBIDDEN', '只能为本单位或本辖区内的机构登记专家', { ownerOrgId })
  }
  return { ownerOrgId: orgId, jurisdictionCode: org.jurisdictionCode }
}

type OrgRefs = Pick<
  UpdateExpert,
  'currentOrgId' | 'currentOrgName' | 'affiliations' | 'relationships' | 'enterpriseTies' | 'declaredConflicts'
>

/**
 * Organizations referred to by id must be registered; their registered names are stored with the reference,
 * so the conflict rules read a self-contained record.
 */
async function withOrganizationNames<T extends OrgRefs>(input: T): Promise<T> {
  const refs: { path: string; id: string }[] = []
  if (input.currentOrgId) refs.push({ path: 'currentOrgId', id: input.currentOrgId })
  for (const key of ['affiliations', 'relationships', 'enterpriseTies', 'declaredConflicts'] as const)
    input[key]?.forEach((item, i) => {
      if (item.organizationId) refs.push({ path: `${key}.${i}.organizationId`, id: item.organizationId })
    })
  const found = new Map((await findOrganizations(db, { ids: refs.map((r) => r.id) })).map((o) => [o.id, o.name]))
  const missing = refs.filter((r) => !found.has(r.id))
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', '所选单位不存在', {
      fields: missing.map((m) => ({ path: m.path, message: '所选单位不存在' })),
    })
  const named = <I extends { organizationId?: string | null; organizationName?: string | null }>(items?: I[]) =>
    items?.map((item) => ({
      ...item,
      organizationName: item.organizationId ? found.get(item.organizationId)! : (item.organizationName ?? null),
    }))
  return {
    ...input,
    ...(input.currentOrgId ? { currentOrgName: found.get(input.currentOrgId)! } : {}),
    ...(input.affiliations ? { affiliations: named(input.affiliations) } : {}),
    ...(input.relationships ? { relationships: named(input.relationships) } : {}),
    ...(input.enterpriseTies ? { enterpriseTies: named(input.enterpriseTies) } : {}),
    ...(input.declaredConflicts
      ? {
          declaredConflicts: named(input.declaredConflicts)!.map((c) => ({
            ...c,
            declaredOn: c.declaredOn ?? today(),
          })),
        }
      : {}),
  }
}

/** A linked account must be an active 评审专家 account not linked to another profile. */
async function assertLinkableAccount(userId: string, exceptExpertId?: string) {
  const user = await findUserSummary(userId)
  if (!user) throw fieldError('userId', '账号不存在')
  if (user.role !== 'expert') throw fieldError('userId', '只能关联“评审专家”角色的账号')
  if (user.status !== 'active') throw fieldError('userId', '该账号已停用')
  const [other] = await db
    .select({ id: experts.id, name: experts.name })
    .from(experts)
    .where(and(eq(experts.userId, userId), exceptExpertId ? ne(experts.id, exceptExpertId) : undefined))
  if (other) throw new AppError('ALREADY_EXISTS', `该账号已关联专家“${other.name}”`, { expertId: other.id })
}

async function saveIndex(tx: Transaction, row: Row, names: ReadonlyMap<string, string>) {
  await storeSearchDocument(tx, RECORD_TYPE, row.id, searchDocumentOf(row, names))
}

export async function createExpert(
  actor: Actor,
  input: CreateExpert,
  options: { source?: string; sourceLabel?: string } = {},
) {
  requirePermission(actor, 'expert.write')
  const self = actor.kind === 'user' && actor.role === 'expert'
  if (self && input.ownerOrgId) throw new AppError('FORBIDDEN', '专家只能登记本人的档案')
  const owner = await resolveOwner(actor, input.ownerOrgId)
  const userId = self && actor.kind === 'user' ? actor.userId : (input.userId ?? null)
  if (self && input.userId && input.userId !== userId) throw new AppError('FORBIDDEN', '专家只能登记本人的档案')
  if (userId) await assertLinkableAccount(userId)
  await assertIndustryCodes(owner.jurisdictionCode, input.industryCodes)
  const resolved = await withOrganizationNames(input)
  const duplicates = await findDuplicates(actor, resolved)
  const names = await industryNames(input.industryCodes)
  const { ownerOrgId: _owner, userId: _user, ...fields } = resolved
  const row = await db.transaction(async (tx) => {
    const at = now()
    const [created] = await tx
      .insert(experts)
      .values({
        ...fields,
        ...owner,
        affiliations: fields.affiliations.map((a) => ({ ...a, organizationName: a.organizationName! })),
        enterpriseTies: fields.enterpriseTies.map((t) => ({ ...t, organizationName: t.organizationName! })),
        declaredConflicts: fields.declaredConflicts.map((c) => ({ ...c, declaredOn: c.declaredOn ?? today() })),
        busyUntil: fields.availability === 'busy' ? (fields.busyUntil ?? null) : null,
        userId,
        id: newId(),
        sortName: pinyinSortKey(fields.name),
        source: options.source ?? 'form',
        sourceLabel: options.sourceLabel ?? null,
        createdBy: actor.kind === 'user' ? actor.userId : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, RECORD_TYPE, revisionRecord(created!), null, '创建')
    await saveIndex(tx, created!, names)
    await audit(tx, actor, {
      action: 'expert.create',
      targetType: RECORD_TYPE,
      targetId: created!.id,
      after: created,
      detail: { duplicatesWarned: duplicates.length, linkedAccount: userId !== null },
    })
    return created!
  })
  await catchUp()
  return { expert: await present(actor, row), duplicates }
}

export async function updateExpert(actor: Actor, id: string, input: UpdateExpert) {
  requirePermission(actor, 'expert.write')
  const [current] = await db.select().from(experts).where(eq(experts.id, id))
  if (!current) throw notFound('专家')
  const areas = await officerAreasOf(actor)
  if (!canEditRow(actor, current, areas))
    throw new AppError('FORBIDDEN', '只有专家所属单位、辖区管理人员或专家本人可以修改', { id })
  const self = actor.kind === 'user' && actor.role === 'expert'
  if (self && input.userId !== undefined && input.userId !== current.userId)
    throw new AppError('FORBIDDEN', '专家本人不能更改账号关联')
  if (input.userId) await assertLinkableAccount(input.userId, id)
  if (input.industryCodes) await assertIndustryCodes(current.jurisdictionCode, input.industryCodes)
  const resolved = await withOrganizationNames(input)
  const availability = input.availability ?? current.availability
  const busyUntil = input.busyUntil === undefined ? current.busyUntil : input.busyUntil
  if (availability === 'busy' && !busyUntil) throw fieldError('busyUntil', '忙碌状态请填写预计可参与评审的日期')
  const names = await industryNames(input.industryCodes ?? current.industryCodes)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(experts).where(eq(experts.id, id)).for('update')
    if (!before) throw notFound('专家')
    if (!canEditRow(actor, before, areas))
      throw new AppError('FORBIDDEN', '只有专家所属单位、辖区管理人员或专家本人可以修改', { id })
    if (before.archivedAt) throw new AppError('STATE_INVALID', '专家档案已归档，请先恢复后再编辑')
    if (before.version !== input.version)
      throw new AppError('STALE_VERSION', '该专家档案已被他人修改，请刷新后再编辑', { current: before.version })
    const { version: _v, note, ...changes } = resolved
    const [updated] = await tx
      .update(experts)
      .set({
        ...(changes as Partial<Row>),
        // A free-text organization replaces a registered one.
        ...(input.currentOrgName !== undefined && input.currentOrgId === undefined ? { currentOrgId: null } : {}),
        busyUntil: availability === 'busy' ? busyUntil : null,
        sortName: pinyinSortKey(changes.name ?? before.name),
        version: before.version + 1,
        updatedAt: now(),
      })
      .where(eq(experts.id, id))
      .returning()
    const fields = await writeRevision(tx, actor, RECORD_TYPE, revisionRecord(updated!), revisionRecord(before), note)
    await saveIndex(tx, updated!, names)
    await audit(tx, actor, {
      action: 'expert.update',
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
  requirePermission(actor, 'expert.write')
  const areas = await officerAreasOf(actor)
  const [current] = await db.select().from(experts).where(eq(experts.id, id))
  if (!current) throw notFound('专家')
  const names = await industryNames(current.industryCodes)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(experts).where(eq(experts.id, id)).for('update')
    if (!before) throw notFound('专家')
    if (!canEditRow(actor, before, areas))
      throw new AppError('FORBIDDEN', '只有专家所属单位或辖区管理人员可以归档', { id })
    if ((before.archivedAt !== null) === archived)
      throw new AppError('STATE_INVALID', archived ? '专家档案已归档' : '专家档案未归档')
    const [updated] = await tx
      .update(experts)
      .set({ archivedAt: archived ? now() : null, version: before.version + 1, updatedAt: now() })
      .where(eq(experts.id, id))
      .returning()
    await writeRevision(
      tx,
      actor,
      RECORD_TYPE,
      revisionRecord(updated!),
      revisionRecord(before),
      archived ? '归档' : '恢复',
    )
    await saveIndex(tx, updated!, names)
    await audit(tx, actor, {
      action: archived ? 'expert.archive' : 'expert.restore',
      targetType: RECORD_TYPE,
      targetId: id,
    })
    return updated!
  })
  await catchUp()
  return present(actor, row)
}

/** One expert, if the caller may see it; otherwise 404 (a 保密 profile's existence is not revealed). */
export async function getExpert(actor: Actor, id: string) {
  requirePermission(actor, 'expert.read')
  const viewer = await viewerFor(actor)
  const [row] = await db
    .select()
    .from(experts)
    .where(and(eq(experts.id, id), or(visibleCondition(viewer, RECORD_TYPE, experts), selfCondition(actor))))
  if (!row) throw notFound('专家')
  return present(actor, row)
}

/** An expert always sees their own profile, whatever its confidentiality. */
export function selfCondition(actor: Actor) {
  return actor.kind === 'user' ? eq(experts.userId, actor.userId) : sql`false`
}

/** The profile of the signed-in expert, if one is linked to their account. */
export async function getOwnExpert(actor: Actor) {
  requirePermission(actor, 'expert.self')
  const user = requireUser(actor)
  const [row] = await db.select().from(experts).where(eq(experts.userId, user.userId))
  if (!row) throw notFound('本人的专家档案')
  return present(actor, row)
}

/** The versions of a profile; personal fields are blanked for those who may not see them. */
export async function expertHistory(actor: Actor, id: string) {
  const shown = await getExpert(actor, id)
  const [row] = await db.select().from(experts).where(eq(experts.id, shown.id))
  const personal = canSeePersonal(actor, row!, await officerAreasOf(actor))
  const items = await listRevisions(db, RECORD_TYPE, id)
  return {
    items: items.map((item) => {
      if (personal || typeof item.data !== 'object' || item.data === null) return item
      const data = { ...(item.data as Record<string, unknown>) }
      for (const key of PERSONAL_FIELDS) if (key in data) data[key] = null
      return { ...item, data }
    }),
  }
}

const normalize = (name: string | null | undefined) => (name ?? '').replace(/\s+/g, '')

type DuplicateInput = { name: string; currentOrgId?: string | null; currentOrgName?: string | null }

/** Same name and same organization among the experts the caller can see: a warning with a link, never a refusal. */
export async function findDuplicates(actor: Actor, input: DuplicateInput) {
  return (await findDuplicatesOfMany(actor, [input]))[0]!
}

/** `findDuplicates` for each of many new experts (a bulk import): one query for all of their names. */
export async function findDuplicatesOfMany(actor: Actor, inputs: readonly DuplicateInput[]) {
  const viewer = await viewerFor(actor)
  const names = [...new Set(inputs.map((i) => i.name.trim()))]
  const byName = new Map<
    string,
    { id: string; name: string; currentOrgId: string | null; currentOrgName: string | null }[]
  >()
  for (let from = 0; from < names.length; from += 5000) {
    const rows = await db
      .select({
        id: experts.id,
        name: experts.name,
        currentOrgId: experts.currentOrgId,
        currentOrgName: experts.currentOrgName,
      })
      .from(experts)
      .where(
        and(
          inArray(experts.name, names.slice(from, from + 5000)),
          isNull(experts.archivedAt),
          visibleCondition(viewer, RECORD_TYPE, experts),
        ),
      )
    for (const row of rows) {
      const list = byName.get(row.name)
      if (list) list.push(row)
      else byName.set(row.name, [row])
    }
  }
  return inputs.map((input) => {
    const orgName = normalize(input.currentOrgName)
    return (byName.get(input.name.trim()) ?? [])
      .filter(
        (r) =>
          (input.currentOrgId && r.currentOrgId === input.currentOrgId) ||
          (orgName !== '' && normalize(r.currentOrgName) === orgName) ||
          (!input.currentOrgId && !orgName && !r.currentOrgName),
      )
      .slice(0, 5)
      .map((r) => ({ id: r.id, name: r.name, organizationName: r.currentOrgName, reason: '同一单位已有同名专家' }))
  })
}
