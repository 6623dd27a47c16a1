import { and, eq, gt, isNull } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import type { AnonymousActor } from '../../platform/auth/actor'
import { verifyPassword } from '../../platform/auth/password'
import type { PasswordPolicy } from '../../platform/auth/password-policy'
import { isRole, type Role, requiresSecondFactor } from '../../platform/auth/roles'
import { newTotpSecret, otpauthUri, verifyTotp } from '../../platform/auth/totp'
import { now } from '../../platform/clock/clock'
import { sha256 } from '../../platform/crypto/digest'
import { seal, unseal } from '../../platform/crypto/secret-box'
import { AppError } from '../../platform/errors/errors'
import { newId, newToken } from '../../platform/ids/ids'
import { runtime } from '../../platform/runtime/runtime'
import { readPasswordPolicy } from '../settings/service'
import type { ChallengeInput, ChallengeStep, SignInInput } from './auth-contracts'
import { assertAcceptablePassword, storePassword } from './credentials'
import { signInChallenges, users } from './schema'
import { type ClientInfo, createSession } from './sessions'
import { assertAddressNotBlocked, recordAddressFailure } from './throttle'

// One message for an unknown account, a wrong password, a disabled or a locked account: nothing to probe.
const GENERIC_FAILURE = '账号或密码错误。连续多次失败后账户将被临时锁定，如需帮助请联系安全管理员'
const CHALLENGE_MINUTES = 10
const CHALLENGE_ATTEMPTS = 5

type UserRow = typeof users.$inferSelect

export type SignInOutcome =
  | { status: 'signedIn'; token: string; sessionId: string; userId: string }
  | {
      status: 'challenge'
      step: ChallengeStep
      challengeToken: string
      reason?: 'firstSignIn' | 'expired' | 'secondFactor'
      enrollment?: { secret: string; otpauthUri: string }
      passwordPolicy?: PasswordPolicy
    }

function visitor(client: ClientInfo): AnonymousActor {
  return { kind: 'anonymous', ip: client.ip, requestId: client.requestId }
}

function subjectOf(user: UserRow | undefined, username: string) {
  return {
    userId: user?.id ?? null,
    username: user?.username ?? username.slice(0, 64),
    role: user?.role ?? null,
    orgId: user?.orgId ?? null,
  }
}

export async function signIn(client: ClientInfo, input: SignInInput): Promise<SignInOutcome> {
  await assertAddressNotBlocked(client, input.username)
  const key = input.username.trim().toLowerCase()
  const [user] = await db.select().from(users).where(eq(users.usernameKey, key))
  // The hash is checked even for an unknown or locked account, so timing tells nothing either.
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, input.password)
  const policy = await readPasswordPolicy()
  const at = now()
  const locked = !!user?.lockedUntil && user.lockedUntil > at
  if (user?.status !== 'active' || locked || !passwordMatches || !isRole(user.role)) {
    const reason = !user
      ? 'unknownAccount'
      : user.status !== 'active'
        ? 'disabled'
        : locked
          ? 'locked'
          : 'wrongPassword'
    await db.transaction(async (tx) => {
      if (user && reason === 'wrongPassword') await countAccountFailure(tx, user.id, client, policy)
      await recordAddressFailure(tx, client.ip)
      await audit(tx, visitor(client), {
        action: 'auth.signIn',
        outcome: 'failure',
        targetType: 'user',
        targetId: user?.id ?? null,
        subject: subjectOf(user, input.username),
        detail: { reason },
      })
    })
    throw new AppError('SIGN_IN_FAILED', GENERIC_FAILURE)
  }

  const steps = stepsOwed(user, policy, at)
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id))
    if (steps.length === 0) return finishSignIn(tx, user, client)
    const reason = steps.includes('changePassword')
      ? user.mustChangePassword
        ? 'firstSignIn'
        : 'expired'
      : 'secondFactor'
    return openChallenge(tx, user, steps, reason, client, policy)
  })
}

export function stepsOwed(user: UserRow, policy: PasswordPolicy, at: Date): ChallengeStep[] {
  const role = user.role as Role
  const secondFactorOn = runtime().requireTotp
  const steps: ChallengeStep[] = []
  if (secondFactorOn && user.totpEnrolledAt && user.totpSecret) steps.push('verifyTotp')
  const expired =
    policy.maxAgeDays > 0 &&
    (!user.passwordChangedAt || at.getTime() - user.passwordChangedAt.getTime() > policy.maxAgeDays * 86_400_000)
  if (user.mustChangePassword || expired) steps.push('changePassword')
  if (secondFactorOn && requiresSecondFactor(role) && !user.totpEnrolledAt) steps.push('enrollTotp')
  return steps
}

