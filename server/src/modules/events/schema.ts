import { char, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

export const eventKinds = ['roadshow', 'matchmaking'] as const
export type EventKind = (typeof eventKinds)[number]

/** A record an event puts on stage: a 公开 achievement or demand, its title as it was when featured. */
export type FeaturedRecord = { recordType: 'achievement' | 'demand'; recordId: string; title: string }

/**
 * 路演 / 对接会 (seed 002 三(三)12, seed 004 二(四)): a center or a bureau puts verified achievements and
 * enterprises' demands in front of enterprises and investors. Events are public, so is what they feature.
 */
export const matchmakingEvents = pgTable(
  'matchmaking_events',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: eventKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    organizerOrgId: uuid('organizer_org_id').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    venue: text('venue').notNull(),
    onlineUrl: text('online_url'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    signupDeadline: timestamp('signup_deadline', { withTimezone: true }).notNull(),
    /** null: no limit on sign-ups. */
    capacity: integer('capacity'),
    featured: jsonb('featured').$type<FeaturedRecord[]>().notNull(),
    status: text('status', { enum: ['published', 'cancelled'] }).notNull(),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    /** null for events the platform seeded (demo). */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('matchmaking_events_jurisdiction_idx').on(t.jurisdictionCode, t.startsAt)],
)

/** 报名: one person's sign-up for an event, with the featured records they came for. */
export const eventSignups = pgTable(
  'event_signups',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => matchmakingEvents.id),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id').notNull(),
    interestedRecordIds: jsonb('interested_record_ids').$type<string[]>().notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    note: text('note'),
    status: text('status', { enum: ['registered', 'cancelled'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('event_signups_person_idx').on(t.eventId, t.userId)],
)
