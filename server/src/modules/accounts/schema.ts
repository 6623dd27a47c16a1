import {
  bigint,
  boolean,
  char,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
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
    /** A secret being enrolled from account settings, until the person confirms a code from it. */
    totpPendingSecret: text('totp_pending_secret'),
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

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    idleTimeoutSeconds: integer('idle_timeout_seconds').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    ip: varchar('ip', { length: 64 }),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
)

/** A sign-in in progress: password accepted, a further step (new password, TOTP) still owed. */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    id: uuid('id').primaryKey(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Steps still owed, in order, comma-separated: verifyTotp, changePassword, enrollTotp. */
    steps: text('steps').notNull(),
    reason: text('reason'),
    pendingTotpSecret: text('pending_totp_secret'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sign_in_challenges_token_hash_key').on(t.tokenHash)],
)

/** Failed sign-ins per client address, so one address cannot lock out every account. */
export const signInThrottle = pgTable('sign_in_throttle', {
  ip: varchar('ip', { length: 64 }).primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
})
