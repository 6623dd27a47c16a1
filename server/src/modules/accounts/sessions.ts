import { and, eq, isNull } from 'drizzle-orm'
import { db, type Queryable, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import type { UserActor } from '../../platform/auth/actor'
import { ABSOLUTE_SESSION_SECONDS, idleTimeoutSeconds, isRole, type Role } from '../../platform/auth/roles'
import { now } from '../../platform/clock/clock'
import { sha256 } from '../../platform/crypto/digest'
import { newId, newToken } from '../../platform/ids/ids'
import { sessions, users } from './schema'

export type ClientInfo = { ip: string; userAgent?: string | undefined; requestId: string }

// lastSeenAt is refreshed at most this often, so reads do not turn into a write per request.
const TOUCH_INTERVAL_MS = 15_000

export async function createSession(
  tx: Transaction,
  user: { id: string; role: Role },
  client: ClientInfo,
): Promise<{ token: string; sessionId: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken()
  const csrfToken = newToken(24)
  const at = now()
  const expiresAt = new Date(at.getTime() + ABSOLUTE_SESSION_SECONDS * 1000)
  const sessionId = newId()
  await tx.insert(sessions).values({
    id: sessionId,
    tokenHash: sha256(token),
    userId: user.id,
    role: user.role,
    csrfToken,
    idleTimeoutSeconds: idleTimeoutSeconds(user.role),
    createdAt: at,
    lastSeenAt: at,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500),
  })
  return { token, sessionId, csrfToken, expiresAt }
}

export type ResolvedSession =
  | { status: 'valid'; actor: UserActor; csrfToken: string }
  | { status: 'expired' | 'invalid' }

/** Turns a cookie token into an actor, ending the session when it has idled or outlived its 12 hours. */
export async function resolveSession(token: string, client: ClientInfo): Promise<ResolvedSession> {
  if (token.length < 20 || token.length > 200) return { status: 'invalid' }
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), isNull(sessions.endedAt)))
  if (!row) return { status: 'invalid' }
  const { session, user } = row
  const at = now()
  const idleFor = at.getTime() - session.lastSeenAt.getTime()
  let endReason: string | undefined
  if (at >= session.expiresAt) endReason = 'absoluteTimeout'
  else if (idleFor > session.idleTimeoutSeconds * 1000) endReason = 'idleTimeout'
  else if (user.status !== 'active') endReason = 'accountDisabled'
  else if (user.role !== session.role || !isRole(user.role)) endReason = 'roleChanged'
  if (endReason) {
    await db.transaction(async (tx) => {
      const ended = await endSession(tx, session.id, endReason)
      if (ended) {
        await audit(
          tx,
          { kind: 'anonymous', ip: client.ip, requestId: client.requestId },
          {
            action: 'auth.session.end',
            targetType: 'session',
            targetId: session.id,
            subject: { userId: user.id, username: user.username, role: user.role, orgId: user.orgId },
            detail: { reason: endReason },
          },
        )
      }
    })
    return { status: endReason.endsWith('Timeout') ? 'expired' : 'invalid' }
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, session.id))
  }
  return {
    status: 'valid',
    csrfToken: session.csrfToken,
    actor: {
      kind: 'user',
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      orgId: user.orgId,
      jurisdictionCode: user.jurisdictionCode,
      sessionId: session.id,
      ip: client.ip,
      requestId: client.requestId,
    },
  }
}

export async function endSession(q: Queryable, sessionId: string, reason: string): Promise<boolean> {
  const ended = await q
    .update(sessions)
    .set({ endedAt: now(), endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id })
  return ended.length > 0
}

/** Ends every open session of an account (password change, disabling, credential reset). */
export async function endSessionsOfUser(q: Queryable, userId: string, reason: string): Promise<number> {
  const ended = await q
    .update(sessions)
    .set({ endedAt: now(), endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id })
  return ended.length
}
