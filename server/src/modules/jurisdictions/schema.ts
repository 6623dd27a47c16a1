import { char, pgTable, smallint, text } from 'drizzle-orm/pg-core'

/** 辖区: GB/T 2260 codes, province → city → district/county. Reference data, loaded at start. */
export const jurisdictions = pgTable('jurisdictions', {
  code: char('code', { length: 6 }).primaryKey(),
  name: text('name').notNull(),
  level: text('level', { enum: ['province', 'city', 'district'] }).notNull(),
  parentCode: char('parent_code', { length: 6 }),
  fullName: text('full_name').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
})
