import { eq } from 'drizzle-orm'
import { db, type Queryable } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { DEFAULT_PASSWORD_POLICY, PasswordPolicy } from '../../platform/auth/password-policy'
import { now } from '../../platform/clock/clock'
import { settings } from './schema'

const PASSWORD_POLICY_KEY = 'security.passwordPolicy'

export async function readPasswordPolicy(q: Queryable = db): Promise<PasswordPolicy> {
  const [row] = await q.select().from(settings).where(eq(settings.key, PASSWORD_POLICY_KEY))
  if (!row) return DEFAULT_PASSWORD_POLICY
  const parsed = PasswordPolicy.safeParse(row.value)
  // A stored policy that no longer parses falls back to the MLPS default rather than to no policy.
  return parsed.success ? parsed.data : DEFAULT_PASSWORD_POLICY
}

export async function getPasswordPolicy(actor: Actor): Promise<PasswordPolicy> {
  requirePermission(actor, 'security.policy.read')
  return readPasswordPolicy()
}

export async function setPasswordPolicy(actor: Actor, input: PasswordPolicy): Promise<PasswordPolicy> {
  requirePermission(actor, 'security.policy.manage')
  const policy = PasswordPolicy.parse(input)
  return db.transaction(async (tx) => {
    const before = await readPasswordPolicy(tx)
    const userId = actor.kind === 'user' ? actor.userId : null
    await tx
      .insert(settings)
      .values({ key: PASSWORD_POLICY_KEY, value: policy, updatedAt: now(), updatedBy: userId })
      .onConflictDoUpdate({ target: settings.key, set: { value: policy, updatedAt: now(), updatedBy: userId } })
    await audit(tx, actor, {
      action: 'security.policy.update',
      targetType: 'setting',
      targetId: PASSWORD_POLICY_KEY,
      before,
      after: policy,
      detail: { policy },
    })
    return policy
  })
}
