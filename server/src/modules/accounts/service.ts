import { and, asc, count, desc, eq, gt, ilike, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { isAdministrator, type Role, roleLabels } from '../../platform/auth/roles'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { getJurisdiction } from '../jurisdictions/service'
import { organizationKindLabels } from '../organizations/labels'
import { findOrganization } from '../organizations/service'
import type { CreateUser, UpdateUser, User, UserQuery } from './contracts'
import { generateOneTimePassword, storePassword } from './credentials'
import { roleOrganizationProblem } from './role-rules'
import { sessions, users } from './schema'
import { endSessionsOfUser } from './sessions'

type Row = typeof users.$inferSelect

async function toUser(row: Row): Promise<User> {
  const org = await findOrganization(row.orgId)
  const role = row.role as Role
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role,
    roleLabel: roleLabels[role] ?? row.role,
    orgId: row.orgId,
    orgName: org?.name ?? '',
    jurisdictionCode: row.jurisdictionCode,
    email: row.email,
    phone: row.phone,
    status: row.status,
    locked: !!row.lockedUntil && row.lockedUntil > now(),
    lockedUntil: row.lockedUntil && row.lockedUntil > now() ? row.lockedUntil.toISOString() : null,
    failedAttempts: row.failedAttempts,
    totpEnrolled: !!row.totpEnrolledAt,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  }
}

/** Checks the organization exists and fits the role; returns the jurisdiction the account inherits. */
async function organizationFor(role: Role, orgId: string): Promise<string> {
  const org = await findOrganization(orgId)
  if (!org)
    throw new AppError('VALIDATION_FAILED', '所属机构不存在', {
      fields: [{ path: 'orgId', message: '所属机构不存在' }],
    })
  const area = await getJurisdiction(org.jurisdictionCode)
  const problem = roleOrganizationProblem(
    role,
    { kind: org.kind, level: area?.level ?? 'district' },
    organizationKindLabels[org.kind],
  )
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: [{ path: 'orgId', message: problem }] })
  return org.jurisdictionCode
}

/** 三权分立: administrator accounts are managed only from the server console (npm run accounts:admin), never through the API. */
function refuseAdministrator(role: string, doing: string) {
  if (isAdministrator(role as Role)) {
    throw new AppError('FORBIDDEN', `管理员账号不能通过平台${doing}，请在服务器上使用 npm run accounts:admin`, { role })
  }
}

export async function createUser(actor: Actor, input: CreateUser): Promise<{ user: User; initialPassword: string }> {
  requirePermission(actor, 'user.manage')
  refuseAdministrator(input.role, '创建')
  const jurisdictionCode = await organizationFor(input.role, input.orgId)
  const usernameKey = input.username.toLowerCase()
  const [clash] = await db.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey))
  if (clash)
    throw new AppError('ALREADY_EXISTS', `账号 ${input.username} 已存在`, {
      fields: [{ path: 'username', message: '账号已存在（不区分大小写）' }],
    })
  const initialPassword = generateOneTimePassword()
  const row = await db.transaction(async (tx) => {
    const at = now()
    const id = newId()
    await tx.insert(users).values({
      id,
      username: input.username,
      usernameKey,
      displayName: input.displayName,
      role: input.role,
      orgId: input.orgId,
      jurisdictionCode,
      email: input.email ?? null,
      phone: input.phone ?? null,
      createdAt: at,
      updatedAt: at,
    })
    await storePassword(tx, id, initialPassword, { mustChange: true })
    const created = await lockUser(tx, id)
    await audit(tx, actor, {
      action: 'user.create',
      targetType: 'user',
      targetId: id,
      after: publicPart(created),
      detail: { role: input.role },
    })
    return created
  })
  return { user: await toUser(row), initialPassword }
}

/** The parts of an account that may be digested into the audit trail: never hashes or secrets. */
function publicPart(row: Row) {
  const { passwordHash: _p, totpSecret: _t, totpPendingSecret: _pt, ...rest } = row
  return rest
}

async function lockUser(tx: Transaction, id: string): Promise<Row> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update')
  if (!row) throw notFound('账号')
  return row
}

export async function updateUser(actor: Actor, id: string, input: UpdateUser): Promise<User> {
  requirePermission(actor, 'user.manage')
  const row = await db.transaction(async (tx) => {
    const before = await lockUser(tx, id)
    refuseAdministrator(before.role, '修改')
    if (input.role) refuseAdministrator(input.role, '授予')
    if (before.version !== input.version)
      throw new AppError('STALE_VERSION', '该账号已被他人修改，请刷新后再编辑', { current: before.version })
    const role = (input.role ?? before.role) as Role
    const orgId = input.orgId ?? before.orgId
    const jurisdictionCode = input.role || input.orgId ? await organizationFor(role, orgId) : before.jurisdictionCode
    const { version: _v, ...changes } = input
    const [row] = await tx
      .update(users)
      .set({ ...changes, jurisdictionCode, version: before.version + 1, updatedAt: now() })
      .where(eq(users.id, id))
      .returning()
    // A new role or organization must not ride on sessions opened under the old one.
    if (role !== before.role || orgId !== before.orgId) await endSessionsOfUser(tx, id, 'accountChanged')
    await audit(tx, actor, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      before: publicPart(before),
      after: publicPart(row!),
      detail: { fields: Object.keys(changes) },
    })
    return row!
  })
  return toUser(row)
}

