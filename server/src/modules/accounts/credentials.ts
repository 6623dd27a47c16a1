import { desc, eq } from 'drizzle-orm'
import type { Transaction } from '../../db'
import { hashPassword, verifyPassword } from '../../platform/auth/password'
import { type PasswordPolicy, passwordProblems } from '../../platform/auth/password-policy'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { passwordHistory, users } from './schema'

/** Refuses a password the policy does not allow or that repeats one of the last N. */
export async function assertAcceptablePassword(
  tx: Transaction,
  user: { id: string; username: string },
  password: string,
  policy: PasswordPolicy,
): Promise<void> {
  const problems = passwordProblems(password, user.username, policy)
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', `新密码不符合密码策略：${problems.join('；')}`, {
      fields: [{ path: 'newPassword', message: problems.join('；') }],
    })
  }
  if (policy.historyCount === 0) return
  const recent = await tx
    .select({ hash: passwordHistory.hash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, user.id))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(policy.historyCount)
  for (const old of recent) {
    if (await verifyPassword(old.hash, password)) {
      throw new AppError('PASSWORD_REUSED', `新密码不得与最近 ${policy.historyCount} 次使用过的密码相同`, {
        fields: [{ path: 'newPassword', message: `不得与最近 ${policy.historyCount} 次使用过的密码相同` }],
      })
    }
  }
}

/** Stores a new password hash, records it in the history, and clears the must-change flag unless asked. */
export async function storePassword(
  tx: Transaction,
  userId: string,
  password: string,
  options: { mustChange: boolean },
): Promise<void> {
  const hash = await hashPassword(password)
  const at = now()
  await tx
    .update(users)
    .set({ passwordHash: hash, passwordChangedAt: at, mustChangePassword: options.mustChange, updatedAt: at })
    .where(eq(users.id, userId))
  await tx.insert(passwordHistory).values({ id: newId(), userId, hash, createdAt: at })
}

/** A one-time password that satisfies the default policy: shown once, changed at first sign-in. */
export function generateOneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
  const symbols = '!@#$%&*+-='
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let out = ''
  for (const b of bytes) out += alphabet[b % alphabet.length]
  // Guarantee all four classes regardless of the random draw.
  return `${out.slice(0, 12)}A7${symbols[bytes[0]! % symbols.length]}k`
}
