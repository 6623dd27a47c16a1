import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** One year's official holiday and adjusted-workday (调休) arrangement. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  holidays: jsonb('holidays').$type<{ name: string; from: string; to: string }[]>().notNull(),
  adjustedWorkdays: jsonb('adjusted_workdays').$type<string[]>().notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  loadedBy: uuid('loaded_by'),
})
