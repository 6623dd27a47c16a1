import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { Corpus } from '../corpus'
import type { BenchQuery } from '../queries'
import type { BenchEngine, BuildReport } from './engine'

interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
  close(): Promise<void>
}

const quote = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`

/** The jieba tokens as a tsvector literal with positions (ts_rank_cd needs them): 'w':1,5 'x':2 … */
export function tsvectorLiteral(words: readonly string[]): string {
  const positions = new Map<string, number[]>()
  words.forEach((w, i) => {
    if (!w) return
    const list = positions.get(w)
    const at = Math.min(i + 1, 16383)
    if (!list) positions.set(w, [at])
    else if (list.length < 256 && list[list.length - 1] !== at) list.push(at)
  })
  return [...positions].map(([w, ps]) => `${quote(w)}:${ps.join(',')}`).join(' ')
}

/** Any of the query's words: 'w' | 'x' … */
export function tsqueryLiteral(words: readonly string[]): string {
  return [...new Set(words.filter((w) => w))].map(quote).join(' | ')
}

/**
 * PostgreSQL full-text search the way the platform would use it: a tsvector column of the same jieba
 * tokens, a GIN index, `@@` with an OR tsquery, ordered by ts_rank_cd.
 */
abstract class PostgresFullText implements BenchEngine {
  abstract readonly name: string
  protected client: SqlClient | undefined

  protected abstract connect(): Promise<SqlClient>

  async build(corpus: Corpus): Promise<BuildReport> {
    const client = await this.connect()
    this.client = client
    await client.query('DROP TABLE IF EXISTS bench_docs')
    await client.query('CREATE TABLE bench_docs (id integer PRIMARY KEY, tsv tsvector NOT NULL)')
    const t0 = performance.now()
    const batch = 2000
    for (let from = 0; from < corpus.size; from += batch) {
      const ids: number[] = []
      const vectors: string[] = []
      for (let d = from; d < Math.min(corpus.size, from + batch); d++) {
        ids.push(d)
        vectors.push(tsvectorLiteral(corpus.tokenString(d).split(' ')))
      }
      await client.query('INSERT INTO bench_docs (id, tsv) SELECT * FROM unnest($1::integer[], $2::tsvector[])', [
        ids,
        vectors,
      ])
    }
    await client.query('CREATE INDEX bench_docs_tsv ON bench_docs USING gin (tsv)')
    await client.query('ANALYZE bench_docs')
    const seconds = (performance.now() - t0) / 1000
    const size = await client.query(`SELECT pg_total_relation_size('bench_docs')::float8 AS bytes`)
    return { seconds, memoryBytes: Number(size.rows[0]!.bytes), memoryNote: 'table + GIN index on disk' }
  }

  async search(query: BenchQuery): Promise<number[]> {
    const q = tsqueryLiteral(query.words)
    if (!q) return []
    const result = await this.client!.query(
      'SELECT id FROM bench_docs WHERE tsv @@ $1::tsquery ORDER BY ts_rank_cd(tsv, $1::tsquery) DESC, id LIMIT 10',
      [q],
    )
    return result.rows.map((r) => Number(r.id))
  }

  async close(): Promise<void> {
    if (this.client) {
      await this.client.query('DROP TABLE IF EXISTS bench_docs').catch(() => undefined)
      await this.client.close()
    }
    this.client = undefined
  }
}

/** PGlite (PostgreSQL compiled to WASM, in-process): the platform's embedded default. */
export class PgliteEngine extends PostgresFullText {
  readonly name = 'PostgreSQL FTS in PGlite (WASM)'

  protected async connect(): Promise<SqlClient> {
    const db = await PGlite.create()
    return {
      query: async (sql, params) => ({ rows: (await db.query<Record<string, unknown>>(sql, params)).rows }),
      close: () => db.close(),
    }
  }
}

/** A PostgreSQL server: BENCH_DATABASE_URL, or one started here under /tmp from /usr/local/bin. */
export class PostgresEngine extends PostgresFullText {
  readonly name: string
  private server: LocalPostgres | undefined

  constructor(private readonly url = process.env.BENCH_DATABASE_URL) {
    super()
    this.name = `PostgreSQL ${url ? 'server (BENCH_DATABASE_URL)' : 'server (local, one core per query)'}`
  }

  protected async connect(): Promise<SqlClient> {
    let url = this.url
    if (!url) {
      this.server = await LocalPostgres.start()
      url = this.server.url
    }
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    // one core per query, like every other engine here
    await client.query('SET max_parallel_workers_per_gather = 0')
    return {
      query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows as Record<string, unknown>[] }),
      close: async () => {
        await client.end()
        await this.server?.stop()
      },
    }
  }
}

/** A throwaway PostgreSQL under /tmp, run as the postgres user (it refuses root), socket only. */
class LocalPostgres {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
  ) {}

  static available(): boolean {
    return fs.existsSync('/usr/local/bin/postgres') && fs.existsSync('/usr/local/bin/initdb')
  }

  static async start(): Promise<LocalPostgres> {
    const dir = fs.mkdtempSync('/tmp/firstmile-bench-pg-')
    fs.chmodSync(dir, 0o777)
    const data = path.join(dir, 'data')
    const asPostgres = (command: string) => ['postgres', '-s', '/bin/sh', '-c', command]
    execFileSync('su', asPostgres(`/usr/local/bin/initdb -D ${data} -A trust -U postgres >${dir}/initdb.log 2>&1`))
    const settings = [
      '-k',
      dir,
      '-c',
      'listen_addresses=',
      '-c',
      'shared_buffers=2GB',
      '-c',
      'work_mem=64MB',
      '-c',
      'maintenance_work_mem=1GB',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_wal_size=8GB',
    ]
    const child = spawn(
      'su',
      asPostgres(`exec /usr/local/bin/postgres -D ${data} ${settings.map((s) => `"${s}"`).join(' ')}`),
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    const url = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`
    for (let i = 0; i < 100; i++) {
      try {
        const probe = new pg.Client({ connectionString: url })
        await probe.connect()
        await probe.end()
        return new LocalPostgres(url, child, dir)
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    child.kill('SIGINT')
    throw new Error(`local PostgreSQL did not start; see ${dir}`)
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve))
    // su forwards the signal to the postgres it exec'd; SIGINT is a fast shutdown
    this.child.kill('SIGINT')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

export const localPostgresAvailable = () => Boolean(process.env.BENCH_DATABASE_URL) || LocalPostgres.available()
