import { char, integer, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

/** Columns every registry record has: owner, area, confidentiality, lifecycle, provenance. */
export function registryColumns() {
  return {
    id: uuid('id').primaryKey(),
    ownerOrgId: uuid('owner_org_id').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    confidentiality: text('confidentiality', { enum: ['public', 'internal', 'secret'] }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Where the record came from: 表单录入, 批量导入, or a named public data set (公开论文元数据（CSL）). */
    source: text('source').notNull().default('form'),
    sourceLabel: text('source_label'),
    /** Stable hash of the natural key for records that came from an import: re-imports update, never duplicate. */
    importKey: varchar('import_key', { length: 64 }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  }
}
