import {
  bigint,
  char,
  customType,
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
  varchar,
} from 'drizzle-orm/pg-core'
import { verificationTypes } from '../projects/schema'

/** Raw file bytes (deliverables are small: at most 10 MiB, kept in PostgreSQL with their digests). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
})

export const verificationStatuses = ['running', 'gatesPassed', 'reported', 'terminated'] as const
export type VerificationStatus = (typeof verificationStatuses)[number]
export const stageStatuses = [
  'skipped',
  'notPlanned',
  'pending',
  'active',
  'passed',
  'conditionallyPassed',
  'terminated',
  'cancelled',
] as const
export type StageStatus = (typeof stageStatuses)[number]
export const gateDecisions = ['passed', 'conditional', 'terminated'] as const
export type GateDecision = (typeof gateDecisions)[number]
export const reportKinds = ['poc', 'technicalFeasibility'] as const
export type ReportKind = (typeof reportKinds)[number]

/** One staged verification of a project (seed 002 三(二)8 规范化服务流程), run by the center in charge. */
export const verifications = pgTable(
  'verifications',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id').notNull(),
    centerOrgId: uuid('center_org_id').notNull(),
    /** The city of the project's area, for city-wide counts. */
    cityCode: char('city_code', { length: 6 }).notNull(),
    firstStage: text('first_stage', { enum: verificationTypes }).notNull(),
    lastStage: text('last_stage', { enum: verificationTypes }).notNull(),
    status: text('status', { enum: verificationStatuses }).notNull(),
    /** The project status a reopened stage returns to once re-verified (handedOff: the pilot goes on). */
    reopenedFrom: text('reopened_from'),
    /** Bumped by every change to the verification or its stages: a report is built from one revision. */
    revision: integer('revision').notNull().default(1),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('verifications_project_key').on(t.projectId),
    index('verifications_center_idx').on(t.centerOrgId),
  ],
)

export const verificationStages = pgTable(
  'verification_stages',
  {
    id: uuid('id').primaryKey(),
    verificationId: uuid('verification_id').notNull(),
    projectId: uuid('project_id').notNull(),
    stage: text('stage', { enum: verificationTypes }).notNull(),
    ordinal: smallint('ordinal').notNull(),
    status: text('status', { enum: stageStatuses }).notNull(),
    skipReason: text('skip_reason'),
    /** The budget tranche of this stage, in 分. */
    budgetFen: bigint('budget_fen', { mode: 'bigint' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('verification_stages_key').on(t.verificationId, t.stage)],
)

export const stageMilestones = pgTable(
  'stage_milestones',
  {
    id: uuid('id').primaryKey(),
    stageId: uuid('stage_id').notNull(),
    verificationId: uuid('verification_id').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    doneDate: date('done_date'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stage_milestones_stage_idx').on(t.stageId)],
)

/** A deliverable file with its SHA-256 and SM3 digests; the bytes are read only on download. */
export const stageDeliverables = pgTable(
  'stage_deliverables',
  {
    id: uuid('id').primaryKey(),
    stageId: uuid('stage_id').notNull(),
    verificationId: uuid('verification_id').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    sm3: char('sm3', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stage_deliverables_stage_idx').on(t.stageId)],
)

export const stageExpenses = pgTable(
  'stage_expenses',
  {
    id: uuid('id').primaryKey(),
    stageId: uuid('stage_id').notNull(),
    verificationId: uuid('verification_id').notNull(),
    spentOn: date('spent_on').notNull(),
    item: text('item').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    payee: text('payee'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stage_expenses_stage_idx').on(t.stageId)],
)

/** 代工 (seed 004 三(七)): testing or trial production done by another organization on its instruments. */
export const stageDelegations = pgTable(
  'stage_delegations',
  {
    id: uuid('id').primaryKey(),
    stageId: uuid('stage_id').notNull(),
    verificationId: uuid('verification_id').notNull(),
    providerOrgId: uuid('provider_org_id').notNull(),
    instrumentId: uuid('instrument_id'),
    work: text('work').notNull(),
    costFen: bigint('cost_fen', { mode: 'bigint' }).notNull(),
    performedOn: date('performed_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stage_delegations_stage_idx').on(t.stageId)],
)

/** A gate decision; a stage reopened after a pilot finding gets a later round. */
export const stageGates = pgTable(
  'stage_gates',
  {
    id: uuid('id').primaryKey(),
    stageId: uuid('stage_id').notNull(),
    verificationId: uuid('verification_id').notNull(),
    round: smallint('round').notNull(),
    decision: text('decision', { enum: gateDecisions }).notNull(),
    reasons: text('reasons').notNull(),
    directorName: text('director_name').notNull(),
    directorRole: text('director_role').notNull(),
    decidedOn: date('decided_on').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stage_gates_stage_idx').on(t.stageId)],
)

/** 有条件通过: each condition is followed up until resolved. */
export const gateConditions = pgTable(
  'gate_conditions',
  {
    id: uuid('id').primaryKey(),
    gateId: uuid('gate_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    verificationId: uuid('verification_id').notNull(),
    text: text('text').notNull(),
    dueDate: date('due_date'),
    resolvedOn: date('resolved_on'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [index('gate_conditions_verification_idx').on(t.verificationId)],
)

export const stageReopenings = pgTable(
  'stage_reopenings',
  {
    id: uuid('id').primaryKey(),
    stageId: uuid('stage_id').notNull(),
    verificationId: uuid('verification_id').notNull(),
    reason: text('reason').notNull(),
    /** The pilot finding that asked for it, when one did. */
    findingId: uuid('finding_id'),
    reopenedBy: uuid('reopened_by'),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stage_reopenings_stage_idx').on(t.stageId)],
)

/** 概念验证报告 / 技术可行性报告: frozen content, its SM3 digest and the code it is verified by (结果互认). */
export const verificationReports = pgTable(
  'verification_reports',
  {
    id: uuid('id').primaryKey(),
    code: varchar('code', { length: 24 }).notNull(),
    verificationId: uuid('verification_id').notNull(),
    projectId: uuid('project_id').notNull(),
    centerOrgId: uuid('center_org_id').notNull(),
    cityCode: char('city_code', { length: 6 }).notNull(),
    kind: text('kind', { enum: reportKinds }).notNull(),
    issuedOn: date('issued_on').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    digest: char('digest', { length: 64 }).notNull(),
    signedByName: text('signed_by_name').notNull(),
    signedByRole: text('signed_by_role').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    supersededBy: uuid('superseded_by'),
  },
  (t) => [
    uniqueIndex('verification_reports_code_key').on(t.code),
    index('verification_reports_center_idx').on(t.centerOrgId, t.issuedOn),
    index('verification_reports_project_idx').on(t.projectId),
  ],
)
