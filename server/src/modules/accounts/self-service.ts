import { eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { verifyPassword } from '../../platform/auth/password'
import { actions, isAllowed } from '../../platform/auth/permissions'
import { idleTimeoutSeconds, type Role, requiresSecondFactor, roleLabels } from '../../platform/auth/roles'
import { newTotpSecret, otpauthUri, verifyTotp } from '../../platform/auth/totp'
import { now } from '../../platform/clock/clock'
import { seal, unseal } from '../../platform/crypto/secret-box'
import { AppError } from '../../platform/errors/errors'
import { runtime } from '../../platform/runtime/runtime'
import { jurisdictions } from '../jurisdictions/schema'
import { organizations } from '../organizations/schema'
import { readPasswordPolicy } from '../settings/service'
import type { SessionView } from './auth-contracts'
import { assertAcceptablePassword, storePassword } from './credentials'
import { sessions, users } from './schema'
import { type ClientInfo, endSession, endSessionsOfUser, resolveSession } from './sessions'

export { type ClientInfo, endSessionsOfUser, resolveSession } from './sessions'
export { continueSignIn, signIn } from './sign-in'

function warnings(): string[] {
  const out: string[] = []
  if (runtime().demo) out.push('演示模式：数据为演示数据，演示账号的密码公开，请勿录入真实信息')
  if (!runtime().requireTotp) out.push('演示模式已关闭双因素认证（FIRSTMILE_REQUIRE_TOTP=0），正式环境必须开启')
  return out
}

/** What the web app needs to know about the caller: who, what they may do, and the CSRF token. */
export async function describeSession(actor: Actor, csrfToken?: string): Promise<SessionView> {
  if (actor.kind !== 'user') {
    return {
      user: null,
      permissions: actions.filter((a) => isAllowed(undefined, a)),
      demo: runtime().demo,
      warnings: warnings(),
    }
  }
  const [row] = await db
    .select({ user: users, orgName: organizations.name, jurisdictionName: jurisdictions.fullName, session: sessions })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .innerJoin(sessions, eq(sessions.id, actor.sessionId))
    .where(eq(users.id, actor.userId))
  if (!row) throw new AppError('UNAUTHENTICATED', '请先登录')
  const role = row.user.role as Role
  return {
    user: {
      id: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      role,
      roleLabel: roleLabels[role],
      orgId: row.user.orgId,
      orgName: row.orgName,
      jurisdictionCode: row.user.jurisdictionCode,
      jurisdictionName: row.jurisdictionName,
      totpEnrolled: !!row.user.totpEnrolledAt,
      totpRequired: runtime().requireTotp && requiresSecondFactor(role),
    },
    csrfToken: csrfToken ?? row.session.csrfToken,
    permissions: actions.filter((a) => isAllowed(role, a)),
    idleTimeoutSeconds: idleTimeoutSeconds(role),
    expiresAt: row.session.expiresAt.toISOString(),
    demo: runtime().demo,
    warnings: warnings(),
    passwordPolicy: await readPasswordPolicy(),
  }
}

export async function describeNewSession(token: string, client: ClientInfo): Promise<SessionView> {
  const resolved = await resolveSession(token, client)
  if (resolved.status !== 'valid') throw new AppError('INTERNAL', '会话创建失败，请重试')
  return describeSession(resolved.actor, resolved.csrfToken)
}

export async function signOut(actor: Actor): Promise<void> {
  const user = requireUser(actor)
  await db.transaction(async (tx) => {
    await endSession(tx, user.sessionId, 'signOut')
    await audit(tx, actor, { action: 'auth.signOut', targetType: 'session', targetId: user.sessionId })
  })
}

async function loadSelf(actor: Actor) {
  const user = requireUser(actor)
  requirePermission(actor, 'account.self')
  const [row] = await db.select().from(users).where(eq(users.id, user.userId))
  if (!row) throw new AppError('UNAUTHENTICATED', '请先登录')
  return row
}

/** Changes one's own password; every session of the account ends, this one included. */
export async function changeOwnPassword(actor: Actor, input: { currentPassword: string; newPassword: string }) {
  const row = await loadSelf(actor)
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await db.transaction((tx) =>
      audit(tx, actor, {
        action: 'account.password.change',
        outcome: 'failure',
        targetType: 'user',
        targetId: row.id,
        detail: { reason: 'wrongCurrentPassword' },
      }),
    )
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', {
      fields: [{ path: 'currentPassword', message: '当前密码不正确' }],
    })
  }
  const policy = await readPasswordPolicy()
  await db.transaction(async (tx) => {
    await assertAcceptablePassword(tx, row, input.newPassword, policy)
    await storePassword(tx, row.id, input.newPassword, { mustChange: false })
    const ended = await endSessionsOfUser(tx, row.id, 'passwordChanged')
    await audit(tx, actor, {
      action: 'account.password.change',
      targetType: 'user',
      targetId: row.id,
      detail: { sessionsEnded: ended },
    })
  })
}

export async function startTotpEnrollment(actor: Actor) {
  const row = await loadSelf(actor)
  if (row.totpEnrolledAt) throw new AppError('STATE_INVALID', '已绑定动态验证码；如需更换请先解绑或联系安全管理员重置')
  const secret = newTotpSecret()
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpPendingSecret: seal(secret), updatedAt: now() })
      .where(eq(users.id, row.id))
    await audit(tx, actor, { action: 'account.totp.enrollStart', targetType: 'user', targetId: row.id })
  })
  return { secret, otpauthUri: otpauthUri(secret, row.username) }
}

export async function confirmTotpEnrollment(actor: Actor, code: string) {
  const row = await loadSelf(actor)
  if (!row.totpPendingSecret) throw new AppError('STATE_INVALID', '请先开始绑定动态验证码')
  const secret = unseal(row.totpPendingSecret)
  const step = verifyTotp(secret, code, now(), null)
  if (step === null) throw new AppError('TOTP_INVALID', '动态验证码不正确，请核对验证器中的 6 位数字')
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: seal(secret),
        totpPendingSecret: null,
        totpEnrolledAt: now(),
        totpLastStep: step,
        updatedAt: now(),
      })
      .where(eq(users.id, row.id))
    await audit(tx, actor, { action: 'account.totp.enroll', targetType: 'user', targetId: row.id })
  })
}

/** Only roles for which the second factor is optional may remove it themselves. */
export async function disableOwnTotp(actor: Actor, code: string) {
  const row = await loadSelf(actor)
  if (requiresSecondFactor(row.role as Role) && runtime().requireTotp) {
    throw new AppError('FORBIDDEN', '您的角色必须使用双因素认证，不能自行解绑')
  }
  if (!row.totpSecret) throw new AppError('STATE_INVALID', '尚未绑定动态验证码')
  const step = verifyTotp(unseal(row.totpSecret), code, now(), row.totpLastStep)
  if (step === null) throw new AppError('TOTP_INVALID', '动态验证码错误或已被使用')
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnrolledAt: null, totpLastStep: step, updatedAt: now() })
      .where(eq(users.id, row.id))
    await audit(tx, actor, { action: 'account.totp.disable', targetType: 'user', targetId: row.id })
  })
}
