import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm'
import { db, type Queryable, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { descendantsOf, getJurisdiction, oversightScope, requireJurisdiction } from '../jurisdictions/service'
import type { CreateOrganization, Organization, OrganizationQuery, UpdateOrganization } from './contracts'
import { organizationKindLabels } from './labels'
import { organizations } from './schema'

type Row = typeof organizations.$inferSelect

async function toOrganization(row: Row): Promise<Organization> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kindLabel: organizationKindLabels[row.kind],
    uscc: row.uscc,
    isLegalEntity: row.isLegalEntity,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: (await getJurisdiction(row.jurisdictionCode))?.fullName ?? row.jurisdictionCode,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  }
}

async function assertUsccFree(uscc: string | null | undefined, exceptId?: string) {
  if (!uscc) return
  const [clash] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.uscc, uscc))
  if (clash && clash.id !== exceptId) {
    throw new AppError('ALREADY_EXISTS', `统一社会信用代码 ${uscc} 已登记为“${clash.name}”`, {
      fields: [{ path: 'uscc', message: `已登记为“${clash.name}”` }],
    })
  }
}

export async function createOrganization(actor: Actor, input: CreateOrganization): Promise<Organization> {
  requirePermission(actor, 'organization.manage')
  await requireJurisdiction(input.jurisdictionCode)
  await assertUsccFree(input.uscc)
  const row = await db.transaction(async (tx) => {
    const at = now()
    const [row] = await tx
      .insert(organizations)
      .values({
        id: newId(),
        name: input.name,
        kind: input.kind,
        isLegalEntity: input.isLegalEntity ?? true,
        uscc: input.uscc ?? null,
        jurisdictionCode: input.jurisdictionCode,
        address: input.address ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await audit(tx, actor, { action: 'organization.create', targetType: 'organization', targetId: row!.id, after: row })
    return row!
  })
  return toOrganization(row)
}

export async function updateOrganization(actor: Actor, id: string, input: UpdateOrganization): Promise<Organization> {
  requirePermission(actor, 'organization.manage')
  if (input.jurisdictionCode) await requireJurisdiction(input.jurisdictionCode)
  await assertUsccFree(input.uscc, id)
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update')
    if (!before) throw notFound('机构')
    if (before.version !== input.version) {
      throw new AppError('STALE_VERSION', '该机构已被他人修改，请刷新后再编辑', { current: before.version })
    }
    const { version: _version, ...changes } = input
    const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) }
    if (next.isLegalEntity && !next.uscc) {
      throw new AppError('VALIDATION_FAILED', '独立法人机构必须填写统一社会信用代码', {
        fields: [{ path: 'uscc', message: '独立法人机构必须填写统一社会信用代码' }],
      })
    }
    const [row] = await tx
      .update(organizations)
      .set({ ...changes, version: before.version + 1, updatedAt: now() })
      .where(eq(organizations.id, id))
      .returning()
    await audit(tx, actor, {
      action: 'organization.update',
      targetType: 'organization',
      targetId: id,
      before,
      after: row,
      detail: { fields: Object.keys(changes) },
    })
    return row!
  })
  return toOrganization(row)
}

async function scopeCondition(actor: Actor): Promise<SQL | undefined> {
  const scope = await oversightScope(actor)
  if (scope === 'all') return undefined
  if (scope === 'none') throw new AppError('FORBIDDEN', '您的角色无权查看机构列表')
  return inArray(organizations.jurisdictionCode, scope)
}

export async function getOrganization(actor: Actor, id: string): Promise<Organization> {
  requirePermission(actor, 'organization.read')
  const scope = await scopeCondition(actor)
  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), scope))
  if (!row) throw notFound('机构')
  return toOrganization(row)
}

