import { and, asc, eq, gt, inArray, lt, max, sql } from 'drizzle-orm'
import pg from 'pg'
import { type DatabaseHandle, db, type Transaction } from '../../db'
import { now } from '../../platform/clock/clock'
import { CHANGE_CHANNEL, publishChange } from '../../platform/registry/change-feed'
import { changeFeed, searchDocuments } from '../../platform/registry/schema'
import {
  FIRST_STAGE_ONLY,
  type IndexDocument,
  type RerankerModel,
  SearchIndex,
  type SearchIndexConfig,
  type SearchRequest,
  type SearchResponse,
} from '../../platform/search'

/**
 * The in-memory search indexes of this process, one per searchable record type. PostgreSQL holds the truth
 * (search_documents, written with each record); indexes are rebuilt from it at start and kept current from
 * the change feed: at once in the process that wrote, and through LISTEN/NOTIFY in every other process.
 */
type Profile = { recordType: string; config: SearchIndexConfig }

const profiles = new Map<string, Profile>()
const indexes = new Map<string, SearchIndex>()
let appliedSeq = 0
let catching: Promise<void> = Promise.resolve()

export function registerSearchProfile(recordType: string, config: SearchIndexConfig): void {
  profiles.set(recordType, { recordType, config })
}

export type StoredDocument = { fields: Record<string, readonly string[]>; attributes: IndexDocument['attributes'] }

function toIndexDocument(row: typeof searchDocuments.$inferSelect): IndexDocument {
  const fields: Record<string, string[]> = {}
  for (const [name, joined] of Object.entries(row.fields)) fields[name] = joined ? joined.split(' ') : []
  return { id: row.recordId, fields, attributes: row.attributes }
}

/** Writes a record's tokens and attributes with the record, and announces the change. */
export async function storeSearchDocument(
  tx: Transaction,
  recordType: string,
  recordId: string,
  doc: StoredDocument,
): Promise<void> {
  const fields = Object.fromEntries(Object.entries(doc.fields).map(([k, v]) => [k, v.join(' ')]))
  const attributes = (doc.attributes ?? {}) as Record<string, string | number | (string | number)[] | null>
  await tx
    .insert(searchDocuments)
    .values({ recordType, recordId, fields, attributes, updatedAt: now() })
    .onConflictDoUpdate({
      target: [searchDocuments.recordType, searchDocuments.recordId],
      set: { fields, attributes, updatedAt: now() },
    })
  await publishChange(tx, recordType, recordId, 'upsert')
}

export async function removeSearchDocument(tx: Transaction, recordType: string, recordId: string): Promise<void> {
  await tx
    .delete(searchDocuments)
    .where(and(eq(searchDocuments.recordType, recordType), eq(searchDocuments.recordId, recordId)))
  await publishChange(tx, recordType, recordId, 'delete')
}

/** Rebuilds every registered index from the stored tokens. */
export async function rebuildIndexes(): Promise<Record<string, number>> {
  const [head] = await db.select({ seq: max(changeFeed.seq) }).from(changeFeed)
  const startSeq = Number(head?.seq ?? 0)
  const sizes: Record<string, number> = {}
  for (const profile of profiles.values()) {
    const docs: IndexDocument[] = []
    const PAGE = 20_000
    let after = '00000000-0000-0000-0000-000000000000'
    for (;;) {
      const rows = await db
        .select()
        .from(searchDocuments)
        .where(and(eq(searchDocuments.recordType, profile.recordType), gt(searchDocuments.recordId, after)))
        .orderBy(asc(searchDocuments.recordId))
        .limit(PAGE)
      for (const row of rows) docs.push(toIndexDocument(row))
      if (rows.length < PAGE) break
      after = rows.at(-1)!.recordId
    }
    indexes.set(profile.recordType, SearchIndex.fromDocuments(profile.config, docs))
    sizes[profile.recordType] = docs.length
  }
  // Changes committed while reading are applied by the next catch-up (upserts are idempotent).
  appliedSeq = startSeq
  await catchUp()
  return sizes
}

/** Applies every change-feed entry after the last one applied. Serialized: one catch-up at a time. */
export function catchUp(): Promise<void> {
  catching = catching.then(applyPending, applyPending)
  return catching
}

async function applyPending(): Promise<void> {
  for (;;) {
    const changes = await db
      .select()
      .from(changeFeed)
      .where(gt(changeFeed.seq, appliedSeq))
      .orderBy(asc(changeFeed.seq))
      .limit(2000)
    if (changes.length === 0) return
    const byType = new Map<string, Set<string>>()
    for (const c of changes) {
      if (!byType.has(c.recordType)) byType.set(c.recordType, new Set())
      byType.get(c.recordType)!.add(c.recordId)
    }
    for (const [recordType, ids] of byType) {
      const index = indexes.get(recordType)
      if (!index) continue
      const rows = await db
        .select()
        .from(searchDocuments)
        .where(and(eq(searchDocuments.recordType, recordType), inArray(searchDocuments.recordId, [...ids])))
      const present = new Set<string>()
      for (const row of rows) {
        index.upsert(toIndexDocument(row))
        present.add(row.recordId)
      }
      for (const id of ids) if (!present.has(id)) index.remove(id)
    }
    appliedSeq = changes.at(-1)!.seq
  }
}

export function searchIndex(recordType: string): SearchIndex {
  let index = indexes.get(recordType)
  if (!index) {
    const profile = profiles.get(recordType)
    if (!profile) throw new Error(`no search profile for ${recordType}`)
    index = new SearchIndex(profile.config)
    indexes.set(recordType, index)
  }
  return index
}

/** The re-ranker a type ships with: the prior that feedback-trained models shrink towards. */
export function defaultReranker(recordType: string): RerankerModel {
  return profiles.get(recordType)?.config.reranker ?? FIRST_STAGE_ONLY
}

export function searchRecords(recordType: string, request: SearchRequest): SearchResponse {
  return searchIndex(recordType).search(request)
}

/** Change-feed entries older than this are pruned; a process down longer rebuilds at start anyway. */
const FEED_RETENTION_MS = 24 * 3600_000

export async function pruneChangeFeed(): Promise<void> {
  await db
    .delete(changeFeed)
    .where(
      and(lt(changeFeed.at, new Date(now().getTime() - FEED_RETENTION_MS)), sql`${changeFeed.seq} < ${appliedSeq}`),
    )
}

/**
 * PostgreSQL only: LISTEN on the change channel with a dedicated connection, catch up on every notification,
 * and poll every few seconds as well (a notification sent while reconnecting is not lost, only late).
 */
export async function startChangeListener(
  handle: DatabaseHandle,
  connectionString: string,
): Promise<() => Promise<void>> {
  if (handle.kind !== 'postgres') return async () => undefined
  let client: pg.Client | undefined
  let stopped = false
  const connect = async () => {
    client = new pg.Client({ connectionString })
    client.on('notification', () => void catchUp())
    client.on('error', () => {
      client = undefined
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000)
    })
    await client.connect()
    await client.query(`LISTEN ${CHANGE_CHANNEL}`)
    await catchUp()
  }
  await connect()
  const poll = setInterval(() => void catchUp().catch(() => undefined), 5000)
  const prune = setInterval(() => void pruneChangeFeed().catch(() => undefined), 3600_000)
  poll.unref()
  prune.unref()
  return async () => {
    stopped = true
    clearInterval(poll)
    clearInterval(prune)
    await client?.end().catch(() => undefined)
  }
}
