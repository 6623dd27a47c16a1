import os from 'node:os'
import { and, asc, count, eq, gt, inArray, lt, lte, max, sql } from 'drizzle-orm'
import pg from 'pg'
import { type DatabaseHandle, db, type Transaction } from '../../db'
import { now } from '../../platform/clock/clock'
import { CHANGE_CHANNEL, publishChange } from '../../platform/registry/change-feed'
import { changeFeed, searchDocuments } from '../../platform/registry/schema'
import {
  type BuildInput,
  buildIndexFromShards,
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

type StoredRow = Pick<typeof searchDocuments.$inferSelect, 'recordId' | 'fields' | 'attributes'>

/** A stored row as the index takes it: each field's space-separated tokens are read in place, not split. */
function toIndexDocument(row: StoredRow): IndexDocument {
  return { id: row.recordId, fields: row.fields, attributes: row.attributes }
}

function toBuildInput(row: StoredRow): BuildInput {
  return { id: row.recordId, words: row.fields, attributes: row.attributes }
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

export type RebuildOptions = {
  /** Rows read per query (keyset pagination on record id). */
  pageSize?: number
  /** From this many stored records a type is built on worker threads; below, their start-up would dominate. */
  parallelFrom?: number
  /** Worker threads for a large type (default: up to two, one per core). */
  workers?: number
}

/**
 * Rebuilds every registered index from the stored tokens, reading PostgreSQL page by page into the builder
 * (the rows are never all held, and the stored strings are never split into words). A large type is read as
 * consecutive ranges of record ids, each range at once on its own worker thread; the ranges' segments are
 * installed in id order, so the index answers exactly as one built on this thread would.
 */
export async function rebuildIndexes(options: RebuildOptions = {}): Promise<Record<string, number>> {
  const pageSize = options.pageSize ?? 20_000
  const workers = options.workers ?? Math.min(2, os.availableParallelism())
  const [head] = await db.select({ seq: max(changeFeed.seq) }).from(changeFeed)
  const startSeq = Number(head?.seq ?? 0)
  const sizes: Record<string, number> = {}
  for (const profile of profiles.values()) {
    const [stored] = await db
      .select({ count: count() })
      .from(searchDocuments)
      .where(eq(searchDocuments.recordType, profile.recordType))
    const total = Number(stored?.count ?? 0)
    const index =
      workers < 2 || total < (options.parallelFrom ?? 50_000)
        ? await SearchIndex.fromDocumentPages(
            profile.config,
            storedPages(profile.recordType, pageSize, toIndexDocument),
          )
        : await buildIndexFromShards(
            profile.config,
            (await idRanges(profile.recordType, total, workers)).map(([after, through]) =>
              workerBatches(storedPages(profile.recordType, pageSize, toBuildInput, after, through)),
            ),
          )
    indexes.set(profile.recordType, index)
    sizes[profile.recordType] = index.size
  }
  // Changes committed while reading are applied by the next catch-up (upserts are idempotent).
  appliedSeq = startSeq
  await catchUp()
  return sizes
}

/** `parts` consecutive ranges (after, through] of a type's record ids holding about as many records each. */
async function idRanges(recordType: string, total: number, parts: number): Promise<[string?, string?][]> {
  const bounds: (string | undefined)[] = [undefined]
  for (let part = 1; part < parts; part++) {
    const [row] = await db
      .select({ recordId: searchDocuments.recordId })
      .from(searchDocuments)
      .where(eq(searchDocuments.recordType, recordType))
      .orderBy(asc(searchDocuments.recordId))
      .offset(Math.floor((total * part) / parts))
      .limit(1)
    if (row) bounds.push(row.recordId)
  }
  bounds.push(undefined)
  return bounds.slice(1).map((through, i) => [bounds[i], through])
}

/**
 * A type's stored rows with record ids in (after, through], in id order, a page per query; the next page is
 * read while the caller works on this one.
 */
async function* storedPages<T extends { id: string }>(
  recordType: string,
  pageSize: number,
  convert: (row: StoredRow) => T,
  after?: string,
  through?: string,
): AsyncGenerator<T[]> {
  const read = (from: string | undefined) =>
    db
      .select({
        recordId: searchDocuments.recordId,
        fields: searchDocuments.fields,
        attributes: searchDocuments.attributes,
      })
      .from(searchDocuments)
      .where(
        and(
          eq(searchDocuments.recordType, recordType),
          from === undefined ? undefined : gt(searchDocuments.recordId, from),
          through === undefined ? undefined : lte(searchDocuments.recordId, through),
        ),
      )
      .orderBy(asc(searchDocuments.recordId))
      .limit(pageSize)
      .then((rows) => rows.map(convert))
  const readAhead = (from: string | undefined) => {
    const page = read(from)
    // a page read ahead that is never asked for (the build failed) must not fail unhandled
    page.catch(() => undefined)
    return page
  }
  for (let next: Promise<T[]> | undefined = readAhead(after); next; ) {
    const page: T[] = await next
    next = page.length === pageSize ? readAhead(page.at(-1)!.id) : undefined
    yield page
  }
}

/** Pages cut into the batches a build worker takes (small messages keep both workers busy). */
async function* workerBatches(pages: AsyncIterable<BuildInput[]>): AsyncGenerator<BuildInput[]> {
  const BATCH = 2000
  for await (const page of pages)
    for (let from = 0; from < page.length; from += BATCH) yield page.slice(from, from + BATCH)
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
