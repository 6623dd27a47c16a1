import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core'
import { registryColumns } from '../../platform/registry/columns'

/** 技术转让 / 技术许可 / 合作开发 / 委托开发 / 技术咨询 (the 技术合同 kinds a need can be met by). */
export const cooperationModes = ['transfer', 'license', 'jointDevelopment', 'commissioned', 'consulting'] as const
export type CooperationMode = (typeof cooperationModes)[number]
/** The same maturity scale as achievements, so a need and a result can be compared when matching. */
export const wantedMaturities = ['theory', 'lab', 'sample', 'smallTrial', 'pilot', 'product'] as const
export type WantedMaturity = (typeof wantedMaturities)[number]
export const demandStatuses = ['open', 'matched', 'closed'] as const
export type DemandStatus = (typeof demandStatuses)[number]

/** 技术需求: an enterprise's technical need, collected for 需求库 (收集-梳理-匹配-对接). */
export const demands = pgTable(
  'demands',
  {
    ...registryColumns(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Technical field keywords. */
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    /** Qualified node codes in the owner jurisdiction's industry system. */
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    budgetNegotiable: boolean('budget_negotiable').notNull().default(true),
    /** Budget range in 分. */
    budgetMinFen: bigint('budget_min_fen', { mode: 'bigint' }),
    budgetMaxFen: bigint('budget_max_fen', { mode: 'bigint' }),
    /** Calendar date in Asia/Shanghai. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    cooperationModes: jsonb('cooperation_modes').$type<CooperationMode[]>().notNull(),
    trlWanted: smallint('trl_wanted'),
    maturityWanted: text('maturity_wanted', { enum: wantedMaturities }),
    /** Shown to signed-in users only, never on the public portal, never in the search index. */
    contactName: text('contact_name'),
    contactPhone: varchar('contact_phone', { length: 32 }),
    contactEmail: text('contact_email'),
    status: text('status', { enum: demandStatuses }).notNull().default('open'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    statusReason: text('status_reason'),
  },
  (t) => [
    index('demands_owner_idx').on(t.ownerOrgId),
    index('demands_jurisdiction_idx').on(t.jurisdictionCode),
    index('demands_deadline_idx').on(t.deadline),
    uniqueIndex('demands_import_key_key').on(t.importKey).where(sql`${t.importKey} is not null`),
  ],
)
