import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { PolicyDefinition } from './definition'
import type { Computation } from './engine'
import type { FactValue } from './facts'

/** A policy is versioned data: each edit by a city officer is a new version; the old one is retired, not lost. */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['active', 'retired'] }).notNull(),
    title: text('title').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    definition: jsonb('definition').$type<PolicyDefinition>().notNull(),
    /** shipped: data/rules/policies/*.json; officer: a city officer's edit. */
    origin: text('origin', { enum: ['shipped', 'officer'] }).notNull(),
    changeNote: text('change_note').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('policies_code_version_key').on(t.code, t.version),
    index('policies_jurisdiction_idx').on(t.jurisdictionCode),
  ],
)

export const policyApplicationStatuses = [
  'submitted',
  'returned',
  'districtApproved',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
] as const
export type PolicyApplicationStatus = (typeof policyApplicationStatuses)[number]

/** An evidence file: its metadata and digest (the file itself lives with the applicant or the evidence store). */
export type EvidenceFile = { key: string; fileName: string; mediaType: string; sizeBytes: number; digest: string }
export type PolicyCostItem = { fact: string; reference: string; description: string; amountFen: number }

export const policyApplications = pgTable(
  'policy_applications',
  {
    id: uuid('id').primaryKey(),
    policyCode: text('policy_code').notNull(),
    policyVersion: integer('policy_version').notNull(),
    subjectType: text('subject_type', { enum: ['organization', 'carrier'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    subjectName: text('subject_name').notNull(),
    applicantOrgId: uuid('applicant_org_id').notNull(),
    applicantUserId: uuid('applicant_user_id'),
    /** The subject's area: who reviews it. */
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    year: smallint('year').notNull(),
    /** applied: by the entity; automatic: 免申即享, created by an officer from platform data. */
    mode: text('mode', { enum: ['applied', 'automatic'] }).notNull(),
    status: text('status', { enum: policyApplicationStatuses }).notNull(),
    declared: jsonb('declared').$type<Record<string, FactValue>>().notNull(),
    costItems: jsonb('cost_items').$type<PolicyCostItem[]>().notNull(),
    evidence: jsonb('evidence').$type<EvidenceFile[]>().notNull(),
    note: text('note'),
    computation: jsonb('computation').$type<Computation>().notNull(),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    districtReviewerId: uuid('district_reviewer_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('policy_applications_policy_idx').on(t.policyCode, t.year),
    index('policy_applications_subject_idx').on(t.subjectId),
    index('policy_applications_applicant_idx').on(t.applicantOrgId),
    index('policy_applications_area_idx').on(t.jurisdictionCode, t.status),
  ],
)

/** Every decision on an application, with who decided, why, and the computation (rule version) behind it. */
export const policyApplicationEvents = pgTable(
  'policy_application_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: policyApplicationStatuses }),
    toStatus: text('to_status', { enum: policyApplicationStatuses }).notNull(),
    note: text('note'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    computation: jsonb('computation').$type<Computation>(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    actorOrgId: uuid('actor_org_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('policy_application_events_application_idx').on(t.applicationId, t.createdAt)],
)

/** A cost item claimed in an application: the same item may be claimed once, under one policy. */
export const policyCostClaims = pgTable(
  'policy_cost_claims',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    orgId: uuid('org_id').notNull(),
    policyCode: text('policy_code').notNull(),
    fact: text('fact').notNull(),
    /** The reference (invoice, contract number) normalized: case, width and spaces do not make a new item. */
    itemKey: text('item_key').notNull(),
    reference: text('reference').notNull(),
    description: text('description').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    active: boolean('active').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('policy_cost_claims_item_key').on(t.orgId, t.itemKey).where(sql`${t.active}`),
    index('policy_cost_claims_application_idx').on(t.applicationId),
  ],
)

/** The ledger per entity × policy × year: commitments at approval, payments as they are made, by level of finance. */
export const policyLedgerEntries = pgTable(
  'policy_ledger_entries',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['commitment', 'payment'] }).notNull(),
    policyCode: text('policy_code').notNull(),
    policyVersion: integer('policy_version').notNull(),
    subjectId: uuid('subject_id').notNull(),
    orgId: uuid('org_id').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    year: smallint('year').notNull(),
    applicationId: uuid('application_id').notNull(),
    /** city / district; null while the split is 待定. */
    financeLevel: text('finance_level', { enum: ['city', 'district'] }),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on'),
    reference: text('reference'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('policy_ledger_subject_idx').on(t.subjectId, t.policyCode, t.year),
    index('policy_ledger_policy_idx').on(t.policyCode, t.year),
  ],
)

/** The in-platform inbox (站内消息): pushes, 免申即享 grants, decisions, voucher events, for an organization. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    recipientOrgId: uuid('recipient_org_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where the person goes from the message: a policy, an application, a voucher. */
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The same push is not delivered twice. */
    dedupeKey: text('dedupe_key'),
    deliveries: jsonb('deliveries').$type<{ channel: string; status: string }[]>().notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientOrgId, t.createdAt),
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
)

export type PolicyRow = typeof policies.$inferSelect
export type PolicyApplicationRow = typeof policyApplications.$inferSelect
