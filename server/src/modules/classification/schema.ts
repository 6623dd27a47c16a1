import { char, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

/** A person's confirmed or corrected classification: training data the classifier learns from. */
export const classificationCorrections = pgTable(
  'classification_corrections',
  {
    id: uuid('id').primaryKey(),
    recordType: varchar('record_type', { length: 40 }).notNull(),
    recordId: uuid('record_id').notNull(),
    text: text('text').notNull(),
    category: text('category'),
    discipline: text('discipline'),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }),
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    /** What the classifier had suggested, to measure how often people correct it. */
    suggested: jsonb('suggested'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('classification_corrections_record_idx').on(t.recordType, t.recordId)],
)
