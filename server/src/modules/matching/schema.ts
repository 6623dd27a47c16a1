import { index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

/**
 * A judged match: a person marked a result 有意向 / 不相关, or acted on it (a lead, an event sign-up, a
 * signed agreement). The features are those the ranking saw when it was judged: the re-ranker's training data.
 */
export const matchFeedback = pgTable(
  'match_feedback',
  {
    id: uuid('id').primaryKey(),
    /** What the match started from: a record (type + id) or free text (its SM3, so repeats group together). */
    fromType: varchar('from_type', { length: 40 }).notNull(),
    fromKey: text('from_key').notNull(),
    toType: varchar('to_type', { length: 40 }).notNull(),
    toId: uuid('to_id').notNull(),
    kind: text('kind', { enum: ['irrelevant', 'interested', 'lead', 'signup', 'agreement'] }).notNull(),
    features: jsonb('features').$type<Record<string, number>>().notNull(),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('match_feedback_to_type_idx').on(t.toType, t.createdAt),
    index('match_feedback_from_idx').on(t.fromType, t.fromKey),
  ],
)

/** The re-ranker currently in use for one target type, trained from match_feedback. */
export const rerankerModels = pgTable('reranker_models', {
  toType: varchar('to_type', { length: 40 }).primaryKey(),
  model: jsonb('model').notNull(),
  examples: integer('examples').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
})