async function countAccountFailure(tx: Transaction, userId: string, client: ClientInfo, policy: PasswordPolicy) {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update')
  if (!row) return
  const at = now()
  // A lock that has run out starts a fresh count.
  const previous = row.lockedUntil && row.lockedUntil <= at ? 0 : row.failedAttempts
  const failures = previous + 1
  if (failures >= policy.lockoutThreshold) {
    const lockedUntil = new Date(at.getTime() + policy.lockoutMinutes * 60_000)
    await tx.update(users).set({ failedAttempts: failures, lockedUntil }).where(eq(users.id, userId))
    await audit(tx, visitor(client), {
      action: 'auth.lock',
      targetType: 'user',
      targetId: userId,
      subject: { userId, username: row.username, role: row.role, orgId: row.orgId },
      detail: { failures, lockedUntil: lockedUntil.toISOString(), minutes: policy.lockoutMinutes },
    })
  } else {
    await tx.update(users).set({ failedAttempts: failures, lockedUntil: null }).where(eq(users.id, userId))
  }
}

async function openChallenge(
  tx: Transaction,
  user: UserRow,
  steps: ChallengeStep[],
  reason: 'firstSignIn' | 'expired' | 'secondFactor',
  client: ClientInfo,
  policy: PasswordPolicy,
): Promise<SignInOutcome> {
  const token = newToken()
  const pendingSecret = steps.includes('enrollTotp') ? newTotpSecret() : null
  await tx.insert(signInChallenges).values({
    id: newId(),
    tokenHash: sha256(token),
    userId: user.id,
    steps: steps.join(','),
    reason,
    pendingTotpSecret: pendingSecret ? seal(pendingSecret) : null,
    createdAt: now(),
    expiresAt: new Date(now().getTime() + CHALLENGE_MINUTES * 60_000),
  })
  await audit(tx, visitor(client), {
    action: 'auth.signIn.challenge',
    targetType: 'user',
    targetId: user.id,
    subject: subjectOf(user, user.username),
    detail: { steps },
  })
  return describeStep(token, steps[0]!, reason, user, pendingSecret, policy)
}

function describeStep(
  token: string,
  step: ChallengeStep,
  reason: 'firstSignIn' | 'expired' | 'secondFactor',
  user: UserRow,
  pendingSecret: string | null,
  policy: PasswordPolicy,
): SignInOutcome {
  return {
    status: 'challenge',
    step,
    challengeToken: token,
    reason,
    ...(step === 'enrollTotp' && pendingSecret
      ? { enrollment: { secret: pendingSecret, otpauthUri: otpauthUri(pendingSecret, user.username) } }
      : {}),
    ...(step === 'changePassword' ? { passwordPolicy: policy } : {}),
  }
}

async function finishSignIn(tx: Transaction, user: UserRow, client: ClientInfo): Promise<SignInOutcome> {
  const session = await createSession(tx, { id: user.id, role: user.role as Role }, client)
  await audit(tx, visitor(client), {
    action: 'auth.signIn',
    targetType: 'session',
    targetId: session.sessionId,
    subject: subjectOf(user, user.username),
    detail: { sessionId: session.sessionId },
  })
  return { status: 'signedIn', token: session.token, sessionId: session.sessionId, userId: user.id }
}

const STALE_CHALLENGE = '登录步骤已失效，请重新输入账号和密码'