export async function setUserStatus(actor: Actor, id: string, status: 'active' | 'disabled'): Promise<User> {
  requirePermission(actor, 'user.manage')
  const row = await db.transaction(async (tx) => {
    const before = await lockUser(tx, id)
    refuseAdministrator(before.role, status === 'disabled' ? '停用' : '启用')
    const [row] = await tx
      .update(users)
      .set({ status, version: before.version + 1, updatedAt: now() })
      .where(eq(users.id, id))
      .returning()
    const ended = status === 'disabled' ? await endSessionsOfUser(tx, id, 'accountDisabled') : 0
    await audit(tx, actor, {
      action: status === 'disabled' ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: id,
      before: publicPart(before),
      after: publicPart(row!),
      detail: { sessionsEnded: ended },
    })
    return row!
  })
  return toUser(row)
}

/** Unlocking gives nobody access, so the security administrator may unlock any account, administrators included. */
export async function unlockUser(actor: Actor, id: string): Promise<User> {
  requirePermission(actor, 'user.unlock')
  const row = await db.transaction(async (tx) => {
    const before = await lockUser(tx, id)
    const [row] = await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, updatedAt: now() })
      .where(eq(users.id, id))
      .returning()
    await audit(tx, actor, {
      action: 'user.unlock',
      targetType: 'user',
      targetId: id,
      detail: { wasLockedUntil: before.lockedUntil?.toISOString() ?? null, failedAttempts: before.failedAttempts },
    })
    return row!
  })
  return toUser(row)
}

/** Issues a one-time password and/or clears the second factor; every session of the account ends. */
export async function resetCredentials(actor: Actor, id: string, input: { password: boolean; totp: boolean }) {
  requirePermission(actor, 'user.resetCredentials')
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, id)
    // Resetting an administrator's credentials would hand one administrator another's account.
    refuseAdministrator(before.role, '重置凭据')
    const initialPassword = input.password ? generateOneTimePassword() : undefined
    if (initialPassword) await storePassword(tx, id, initialPassword, { mustChange: true })
    if (input.totp) {
      await tx
        .update(users)
        .set({ totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, updatedAt: now() })
        .where(eq(users.id, id))
    }
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, version: before.version + 1 })
      .where(eq(users.id, id))
    const ended = await endSessionsOfUser(tx, id, 'credentialsReset')
    await audit(tx, actor, {
      action: 'user.resetCredentials',
      targetType: 'user',
      targetId: id,
      detail: { password: input.password, totp: input.totp, sessionsEnded: ended },
    })
    return initialPassword ? { initialPassword } : {}
  })
}

export async function listUsers(actor: Actor, query: UserQuery) {
  requirePermission(actor, 'user.read')
  const conditions: (SQL | undefined)[] = []
  if (query.role) conditions.push(eq(users.role, query.role))
  if (query.orgId) conditions.push(eq(users.orgId, query.orgId))
  if (query.status) conditions.push(eq(users.status, query.status))
  if (query.locked === 'true') conditions.push(gt(users.lockedUntil, now()))
  if (query.locked === 'false') conditions.push(or(isNull(users.lockedUntil), lte(users.lockedUntil, now())))
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conditions.push(or(ilike(users.username, like), ilike(users.displayName, like)))
  }
  const where = and(...conditions)
  const [totalRow] = await db.select({ total: count() }).from(users).where(where)
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(desc(users.lockedUntil), asc(users.usernameKey))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: await Promise.all(rows.map(toUser)), total: Number(totalRow?.total ?? 0) }
}

export async function listActiveSessions(actor: Actor) {
  requirePermission(actor, 'security.sessions.read')
  const rows = await db
    .select({ session: sessions, username: users.username })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(isNull(sessions.endedAt), gt(sessions.expiresAt, now())))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(500)
  return {
    items: rows
      .filter((r) => now().getTime() - r.session.lastSeenAt.getTime() <= r.session.idleTimeoutSeconds * 1000)
      .map((r) => ({
        id: r.session.id,
        userId: r.session.userId,
        username: r.username,
        role: r.session.role,
        createdAt: r.session.createdAt.toISOString(),
        lastSeenAt: r.session.lastSeenAt.toISOString(),
        expiresAt: r.session.expiresAt.toISOString(),
        ip: r.session.ip,
        userAgent: r.session.userAgent,
      })),
  }
}

export async function countUsers(): Promise<{ total: number; locked: number; disabled: number }> {
  const [row] = await db
    .select({
      total: count(),
      locked: sql<number>`count(*) filter (where ${users.lockedUntil} > ${now()})`,
      disabled: sql<number>`count(*) filter (where ${users.status} = 'disabled')`,
    })
    .from(users)
  return { total: Number(row?.total ?? 0), locked: Number(row?.locked ?? 0), disabled: Number(row?.disabled ?? 0) }
}

/** For other modules (an expert profile linked to its account): who an account is, without permission checks. */
export async function findUserSummary(
  id: string,
): Promise<{ id: string; displayName: string; role: Role; orgId: string; status: Row['status'] } | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      orgId: users.orgId,
      status: users.status,
    })
    .from(users)
    .where(eq(users.id, id))
  return row ? { ...row, role: row.role as Role } : undefined
}
