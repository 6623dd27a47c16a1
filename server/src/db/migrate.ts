import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { DatabaseHandle } from './client'

const here = path.dirname(fileURLToPath(import.meta.url))
export const MIGRATIONS_FOLDER = path.resolve(here, '../../drizzle')

// Several servers may start at once against one PostgreSQL: the first migrates, the others wait.
const MIGRATION_LOCK = 0x46_4d_4d_47 // "FMMG"

/** Applies the committed SQL migrations (never a schema push). */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER })
    return
  }
  const client = await handle.pool!.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migratePg(handle.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER })
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}

/**
 * PostgreSQL must not acknowledge a commit it could lose: fsync, synchronous_commit and full_page_writes
 * have to be on. FIRSTMILE_ALLOW_UNSAFE_PG=1 skips the check (throw-away test clusters only).
 */
export async function assertDurablePostgres(handle: DatabaseHandle, allowUnsafe: boolean): Promise<string[]> {
  if (handle.kind !== 'postgres') return []
  const problems: string[] = []
  for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) {
    const [row] = await handle.query<{ value: string }>(`select current_setting('${setting}') as value`)
    if (row?.value !== 'on') problems.push(`${setting} = ${row?.value}（应为 on）`)
  }
  if (problems.length && !allowUnsafe) {
    throw new Error(
      `PostgreSQL 持久性设置不安全，拒绝启动：${problems.join('；')}。仅测试环境可设置 FIRSTMILE_ALLOW_UNSAFE_PG=1 跳过检查。`,
    )
  }
  return problems
}
