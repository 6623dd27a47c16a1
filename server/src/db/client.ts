import { PGlite } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { type FolderLock, lockDataFolder } from './lock'
import * as schema from './schema'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Either the database or an open transaction: helpers that must join the caller's transaction take this. */
export type Queryable = Database | Transaction
export type DbKind = 'pglite' | 'postgres'

export type DatabaseHandle = {
  db: Database
  kind: DbKind
  /** Raw SQL for operations that Drizzle does not express (settings checks, template copies). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
  /** PGlite only: the client, for dumps. */
  pglite?: PGlite
  /** PostgreSQL only: the pool, for LISTEN connections. */
  pool?: pg.Pool
}

export type OpenOptions =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; folder?: string; loadDataDir?: Blob | File; lock?: boolean }

// Keep numeric and bigint columns exact: 分 amounts are bigint, never floats.
pg.types.setTypeParser(20, (v) => BigInt(v))

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 })
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on the next checkout.
    })
    const db = drizzlePg({ client: pool, schema }) as unknown as Database
    return {
      db,
      kind: 'postgres',
      pool,
      async query<T>(sql: string, params: unknown[] = []) {
        return (await pool.query(sql, params)).rows as T[]
      },
      close: () => pool.end(),
    }
  }
  let lock: FolderLock | undefined
  if (options.folder && options.lock !== false) lock = lockDataFolder(options.folder)
  try {
    const client = options.folder
      ? await PGlite.create(`${options.folder}/db`, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
      : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
    const db = drizzlePglite({ client, schema }) as unknown as Database
    return {
      db,
      kind: 'pglite',
      pglite: client,
      async query<T>(sql: string, params: unknown[] = []) {
        return (await client.query(sql, params)).rows as T[]
      },
      async close() {
        await client.close()
        lock?.release()
      },
    }
  } catch (error) {
    lock?.release()
    throw error
  }
}
