import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Editable platform settings (password policy …), each validated by its own schema on read and write. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
})
