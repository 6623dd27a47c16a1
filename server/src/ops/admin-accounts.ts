import path from 'node:path'
import { eq } from 'drizzle-orm'
import { bindDatabase, db } from '../db'
import { openDatabase } from '../db/client'
import { generateOneTimePassword, storePassword } from '../modules/accounts/credentials'
import { users } from '../modules/accounts/schema'
import { endSessionsOfUser } from '../modules/accounts/sessions'
import { audit } from '../platform/audit/audit'
import { systemActor } from '../platform/auth/actor'
import { isAdministrator, type Role } from '../platform/auth/roles'
import { now } from '../platform/clock/clock'
import { loadMasterKey } from '../platform/crypto/secret-box'

/**
 * 三员 accounts are never managed through the platform (one administrator could otherwise take over
 * another's account). From the server console only:
 *   npm run accounts:admin -- reset <username>   one-time secret + second factor cleared, sessions ended
 *   npm run accounts:admin -- list
 * On PGlite, stop the server first (the data folder is locked while it runs).
 */
const [command, username] = process.argv.slice(2)
const dataDir = path.resolve(process.env.FIRSTMILE_DATA_DIR ?? './data')
loadMasterKey({ fromEnv: process.env.FIRSTMILE_MASTER_KEY, dataDir })
const url = process.env.DATABASE_URL
const handle = url
  ? await openDatabase({ kind: 'postgres', url, max: 1 })
  : await openDatabase({ kind: 'pglite', folder: dataDir })
bindDatabase(handle)
try {
  if (command === 'list') {
    for (const u of await db.select().from(users)) {
      if (isAdministrator(u.role as Role)) console.log(`${u.username.padEnd(16)} ${u.role.padEnd(14)} ${u.status}`)
    }
  } else if (command === 'reset' && username) {
    const [account] = await db.select().from(users).where(eq(users.usernameKey, username.toLowerCase()))
    if (!account || !isAdministrator(account.role as Role)) throw new Error(`没有名为 ${username} 的管理员账号`)
    const secret = generateOneTimePassword()
    await db.transaction(async (tx) => {
      await storePassword(tx, account.id, secret, { mustChange: true })
      await tx
        .update(users)
        .set({
          totpSecret: null,
          totpPendingSecret: null,
          totpEnrolledAt: null,
          failedAttempts: 0,
          lockedUntil: null,
          updatedAt: now(),
        })
        .where(eq(users.id, account.id))
      await endSessionsOfUser(tx, account.id, 'credentialsReset')
      await audit(tx, systemActor('console: accounts:admin reset'), {
        action: 'user.resetCredentials',
        targetType: 'user',
        targetId: account.id,
        detail: { console: true },
      })
    })
    process.stdout.write(
      `${account.username} 的一次性口令（仅显示一次）：${secret}\n首次登录须修改密码并重新绑定动态验证码。\n`,
    )
  } else {
    console.error('用法: npm run accounts:admin -- list | reset <管理员账号>')
    process.exitCode = 2
  }
} finally {
  await handle.close()
}
