import { sql } from 'drizzle-orm'
import { bigint, boolean, index, jsonb, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { registryColumns } from '../../platform/registry/columns'

export const maturities = ['theory', 'lab', 'sample', 'smallTrial', 'pilot', 'product'] as const
export type Maturity = (typeof maturities)[number]
export const transferModes = ['transfer', 'license', 'equity', 'cooperation'] as const
export type TransferMode = (typeof transferModes)[number]

export type IpItem = {
  kind: 'patent' | 'softwareCopyright' | 'technicalSecret'
  number?: string | null
  title?: string | null
  patentType?: 'invention' | 'utilityModel' | 'design' | null
  status?: 'pending' | 'granted' | 'lapsed' | null
}
export type TeamMember = { name: string; title?: string | null; organization?: string | null }

/** 科技成果: a research result offered for transfer. */
export const achievements = pgTable(
  'achievements',
  {
    ...registryColumns(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    team: jsonb('team').$type<TeamMember[]>().notNull(),
    /** 学科门类 and 一级学科. */
    category: text('category'),
    discipline: text('discipline'),
    /** Node codes in the owner jurisdiction's industry system. */
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    trl: smallint('trl').notNull(),
    maturity: text('maturity', { enum: maturities }).notNull(),
    ipItems: jsonb('ip_items').$type<IpItem[]>().notNull(),
    transferModes: jsonb('transfer_modes').$type<TransferMode[]>().notNull(),
    priceNegotiable: boolean('price_negotiable').notNull().default(true),
    /** Expected price range in 分. */
    priceMinFen: bigint('price_min_fen', { mode: 'bigint' }),
    priceMaxFen: bigint('price_max_fen', { mode: 'bigint' }),
  },
  (t) => [
    index('achievements_owner_idx').on(t.ownerOrgId),
    index('achievements_jurisdiction_idx').on(t.jurisdictionCode),
    uniqueIndex('achievements_import_key_key').on(t.importKey).where(sql`${t.importKey} is not null`),
  ],
)