/** Completes the current step of a sign-in challenge and moves to the next, or signs the person in. */
export async function continueSignIn(client: ClientInfo, input: ChallengeInput): Promise<SignInOutcome> {
  await assertAddressNotBlocked(client)
  const at = now()
  const [challenge] = await db
    .select()
    .from(signInChallenges)
    .where(
      and(
        eq(signInChallenges.tokenHash, sha256(input.challengeToken)),
        isNull(signInChallenges.consumedAt),
        gt(signInChallenges.expiresAt, at),
      ),
    )
  if (!challenge) throw new AppError('SIGN_IN_FAILED', STALE_CHALLENGE)
  const [user] = await db.select().from(users).where(eq(users.id, challenge.userId))
  if (user?.status !== 'active' || (user.lockedUntil && user.lockedUntil > at)) {
    throw new AppError('SIGN_IN_FAILED', GENERIC_FAILURE)
  }
  const steps = challenge.steps.split(',') as ChallengeStep[]
  const step = steps[0]!
  const policy = await readPasswordPolicy()
  const pendingSecret = challenge.pendingTotpSecret ? unseal(challenge.pendingTotpSecret) : null

  if (step === 'changePassword') {
    if (!('newPassword' in input))
      throw new AppError('VALIDATION_FAILED', '请设置新密码', {
        fields: [{ path: 'newPassword', message: '请设置新密码' }],
      })
    // A rejected password rolls the transaction back, so the challenge stays open for another try.
    return db.transaction(async (tx) => {
      await assertAcceptablePassword(tx, user, input.newPassword, policy)
      await storePassword(tx, user.id, input.newPassword, { mustChange: false })
      await audit(tx, visitor(client), {
        action: 'account.password.change',
        targetType: 'user',
        targetId: user.id,
        subject: subjectOf(user, user.username),
        detail: { during: 'signIn', reason: challenge.reason },
      })
      return advance(
        tx,
        challenge.id,
        steps,
        user,
        client,
        pendingSecret,
        policy,
        input.challengeToken,
        challenge.reason,
      )
    })
  }

  if (!('code' in input))
    throw new AppError('VALIDATION_FAILED', '请输入 6 位动态验证码', {
      fields: [{ path: 'code', message: '请输入 6 位动态验证码' }],
    })
  const secret = step === 'enrollTotp' ? pendingSecret : user.totpSecret ? unseal(user.totpSecret) : null
  const matched = secret ? verifyTotp(secret, input.code, at, step === 'verifyTotp' ? user.totpLastStep : null) : null
  if (matched === null) {
    await db.transaction(async (tx) => {
      const attempts = challenge.attempts + 1
      await tx
        .update(signInChallenges)
        .set(attempts >= CHALLENGE_ATTEMPTS ? { attempts, consumedAt: at } : { attempts })
        .where(eq(signInChallenges.id, challenge.id))
      await countAccountFailure(tx, user.id, client, policy)
      await recordAddressFailure(tx, client.ip)
      await audit(tx, visitor(client), {
        action: 'auth.totp.verify',
        outcome: 'failure',
        targetType: 'user',
        targetId: user.id,
        subject: subjectOf(user, user.username),
        detail: { step, attempts },
      })
    })
    throw new AppError('TOTP_INVALID', '动态验证码错误或已被使用，请等待验证器刷新后输入新的验证码')
  }
  return db.transaction(async (tx) => {
    if (step === 'enrollTotp') {
      await tx
        .update(users)
        .set({ totpSecret: seal(secret!), totpEnrolledAt: at, totpLastStep: matched, updatedAt: at })
        .where(eq(users.id, user.id))
      await audit(tx, visitor(client), {
        action: 'account.totp.enroll',
        targetType: 'user',
        targetId: user.id,
        subject: subjectOf(user, user.username),
      })
    } else {
      await tx.update(users).set({ totpLastStep: matched }).where(eq(users.id, user.id))
    }
    return advance(tx, challenge.id, steps, user, client, pendingSecret, policy, input.challengeToken, challenge.reason)
  })
}

async function advance(
  tx: Transaction,
  challengeId: string,
  steps: ChallengeStep[],
  user: UserRow,
  client: ClientInfo,
  pendingSecret: string | null,
  policy: PasswordPolicy,
  token: string,
  reason: string | null,
): Promise<SignInOutcome> {
  const rest = steps.slice(1)
  if (rest.length === 0) {
    await tx.update(signInChallenges).set({ consumedAt: now() }).where(eq(signInChallenges.id, challengeId))
    return finishSignIn(tx, user, client)
  }
  await tx
    .update(signInChallenges)
    .set({ steps: rest.join(','), attempts: 0 })
    .where(eq(signInChallenges.id, challengeId))
  const why = reason === 'firstSignIn' || reason === 'expired' ? reason : 'secondFactor'
  return describeStep(token, rest[0]!, why, user, pendingSecret, policy)
}
