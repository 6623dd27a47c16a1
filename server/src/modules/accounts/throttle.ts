import { eq } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { signInThrottle } from './schema'

/** Per client address: this many failed sign-ins within the window block the address for the window. */
export const IP_FAILURE_LIMIT = 20
export const IP_WINDOW_MS = 15 * 60 * 1000

export async function assertAddressNotBlocked(
  client: { ip: string; requestId: string },
  username?: string,
): Promise<void> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.ip, client.ip))
  if (row?.blockedUntil && row.blockedUntil > now()) {
    const minutes = Math.ceil((row.blockedUntil.getTime() - now().getTime()) / 60_000)
    await db.transaction((tx) =>
      audit(
        tx,
        { kind: 'anonymous', ip: client.ip, requestId: client.requestId },
        {
          action: 'auth.signIn',
          outcome: 'denied',
          subject: { username: username?.slice(0, 64) ?? null },
          detail: { reason: 'addressBlocked', blockedUntil: row.blockedUntil!.toISOString() },
        },
      ),
    )
    throw new AppError('RATE_LIMITED', `该网络地址登录失败次数过多，请 ${minutes} 分钟后再试`, {
      retryAfterMinutes: minutes,
    })
  }
}

export async function recordAddressFailure(tx: Transaction, ip: string): Promise<void> {
  const at = now()
  const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.ip, ip)).for('update')
  if (!row || at.getTime() - row.windowStartedAt.getTime() > IP_WINDOW_MS) {
    await tx
      .insert(signInThrottle)
      .values({ ip, windowStartedAt: at, failures: 1, blockedUntil: null })
      .onConflictDoUpdate({ target: signInThrottle.ip, set: { windowStartedAt: at, failures: 1, blockedUntil: null } })
    return
  }
  const failures = row.failures + 1
  await tx
    .update(signInThrottle)
    .set({ failures, blockedUntil: failures >= IP_FAILURE_LIMIT ? new Date(at.getTime() + IP_WINDOW_MS) : null })
    .where(eq(signInThrottle.ip, ip))
}
