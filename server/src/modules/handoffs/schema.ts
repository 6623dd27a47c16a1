import { char, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const handoffStatuses = ['offered', 'accepted', 'declined', 'withdrawn', 'completed'] as const
export type HandoffStatus = (typeof handoffStatuses)[number]
export const findingSeverities = ['info', 'minor', 'major', 'critical'] as const
export type FindingSeverity = (typeof findingSeverities)[number]
export const findingStatuses = ['open', 'reopened', 'resolved'] as const
export type FindingStatus = (typeof findingStatuses)[number]

/** 验证-中试联动 (seed 004 三(六)): a verified project offered by its center to one pilot platform. */
export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id').notNull(),
    centerOrgId: uuid('center_org_id').notNull(),
    /** The pilot platform (载体库) and the organization operating it. */
    platformCarrierId: uuid('platform_carrier_id').notNull(),
    platformOrgId: uuid('platform_org_id').notNull(),
    /** The platform's city: 中试服务项目 are counted where the platform is (seed 002 中试平台 一). */
    platformCityCode: char('platform_city_code', { length: 6 }).notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: handoffStatuses }).notNull(),
    offeredBy: uuid('offered_by'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
    respondedBy: uuid('responded_by'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedOn: date('responded_on'),
    responseReason: text('response_reason'),
    completedOn: date('completed_on'),
    completionNote: text('completion_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('handoffs_project_idx').on(t.projectId),
    index('handoffs_platform_idx').on(t.platformOrgId),
    index('handoffs_center_idx').on(t.centerOrgId),
  ],
)

export const pilotMilestones = pgTable(
  'pilot_milestones',
  {
    id: uuid('id').primaryKey(),
    handoffId: uuid('handoff_id').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    doneDate: date('done_date'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pilot_milestones_handoff_idx').on(t.handoffId)],
)

/** 反向反馈至验证环节: what the pilot found, about which verification stage, and what became of it. */
export const handoffFindings = pgTable(
  'handoff_findings',
  {
    id: uuid('id').primaryKey(),
    handoffId: uuid('handoff_id').notNull(),
    projectId: uuid('project_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    description: text('description').notNull(),
    severity: text('severity', { enum: findingSeverities }).notNull(),
    status: text('status', { enum: findingStatuses }).notNull(),
    reportedBy: uuid('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    responseNote: text('response_note'),
    respondedBy: uuid('responded_by'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    resolvedOn: date('resolved_on'),
  },
  (t) => [index('handoff_findings_handoff_idx').on(t.handoffId), index('handoff_findings_project_idx').on(t.projectId)],
)
