import { generateOneTimePassword, storePassword } from '../modules/accounts/credentials'
import { users } from '../modules/accounts/schema'
import { organizations } from '../modules/organizations/schema'
import { audit } from '../platform/audit/audit'
import { systemActor } from '../platform/auth/actor'
import type { Role } from '../platform/auth/roles'
import { now } from '../platform/clock/clock'
import { newId } from '../platform/ids/ids'
import type { Database } from './client'

export type BootstrapSecret = { username: string; role: Role; secret: string }

const ADMINISTRATORS: { username: string; displayName: string; role: Role }[] = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'systemAdmin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'securityAdmin' },
  { username: 'auditadmin', displayName: '审计管理员', role: 'auditAdmin' },
]

/**
 * A real installation ships no password: on an empty database the three administrators (三员) are created
 * with one-time secrets that are printed once; each must set a new password and enroll the second factor
 * at first sign-in.
 */
export async function bootstrapAdministrators(db: Database, jurisdictionCode: string): Promise<BootstrapSecret[]> {
  const secrets: BootstrapSecret[] = []
  await db.transaction(async (tx) => {
    const at = now()
    const orgId = newId()
    await tx.insert(organizations).values({
      id: orgId,
      name: '平台运营管理机构（请在机构管理中完善）',
      kind: 'scienceBureau',
      isLegalEntity: false,
      jurisdictionCode,
      createdAt: at,
      updatedAt: at,
    })
    for (const admin of ADMINISTRATORS) {
      const id = newId()
      const secret = generateOneTimePassword()
      await tx.insert(users).values({
        id,
        username: admin.username,
        usernameKey: admin.username,
        displayName: admin.displayName,
        role: admin.role,
        orgId,
        jurisdictionCode,
        createdAt: at,
        updatedAt: at,
      })
      await storePassword(tx, id, secret, { mustChange: true })
      secrets.push({ username: admin.username, role: admin.role, secret })
    }
    await audit(tx, systemActor('bootstrap'), {
      action: 'platform.bootstrap',
      targetType: 'platform',
      detail: { administrators: ADMINISTRATORS.map((a) => a.username) },
    })
  })
  return secrets
}