export async function listOrganizations(actor: Actor, query: OrganizationQuery) {
  requirePermission(actor, 'organization.read')
  const conditions: (SQL | undefined)[] = [await scopeCondition(actor)]
  if (query.kind) conditions.push(eq(organizations.kind, query.kind))
  if (query.status) conditions.push(eq(organizations.status, query.status))
  if (query.jurisdiction)
    conditions.push(inArray(organizations.jurisdictionCode, await descendantsOf(query.jurisdiction)))
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conditions.push(or(ilike(organizations.name, like), ilike(organizations.uscc, like)))
  }
  const where = and(...conditions)
  const [{ total }] = (await db.select({ total: count() }).from(organizations).where(where)) as [{ total: number }]
  const rows = await db
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.jurisdictionCode), asc(organizations.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: await Promise.all(rows.map(toOrganization)), total: Number(total) }
}

/** For other modules: an organization's name, kind and area, without permission checks (internal use). */
export async function findOrganization(id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id))
  return row
}

/** For other modules: active organizations of one kind (e.g. the PoC centers a project may go to), by name. */
export async function findActiveOrganizationsOfKind(kind: Row['kind']): Promise<Row[]> {
  return db
    .select()
    .from(organizations)
    .where(and(eq(organizations.kind, kind), eq(organizations.status, 'active')))
    .orderBy(asc(organizations.name))
}

export async function countOrganizations(jurisdictionCodes: string[] | 'all'): Promise<number> {
  const where = jurisdictionCodes === 'all' ? undefined : inArray(organizations.jurisdictionCode, jurisdictionCodes)
  const [row] = await db.select({ total: count() }).from(organizations).where(where)
  return Number(row?.total ?? 0)
}

/** Names of several organizations at once (lists show the owner of every row). */
export async function organizationNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, unique))
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** For registries: organizations by id, 统一社会信用代码 or exact name, read in the caller's transaction when given one. */
export async function findOrganizations(
  q: Queryable,
  by: { ids?: readonly string[]; usccs?: readonly string[]; names?: readonly string[] },
): Promise<Row[]> {
  const ids = [...new Set(by.ids ?? [])]
  const usccs = [...new Set(by.usccs ?? [])]
  const names = [...new Set(by.names ?? [])]
  if (ids.length === 0 && usccs.length === 0 && names.length === 0) return []
  return q
    .select()
    .from(organizations)
    .where(
      or(
        ids.length ? inArray(organizations.id, ids) : undefined,
        usccs.length ? inArray(organizations.uscc, usccs) : undefined,
        names.length ? inArray(organizations.name, names) : undefined,
      ),
    )
}

/**
 * For registries that register an organization together with their own record (企业库): inserts it in the
 * caller's transaction, with its audit record. The caller has checked the area and the 统一社会信用代码.
 */
export async function insertOrganization(
  tx: Transaction,
  actor: Actor,
  // uscc null: a unit without legal personality of its own (a PoC center inside a university, 载体库).
  input: { name: string; kind: Row['kind']; uscc: string | null; jurisdictionCode: string; address?: string | null },
): Promise<Row> {
  const [clash] = input.uscc ? await findOrganizations(tx, { usccs: [input.uscc] }) : []
  if (clash) {
    throw new AppError('ALREADY_EXISTS', `统一社会信用代码 ${input.uscc} 已登记为“${clash.name}”`, {
      fields: [{ path: 'uscc', message: `已登记为“${clash.name}”` }],
      organizationId: clash.id,
    })
  }
  const at = now()
  const [row] = await tx
    .insert(organizations)
    .values({
      id: newId(),
      name: input.name,
      kind: input.kind,
      isLegalEntity: input.uscc !== null,
      uscc: input.uscc,
      jurisdictionCode: input.jurisdictionCode,
      address: input.address ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning()
  await audit(tx, actor, { action: 'organization.create', targetType: 'organization', targetId: row!.id, after: row })
  return row!
}

/** For registries: an organization's new name (更名), in the caller's transaction, with its audit record. */
export async function renameOrganization(tx: Transaction, actor: Actor, id: string, name: string): Promise<void> {
  const [before] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update')
  if (!before) throw notFound('机构')
  if (before.name === name) return
  const [after] = await tx
    .update(organizations)
    .set({ name, version: before.version + 1, updatedAt: now() })
    .where(eq(organizations.id, id))
    .returning()
  await audit(tx, actor, {
    action: 'organization.update',
    targetType: 'organization',
    targetId: id,
    before,
    after,
    detail: { fields: ['name'] },
  })
}
