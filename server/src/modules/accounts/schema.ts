import { bigint, boolean, char, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import { jurisdictions } from '../jurisdictions/schema'
import { organizations } from '../organizations/schema'

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: varchar('username', { length: 64 }).notNull(),
    /** Lockout and uniqueness are case-insensitive: "Alice" and "alice" are one account. */
    usernameKey: varchar('username_key', { length: 64 }).notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    jurisdictionCode: char('jurisdiction_code', { length: 6 })
      .notNull()
      .references(() => jurisdictions.code),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    email: varchar('email', { length: 254 }),
    phone: varchar('phone', { length: 32 }),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** TOTP secret, encrypted with the master key (AES-256-GCM). */
    totpSecret: text('totp_secret'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    /** Last accepted TOTP time step; a code from this step or earlier is a replay. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key_key').on(t.usernameKey), index('users_org_idx').on(t.orgId)],
)

export const passwordHistory = pgTable(
  'password_history',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
)
