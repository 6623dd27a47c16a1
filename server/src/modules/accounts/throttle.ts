import { eq } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { signInThrottle } from './schema'

/** Per client address: this many failed sign-ins within the window block the address for the window. */
export const IP_FAILURE_LIMIT = 20
export const IP_WINDOW_MS = 15 * 60 * 1000

export async function assertAddressNotBlocked(ip: string): Promise<void> {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.ip, ip))
  if (row?.blockedUntil && row.blockedUntil > now()) {
    const minutes = Math.ceil((row.blockedUntil.getTime() - now().getTime()) / 60_000)
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
