import fs from 'node:fs'
import os from 'node:os'
import pg from 'pg'
import { bindDatabase } from '../../server/src/db'
import { openDatabase } from '../../server/src/db/client'
import { rebuildIndexes, registerSearchProfile } from '../../server/src/modules/search/service'
import { type BuildInput, buildIndexInParallel } from '../../server/src/platform/search/parallel-build'
import type { Corpus } from './corpus'
import { BENCH_INDEX } from './engines/firstmile'
import type { RebuildResult } from './report'

const DATABASE = 'firstmile_bench_match'
const RECORD_TYPE = 'bench_abstract'

/** A record id per document, ordered like the documents (rebuildIndexes pages by record id). */
export const recordId = (doc: number) => `00000000-0000-4000-8000-${doc.toString(16).padStart(12, '0')}`

/** The two tables the start-up rebuild reads, as server/src/platform/registry/schema.ts declares them. */
const DDL = [
  `CREATE TABLE IF NOT EXISTS search_documents (
     record_type varchar(40) NOT NULL, record_id uuid NOT NULL, fields jsonb NOT NULL, attributes jsonb NOT NULL,
     updated_at timestamptz NOT NULL, PRIMARY KEY (record_type, record_id))`,
  `CREATE TABLE IF NOT EXISTS change_feed (
     seq bigserial PRIMARY KEY, record_type varchar(40) NOT NULL, record_id uuid NOT NULL, op text NOT NULL,
     at timestamptz NOT NULL)`,
]

function databaseUrl(server: string, database: string): string {
  const url = new URL(server)
  url.pathname = `/${database}`
  return url.toString()
}

/** Creates the bench database and fills search_documents with the corpus's stored tokens (once per size). */
async function prepare(corpus: Corpus, server: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`)
  await admin.end()
  const url = databaseUrl(server, DATABASE)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  for (const ddl of DDL) await client.query(ddl)
  const have = await client.query('SELECT count(*)::int AS n FROM search_documents WHERE record_type = $1', [
    RECORD_TYPE,
  ])
  if (have.rows[0].n !== corpus.size) {
    const t = performance.now()
    await client.query('SET synchronous_commit = off')
    await client.query('DELETE FROM search_documents WHERE record_type = $1', [RECORD_TYPE])
    await client.query('TRUNCATE change_feed')
    const BATCH = 5000
    for (let from = 0; from < corpus.size; from += BATCH) {
      const ids: string[] = []
      const words: string[] = []
      const disciplines: string[] = []
      for (let d = from; d < Math.min(corpus.size, from + BATCH); d++) {
        ids.push(recordId(d))
        words.push(corpus.tokenString(d))
        disciplines.push(corpus.discipline(d))
      }
      await client.query(
        `INSERT INTO search_documents (record_type, record_id, fields, attributes, updated_at)
         SELECT $1, id, jsonb_build_object('abstract', w), jsonb_build_object('discipline', dis), now()
         FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(id, w, dis)`,
        [RECORD_TYPE, ids, words, disciplines],
      )
    }
    await client.query('VACUUM ANALYZE search_documents')
    console.log(
      `  loaded ${corpus.size} stored documents into ${DATABASE} in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    )
  }
  const bytes = await client.query(`SELECT pg_total_relation_size('search_documents')::float8 AS bytes`)
  await client.end()
  console.log(`  search_documents: ${(Number(bytes.rows[0].bytes) / 2 ** 20).toFixed(0)} MiB`)
  return url
}

/** Pages of stored records, read the way rebuildIndexes reads them (keyset on record id, 20,000 a page). */
async function* storedBatches(url: string): AsyncGenerator<BuildInput[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const { rows } = await client.query(
        `SELECT record_id, fields, attributes FROM search_documents WHERE record_type = $1 AND record_id > $2
         ORDER BY record_id LIMIT 20000`,
        [RECORD_TYPE, after],
      )
      for (let from = 0; from < rows.length; from += 2000) {
        yield rows.slice(from, from + 2000).map((row) => ({
          id: row.record_id as string,
          words: row.fields as Record<string, string>,
          attributes: row.attributes as Record<string, string>,
        }))
      }
      if (rows.length < 20000) return
      after = rows.at(-1)!.record_id as string
    }
  } finally {
    await client.end()
  }
}

