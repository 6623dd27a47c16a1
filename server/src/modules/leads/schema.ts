import { index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

/** 我有意向: a signed-in person's interest in a record, delivered to the record's owner organization. */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey(),
    recordType: varchar('record_type', { length: 40 }).notNull(),
    recordId: uuid('record_id').notNull(),
    recordTitle: text('record_title').notNull(),
    ownerOrgId: uuid('owner_org_id').notNull(),
    fromUserId: uuid('from_user_id').notNull(),
    fromOrgId: uuid('from_org_id').notNull(),
    message: text('message'),
    status: text('status', { enum: ['new', 'contacted', 'closed'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('leads_owner_idx').on(t.ownerOrgId, t.createdAt),
    index('leads_from_idx').on(t.fromUserId),
    index('leads_record_idx').on(t.recordType, t.recordId),
  ],
)
