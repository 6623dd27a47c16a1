import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'

/** Every saved version of every registry record: "edit with history". */
export const recordRevisions = pgTable(
  'record_revisions',
  {
    id: uuid('id').primaryKey(),
    recordType: varchar('record_type', { length: 40 }).notNull(),
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').notNull(),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull(),
    changedBy: uuid('changed_by'),
    changedByName: text('changed_by_name'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [index('record_revisions_record_idx').on(t.recordType, t.recordId, t.version)],
)

/** Individual access to a 保密 record beyond its owner organization (an expert assigned to review it). */
export const recordGrants = pgTable(
  'record_grants',
  {
    recordType: varchar('record_type', { length: 40 }).notNull(),
    recordId: uuid('record_id').notNull(),
    userId: uuid('user_id').notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId, t.userId] }), index('record_grants_user_idx').on(t.userId)],
)

/**
 * The search index's source: each record's segmented tokens per field and its filter attributes, written in
 * the same transaction as the record. The in-memory index of every server process is rebuilt from here.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    recordType: varchar('record_type', { length: 40 }).notNull(),
    recordId: uuid('record_id').notNull(),
    /** Field → tokens joined by single spaces (segmentation never yields a space). */
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    attributes: jsonb('attributes').$type<Record<string, string | number | (string | number)[] | null>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId] })],
)

/**
 * The change feed (outbox): one row per change to a searchable record, in the same transaction; processes
 * sharing one PostgreSQL learn of it through NOTIFY and read rows after the last sequence they applied.
 */
export const changeFeed = pgTable(
  'change_feed',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    recordType: varchar('record_type', { length: 40 }).notNull(),
    recordId: uuid('record_id').notNull(),
    op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('change_feed_at_idx').on(t.at)],
)
