import {
  boolean,
  char,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { AssignmentProgress, Exclusion, ProjectShortfall, RejectedFixed, ThinkTank } from './assignment/types'

/** A weighted criterion of a round (seed 004: 理论创新性、技术可行性、市场潜力、知识产权完整性). */
export type Criterion = { key: string; name: string; weight: number; description?: string | null }

export const roundStatuses = ['open', 'closed'] as const
export type RoundStatus = (typeof roundStatuses)[number]
export const assignmentStatuses = [
  'invited',
  'confirmed',
  'accepted',
  'submitted',
  'declined',
  'conflict',
  'withdrawn',
] as const
export type AssignmentStatus = (typeof assignmentStatuses)[number]
export const decisions = ['admitted', 'rejected'] as const
export type Decision = (typeof decisions)[number]

/** 入库评价 round: the center's projects scored by its 顾问专家团队 (seed 004 三(三)). */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: uuid('id').primaryKey(),
    centerOrgId: uuid('center_org_id').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    title: text('title').notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    reviewersPerProject: integer('reviewers_per_project').notNull(),
    defaultCap: integer('default_cap').notNull(),
    /** Expert id → load cap in this round. */
    capOverrides: jsonb('cap_overrides').$type<Record<string, number>>().notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    reminderWorkdays: integer('reminder_workdays').notNull(),
    outlierThreshold: doublePrecision('outlier_threshold').notNull(),
    admissionThreshold: doublePrecision('admission_threshold'),
    status: text('status', { enum: roundStatuses }).notNull(),
    /** Set when the first score is saved: criteria cannot change afterwards. */
    criteriaLockedAt: timestamp('criteria_locked_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('evaluation_rounds_center_idx').on(t.centerOrgId)],
)

/** A project in a round: the think tanks and reviewers it needs, and the admission decision (入库). */
export const evaluationRoundProjects = pgTable(
  'evaluation_round_projects',
  {
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    tanks: jsonb('tanks').$type<ThinkTank[]>().notNull(),
    /** Null: the round's reviewers per project. */
    reviewers: integer('reviewers'),
    decision: text('decision', { enum: decisions }),
    decisionExplanation: text('decision_explanation'),
    decisionDetail: jsonb('decision_detail').$type<Record<string, unknown>>(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.projectId] }),
    index('evaluation_round_projects_project_idx').on(t.projectId),
  ],
)

/** Experts matching proposes for a project, with the affinity and 为什么推荐 the solver and organizer see. */
export const evaluationCandidates = pgTable(
  'evaluation_candidates',
  {
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    affinity: doublePrecision('affinity').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.projectId, t.expertId] })],
)

/** The organizer's pins and forbidden pairs. */
export const evaluationPairRules = pgTable(
  'evaluation_pair_rules',
  {
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    kind: text('kind', { enum: ['pin', 'forbid'] }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.projectId, t.expertId] })],
)

/** One expert on one project of a round: invitation → 无利益冲突确认 → accept → scores; or declined / conflict. */
export const evaluationAssignments = pgTable(
  'evaluation_assignments',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull(),
    projectId: uuid('project_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    expertUserId: uuid('expert_user_id').notNull(),
    expertName: text('expert_name').notNull(),
    /** The think tank the reviewer represents, or 'general'. */
    role: text('role').notNull(),
    source: text('source', { enum: ['optimized', 'pinned', 'accepted'] }).notNull(),
    affinity: doublePrecision('affinity').notNull(),
    status: text('status', { enum: assignmentStatuses }).notNull(),
    /** Why the expert declined, the conflict declared, or why the invitation was withdrawn. */
    note: text('note'),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    comments: jsonb('comments').$type<Record<string, string>>().notNull(),
    overallComment: text('overall_comment'),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('evaluation_assignments_pair_key').on(t.roundId, t.projectId, t.expertId),
    index('evaluation_assignments_user_idx').on(t.expertUserId),
    index('evaluation_assignments_project_idx').on(t.projectId),
  ],
)

/** Every run of the solver: who or what triggered it, the objective, shortfalls, exclusions and progress. */
export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull(),
    trigger: text('trigger', { enum: ['organizer', 'declined', 'conflict'] }).notNull(),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    objective: jsonb('objective').$type<{ reviews: number; seats: number; totalAffinity: number }>().notNull(),
    certified: boolean('certified').notNull(),
    shortProjects: jsonb('short_projects').$type<ProjectShortfall[]>().notNull(),
    exclusions: jsonb('exclusions').$type<Exclusion[]>().notNull(),
    rejectedFixed: jsonb('rejected_fixed').$type<RejectedFixed[]>().notNull(),
    progress: jsonb('progress').$type<AssignmentProgress[]>().notNull(),
    changes: jsonb('changes').$type<{ invited: number; kept: number; withdrawn: number }>().notNull(),
    notes: jsonb('notes').$type<string[]>().notNull(),
    ms: doublePrecision('ms').notNull(),
  },
  (t) => [index('evaluation_runs_round_idx').on(t.roundId, t.at)],
)