/**
 * CPU time of the PostgreSQL backends serving `database` (same machine, read from /proc), sampled every
 * 250 ms so a backend that exits meanwhile is counted up to its last sample.
 */
function postgresCpu(database: string): { stop(): number } {
  const TICKS_PER_SECOND = 100
  const backends = () => {
    const out = new Map<number, number>()
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8')
        if (!title.startsWith('postgres: ') || !title.includes(` ${database} `)) continue
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        out.set(Number(entry), Number(fields[11]) + Number(fields[12]))
      } catch {
        // the process ended between listing and reading
      }
    }
    return out
  }
  const before = backends()
  const latest = new Map(before)
  const sample = () => {
    for (const [pid, ticks] of backends()) latest.set(pid, ticks)
  }
  const timer = setInterval(sample, 250)
  return {
    stop() {
      clearInterval(timer)
      sample()
      let ticks = 0
      for (const [pid, used] of latest) ticks += used - (before.get(pid) ?? 0)
      return ticks / TICKS_PER_SECOND
    },
  }
}

/**
 * The index rebuilt at start from PostgreSQL: the server's own rebuildIndexes (modules/search/service.ts)
 * on a database holding the corpus as search_documents rows, and the same pages fed to the two-thread
 * builder instead. The database is `firstmile_bench_match` on BENCH_DATABASE_URL's server.
 */
export async function measureStartup(corpus: Corpus, server: string): Promise<RebuildResult[]> {
  const url = await prepare(corpus, server)
  const out: RebuildResult[] = []
  const time = async (what: string, run: () => Promise<number>, note: string) => {
    const postgres = postgresCpu(DATABASE)
    const cpu = process.cpuUsage()
    const t = performance.now()
    const documents = await run()
    const seconds = (performance.now() - t) / 1000
    const used = process.cpuUsage(cpu)
    const cpuSeconds = (used.user + used.system) / 1e6
    const postgresSeconds = postgres.stop()
    if (documents !== corpus.size) throw new Error(`${what}: ${documents} documents, expected ${corpus.size}`)
    out.push({
      what,
      seconds,
      docsPerSecond: corpus.size / seconds,
      cpuSeconds,
      loadAverage: os.loadavg()[0]!,
      note: `${note}; PostgreSQL's backends used ${postgresSeconds.toFixed(1)} CPU-s more`,
    })
    console.log(
      `  ${what}: ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s + PostgreSQL ${postgresSeconds.toFixed(1)} s, load ${os.loadavg()[0]!.toFixed(1)})`,
    )
  }
  const handle = await openDatabase({ kind: 'postgres', url, max: 2 })
  bindDatabase(handle)
  registerSearchProfile(RECORD_TYPE, BENCH_INDEX)
  try {
    // rebuildIndexes starts workers from 50,000 records of a type on
    const large = corpus.size >= 50_000
    await time(
      large
        ? 'start-up: rebuildIndexes() from PostgreSQL, 2 id ranges on 2 worker threads (as the server does it)'
        : 'start-up: rebuildIndexes() from PostgreSQL, 1 thread below 50,000 records (as the server does it)',
      async () => (await rebuildIndexes())[RECORD_TYPE] ?? 0,
      large
        ? 'each worker is fed its half of the record ids, read in pages of 20,000 while it builds; stored strings not split; CPU excludes PostgreSQL'
        : 'pages of 20,000 read into SearchIndex.fromDocumentPages while it builds; stored strings not split; CPU excludes PostgreSQL',
    )
  } finally {
    await handle.close()
  }
  await time(
    'start-up: same pages from PostgreSQL into buildIndexInParallel, 2 worker threads',
    async () => (await buildIndexInParallel(BENCH_INDEX, storedBatches(url), { workers: 2 })).size,
    'pages read while the workers build; CPU excludes PostgreSQL',
  )
  return out
}
