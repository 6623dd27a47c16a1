import type { DatabaseHandle } from '../db'
import { sm3 } from '../platform/crypto/digest'

export type Fingerprint = { tables: Record<string, number>; digest: string }

/**
 * Row counts of every application table and one SM3 digest over all their rows in primary-key order: two
 * databases with the same fingerprint hold the same data.
 */
export async function fingerprint(handle: DatabaseHandle): Promise<Fingerprint> {
  const tables = await handle.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  )
  const counts: Record<string, number> = {}
  const parts: string[] = []
  for (const { name } of tables) {
    const [row] = await handle.query<{ n: number | string; d: string | null }>(
      `select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from "${name}" t`,
    )
    counts[name] = Number(row?.n ?? 0)
    parts.push(`${name}:${counts[name]}:${row?.d}`)
  }
  return { tables: counts, digest: sm3(parts.join('\n')) }
}
