import { char, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

export type IndustryNode = {
  code: string
  name: string
  parentCode: string | null
  level: number
  kind?: 'group' | 'industry' | 'segment'
  keywords?: string[]
  toBeCompleted?: boolean
  note?: string
}

/** A jurisdiction's industry system (湖州“1366”, 温州 5+N …), versioned with an effective period. */
export const industrySystems = pgTable(
  'industry_systems',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    version: integer('version').notNull(),
    versionLabel: text('version_label').notNull(),
    effectiveFrom: date('effective_from'),
    effectiveTo: date('effective_to'),
    source: text('source').notNull(),
    status: text('status', { enum: ['draft', 'active', 'retired'] }).notNull(),
    nodes: jsonb('nodes').$type<IndustryNode[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('industry_systems_code_version_key').on(t.code, t.version),
    index('industry_systems_jurisdiction_idx').on(t.jurisdictionCode),
  ],
)
