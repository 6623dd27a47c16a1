import { sql } from 'drizzle-orm'
import {
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { ConditionResult } from './conditions'
import type { DeclaredFacts } from './declared'
import type { RuleDocument } from './rule-document'
import type { Scorecard } from './scorecard'

export const applicationStatuses = [
  'draft',
  'submitted',
  'returned',
  'recommended',
  'notRecommended',
  'proposed',
  'notProposed',
  'inNotice',
  'accredited',
  'rejected',
  'withdrawn',
] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]

export type Attachment = { name: string; conditionId: string; sizeBytes: number; sha256: string; note: string | null }
export type SiteVisit = { visitedOn: string; findings: string; byUserId: string | null; byName: string }
export type CheckSnapshot = { ruleVersionId: string; on: string; results: ConditionResult[] }
export type CarrierStanding = {
  status: 'none' | 'applying' | 'accredited' | 'revoked'
  level: string | null
  year: number | null
}
export type Step = { step: string; because: string }

/** A version of a city's rules (data/rules/accreditation or an officer's edit), with its effective period. */
export const accreditationRuleVersions = pgTable(
  'accreditation_rule_versions',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    carrierKind: text('carrier_kind', { enum: ['pocCenter', 'pilotPlatform'] }).notNull(),
    versionLabel: text('version_label').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }).notNull(),
    document: jsonb('document').$type<RuleDocument>().notNull(),
    /** The shipped file it was loaded from (seeding is idempotent on it); null for an officer's version. */
    sourceFile: text('source_file'),
    basedOn: uuid('based_on'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('accreditation_rule_versions_code_version_key').on(t.code, t.version),
    uniqueIndex('accreditation_rule_versions_source_key').on(t.sourceFile).where(sql`${t.sourceFile} is not null`),
    index('accreditation_rule_versions_area_idx').on(t.jurisdictionCode, t.carrierKind),
  ],
)

/** 通知发布: a city officer's call for applications. */
export const accreditationCalls = pgTable(
  'accreditation_calls',
  {
    id: uuid('id').primaryKey(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    carrierKind: text('carrier_kind', { enum: ['pocCenter', 'pilotPlatform'] }).notNull(),
    ruleVersionId: uuid('rule_version_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('accreditation_calls_area_idx').on(t.jurisdictionCode)],
)

/** 自主申报 → 审核推荐 → 拟认定 → 公示 → 认定: one carrier's application under a call. */
export const accreditationApplications = pgTable(
  'accreditation_applications',
  {
    id: uuid('id').primaryKey(),
    callId: uuid('call_id').notNull(),
    carrierId: uuid('carrier_id').notNull(),
    applicantOrgId: uuid('applicant_org_id').notNull(),
    /** The applicant organization's area: its district reviews (审核推荐). */
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    centerName: text('center_name').notNull(),
    status: text('status', { enum: applicationStatuses }).notNull(),
    declared: jsonb('declared').$type<DeclaredFacts>().notNull(),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull(),
    checks: jsonb('checks').$type<CheckSnapshot>(),
    siteVisits: jsonb('site_visits').$type<SiteVisit[]>().notNull(),
    carrierBefore: jsonb('carrier_before').$type<CarrierStanding>(),
    noticeId: uuid('notice_id'),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('accreditation_applications_call_idx').on(t.callId),
    index('accreditation_applications_org_idx').on(t.applicantOrgId),
    index('accreditation_applications_area_idx').on(t.jurisdictionCode),
  ],
)

export const accreditationEvents = pgTable(
  'accreditation_events',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    from: text('from_status'),
    to: text('to_status').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('accreditation_events_application_idx').on(t.applicationId, t.at)],
)

/** 公示: the proposed list with its period in working days. */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey(),
    callId: uuid('call_id').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    ruleVersionId: uuid('rule_version_id').notNull(),
    title: text('title').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    workdays: jsonb('workdays').$type<string[]>().notNull(),
    explanation: jsonb('explanation').$type<Step[]>().notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_notices_area_idx').on(t.jurisdictionCode)],
)

export const noticeObjections = pgTable(
  'notice_objections',
  {
    id: uuid('id').primaryKey(),
    noticeId: uuid('notice_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    reason: text('reason').notNull(),
    filedByUserId: uuid('filed_by_user_id').notNull(),
    filedByOrgId: uuid('filed_by_org_id').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] }).notNull(),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notice_objections_notice_idx').on(t.noticeId), index('notice_objections_app_idx').on(t.applicationId)],
)

/** 认定: a carrier's accreditation with its certificate, and how it ended (撤销、取消、自动终止). */
export const accreditations = pgTable(
  'accreditations',
  {
    id: uuid('id').primaryKey(),
    carrierId: uuid('carrier_id').notNull(),
    orgId: uuid('org_id').notNull(),
    applicationId: uuid('application_id'),
    ruleVersionId: uuid('rule_version_id'),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    carrierKind: text('carrier_kind', { enum: ['pocCenter', 'pilotPlatform'] }).notNull(),
    level: text('level', { enum: ['municipal', 'provincial', 'national'] }).notNull(),
    name: text('name').notNull(),
    certificateNo: text('certificate_no').notNull(),
    accreditedOn: date('accredited_on', { mode: 'string' }).notNull(),
    /** platform: through this module's procedure; registry: recorded from the carriers registry (before the platform). */
    source: text('source', { enum: ['platform', 'registry'] }).notNull(),
    status: text('status', { enum: ['active', 'revoked', 'terminated'] }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    endCause: text('end_cause'),
    barredUntil: date('barred_until', { mode: 'string' }),
    explanation: jsonb('explanation').$type<Step[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('accreditations_certificate_key').on(t.certificateNo),
    index('accreditations_carrier_idx').on(t.carrierId),
    index('accreditations_org_idx').on(t.orgId),
    index('accreditations_area_idx').on(t.jurisdictionCode),
  ],
)

/** 年度绩效评价 of the previous year, with its scorecard and the consequence drawn from it. */
export const performanceEvaluations = pgTable(
  'performance_evaluations',
  {
    id: uuid('id').primaryKey(),
    accreditationId: uuid('accreditation_id').notNull(),
    year: integer('year').notNull(),
    ruleVersionId: uuid('rule_version_id').notNull(),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    participation: text('participation', { enum: ['participated', 'skipped'] }).notNull(),
    skipReason: text('skip_reason'),
    goodReason: boolean('good_reason'),
    /** Hundredths of a point, so 59.99 and 60 compare exactly. */
    totalCenti: integer('total_centi'),
    band: text('band', { enum: ['excellent', 'pass', 'fail'] }),
    scorecard: jsonb('scorecard').$type<Scorecard>(),
    consequence: jsonb('consequence').$type<Step[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('performance_evaluations_year_key').on(t.accreditationId, t.year)],
)

/** 认定变更: a major change reported (or found), its three-month deadline and the reassessment. */
export const accreditationChanges = pgTable(
  'accreditation_changes',
  {
    id: uuid('id').primaryKey(),
    accreditationId: uuid('accreditation_id').notNull(),
    kind: text('kind', { enum: ['split', 'merger', 'restructuring', 'businessChange'] }).notNull(),
    description: text('description').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    late: boolean('late').notNull(),
    ruleVersionId: uuid('rule_version_id').notNull(),
    reportedBy: uuid('reported_by'),
    reassessment: text('reassessment', { enum: ['pending', 'stillQualifies', 'noLongerQualifies'] }).notNull(),
    reassessedOn: date('reassessed_on', { mode: 'string' }),
    reassessmentNote: text('reassessment_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('accreditation_changes_accreditation_idx').on(t.accreditationId)],
)
