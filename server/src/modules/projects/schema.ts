import { bigint, char, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const entryChannels = ['application', 'solicitation', 'preVerification', 'fundRequest'] as const
export type EntryChannel = (typeof entryChannels)[number]
export const verificationTypes = ['principle', 'technical', 'productScenario', 'commercial'] as const
export type VerificationType = (typeof verificationTypes)[number]
export const projectStatuses = [
  'draft',
  'submitted',
  'returned',
  'underEvaluation',
  'admitted',
  'rejected',
  'verifying',
  'verified',
  'handedOff',
  'landed',
  'terminated',
] as const
export type ProjectStatus = (typeof projectStatuses)[number]

export type ProjectMember = { name: string; role?: string | null; organization?: string | null }

/** 征集: a call for projects (e.g. 苗圃计划) with its fields, deadline and what to submit. */
export const solicitations = pgTable(
  'solicitations',
  {
    id: uuid('id').primaryKey(),
    issuerOrgId: uuid('issuer_org_id').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    requirements: text('requirements').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('solicitations_jurisdiction_idx').on(t.jurisdictionCode)],
)

/** 概念验证项目: a result going through proof of concept, from application to landing. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    channel: text('channel', { enum: entryChannels }).notNull(),
    solicitationId: uuid('solicitation_id'),
    /** The applicant: a university or institute, an enterprise, a district bureau, a fund. */
    applicantOrgId: uuid('applicant_org_id').notNull(),
    applicantUserId: uuid('applicant_user_id'),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    /** The PoC center in charge (an organization of kind pocCenter). */
    centerOrgId: uuid('center_org_id').notNull(),
    team: jsonb('team').$type<ProjectMember[]>().notNull(),
    achievementIds: jsonb('achievement_ids').$type<string[]>().notNull(),
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    disciplines: jsonb('disciplines').$type<string[]>().notNull(),
    requestedTypes: jsonb('requested_types').$type<VerificationType[]>().notNull(),
    budgetFen: bigint('budget_fen', { mode: 'bigint' }).notNull(),
    trl: integer('trl'),
    status: text('status', { enum: projectStatuses }).notNull(),
    statusNote: text('status_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('projects_center_idx').on(t.centerOrgId),
    index('projects_applicant_idx').on(t.applicantOrgId),
    index('projects_jurisdiction_idx').on(t.jurisdictionCode),
  ],
)

/** Every status change of a project, with who and why: the pool's own history. */
export const projectEvents = pgTable(
  'project_events',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id').notNull(),
    from: text('from_status'),
    to: text('to_status').notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('project_events_project_idx').on(t.projectId, t.at)],
)

/** Organizations given sight of a project beyond its applicant, center and officers (a pilot platform offered it). */
export const projectAccess = pgTable(
  'project_access',
  {
    projectId: uuid('project_id').notNull(),
    orgId: uuid('org_id').notNull(),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('project_access_idx').on(t.projectId, t.orgId)],
)
