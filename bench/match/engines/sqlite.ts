import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Corpus } from '../corpus'
import type { BenchQuery } from '../queries'
import type { BenchEngine, BuildReport } from './engine'
import { peerVersion, requirePeer } from './peers'

interface Statement {
  run(...params: unknown[]): unknown
  all(...params: unknown[]): { rowid: number }[]
  get(...params: unknown[]): Record<string, number>
}
interface Database {
  exec(sql: string): void
  prepare(sql: string): Statement
  pragma(sql: string): unknown
  transaction(fn: () => void): () => void
  close(): void
}
type DatabaseConstructor = new (file: string) => Database

/** FTS5 phrase syntax: every word quoted (inner quotes doubled), OR between them. */
export function fts5Query(words: readonly string[]): string {
  return [...new Set(words)].map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ')
}

/** SQLite FTS5 (unicode61 splits the space-joined jieba tokens back), ranked by its bm25(), file on /tmp. */
export class SqliteEngine implements BenchEngine {
  readonly name = `SQLite FTS5 (better-sqlite3 ${peerVersion('better-sqlite3')})`
  private db: Database | undefined
  private query: Statement | undefined
  private readonly file = path.join(os.tmpdir(), `firstmile-bench-fts5-${process.pid}.db`)

  async build(corpus: Corpus): Promise<BuildReport> {
    const Sqlite = requirePeer('better-sqlite3') as DatabaseConstructor
    fs.rmSync(this.file, { force: true })
    const t0 = performance.now()
    const db = new Sqlite(this.file)
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.exec(`CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'unicode61 remove_diacritics 0')`)
    const insert = db.prepare('INSERT INTO docs(rowid, body) VALUES (?, ?)')
    for (let from = 0; from < corpus.size; from += 10_000) {
      db.transaction(() => {
        for (let d = from; d < Math.min(corpus.size, from + 10_000); d++) insert.run(d, corpus.tokenString(d))
      })()
    }
    db.exec(`INSERT INTO docs(docs) VALUES ('optimize')`)
    const seconds = (performance.now() - t0) / 1000
    this.db = db
    this.query = db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10')
    return { seconds, memoryBytes: fs.statSync(this.file).size, memoryNote: 'database file' }
  }

  search(query: BenchQuery): number[] {
    if (query.words.length === 0) return []
    return this.query!.all(fts5Query(query.words)).map((r) => r.rowid)
  }

  async close(): Promise<void> {
    this.db?.close()
    this.db = undefined
    fs.rmSync(this.file, { force: true })
  }
}
