import { bigint, char, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * 转化落地 (seed 002 三(三)10–14, seed 004 三(五)): 样品化 / 产品化; landing as a company founded in the city,
 * a license, a transfer or the technology invested as equity; follow-on funding (验证—孵化—产业化 基金接力);
 * 服务收入 paid to the center.
 */
export const outcomeKinds = [
  'sample',
  'product',
  'company',
  'license',
  'transfer',
  'equity',
  'funding',
  'serviceFee',
] as const
export type OutcomeKind = (typeof outcomeKinds)[number]
export const landingKinds = ['company', 'license', 'transfer', 'equity'] as const satisfies readonly OutcomeKind[]

export const projectOutcomes = pgTable(
  'project_outcomes',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id').notNull(),
    centerOrgId: uuid('center_org_id').notNull(),
    /** The project's area and its city, for per-center and per-city counts. */
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    cityCode: char('city_code', { length: 6 }).notNull(),
    kind: text('kind', { enum: outcomeKinds }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }),
    /** Kind-specific facts (company name and 统一社会信用代码, investor and round …), validated by the contract. */
    details: jsonb('details').$type<Record<string, string | number | null>>().notNull(),
    recordedBy: uuid('recorded_by'),
    recordedByOrgId: uuid('recorded_by_org_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('project_outcomes_project_idx').on(t.projectId),
    index('project_outcomes_center_idx').on(t.centerOrgId, t.occurredOn),
    index('project_outcomes_city_idx').on(t.cityCode, t.occurredOn),
  ],
)
