import { bigint, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { confidentialityLevels } from '../../platform/registry/confidentiality'

/** 投资阶段 an investor says it invests in, from 种子期 to 成长期. */
export const investmentStages = ['seed', 'angel', 'early', 'growth'] as const
export type InvestmentStage = (typeof investmentStages)[number]

export const investorKinds = ['ventureCapital', 'governmentFund', 'angel', 'corporate'] as const
export type InvestorKind = (typeof investorKinds)[number]

/**
 * 投资偏好: what an investment institution (an organization of kind investor) invests in — stages, fields, ticket
 * size and area — the facts project → investor matching reads (seed 002 三(四) 投早投小, seed 004 金融支持).
 */
export const investorProfiles = pgTable('investor_profiles', {
  orgId: uuid('org_id').primaryKey(),
  kind: text('kind', { enum: investorKinds }).notNull(),
  stages: jsonb('stages').$type<InvestmentStage[]>().notNull(),
  industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
  /** 关注方向: words matched against a project's title and summary (industry systems differ between cities). */
  focusKeywords: jsonb('focus_keywords').$type<string[]>().notNull(),
  /** 单笔投资额 range, in 分. */
  ticketMinFen: bigint('ticket_min_fen', { mode: 'bigint' }).notNull(),
  ticketMaxFen: bigint('ticket_max_fen', { mode: 'bigint' }).notNull(),
  /** 投资地域: jurisdiction codes (a city covers its districts); empty means 不限地域. */
  jurisdictionCodes: jsonb('jurisdiction_codes').$type<string[]>().notNull(),
  introduction: text('introduction').notNull(),
  confidentiality: text('confidentiality', { enum: confidentialityLevels }).notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})
