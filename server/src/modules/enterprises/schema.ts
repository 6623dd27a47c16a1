import { sql } from 'drizzle-orm'
import { doublePrecision, index, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import { registryColumns } from '../../platform/registry/columns'
import { organizations } from '../organizations/schema'

/** 企业梯度培育 (seed 001 二(三)2): 创新型中小企业 → 专精特新 → “小巨人”; 科技型中小企业 → 高新技术企业. */
export const enterpriseTiers = ['techSme', 'innovativeSme', 'highTech', 'specialized', 'littleGiant'] as const
export type EnterpriseTier = (typeof enterpriseTiers)[number]
export const tierLevels = ['city', 'province', 'national'] as const
export type TierLevel = (typeof tierLevels)[number]

export type TierGrant = { tier: EnterpriseTier; year: number; level?: TierLevel | null }
/** One year's figures; amounts in 分. */
export type YearFigures = {
  year: number
  rdSpendingFen: number
  revenueFen?: number | null
  employees?: number | null
}

/**
 * 企业库 profile: the registry's view of an organization of kind `enterprise`. Its id is the organization's
 * id and it is owned by that organization (the enterprise edits its own profile; officers edit in their area).
 */
export const enterpriseProfiles = pgTable(
  'enterprise_profiles',
  {
    ...registryColumns(),
    id: uuid('id')
      .primaryKey()
      .references(() => organizations.id),
    /** Pinyin of the organization's name, for 按名称排序 (kept with every write of the profile). */
    sortName: text('sort_name').notNull().default(''),
    tiers: jsonb('tiers').$type<TierGrant[]>().notNull(),
    /** GB/T 4754-2017 门类 (A–T) and 大类 (01–97). */
    gbtSection: varchar('gbt_section', { length: 1 }),
    gbtDivision: varchar('gbt_division', { length: 2 }),
    /** Qualified node codes in the jurisdiction's industry system. */
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    yearly: jsonb('yearly').$type<YearFigures[]>().notNull(),
    mainProducts: jsonb('main_products').$type<string[]>().notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    description: text('description').notNull().default(''),
    address: text('address'),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    contactName: text('contact_name'),
    contactPhone: varchar('contact_phone', { length: 32 }),
    contactEmail: varchar('contact_email', { length: 254 }),
  },
  (t) => [
    index('enterprise_profiles_jurisdiction_idx').on(t.jurisdictionCode),
    index('enterprise_profiles_sort_name_idx').on(t.sortName),
    index('enterprise_profiles_gbt_idx').on(t.gbtSection, t.gbtDivision),
    uniqueIndex('enterprise_profiles_import_key_key').on(t.importKey).where(sql`${t.importKey} is not null`),
  ],
)
