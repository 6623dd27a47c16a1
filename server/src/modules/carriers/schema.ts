import { sql } from 'drizzle-orm'
import { doublePrecision, index, jsonb, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { registryColumns } from '../../platform/registry/columns'

export const carrierKinds = ['pocCenter', 'pilotPlatform', 'incubator', 'park'] as const
export type CarrierKind = (typeof carrierKinds)[number]

/** 综合类 / 专业型 (seed 002 二); 企业 / 第三方服务机构 / 高校院所 / 政府投资 主导 (seed 002 中试平台 二(二)). */
export const carrierSubtypes = [
  'comprehensive',
  'specialized',
  'enterpriseLed',
  'thirdPartyLed',
  'academicLed',
  'governmentLed',
] as const
export type CarrierSubtype = (typeof carrierSubtypes)[number]

export const carrierLevels = ['municipal', 'provincial', 'national'] as const
export type CarrierLevel = (typeof carrierLevels)[number]

export const accreditationStatuses = ['none', 'applying', 'accredited', 'revoked'] as const
export type AccreditationStatus = (typeof accreditationStatuses)[number]

/** The four verification stages (seed 002 三(二)8) plus pilot-scale and testing services. */
export const capabilityCategories = [
  'principle',
  'technical',
  'productScenario',
  'commercial',
  'pilot',
  'testing',
] as const
export type CapabilityCategory = (typeof capabilityCategories)[number]

export const directorRoles = ['director', 'administrative', 'technical'] as const
export type DirectorRole = (typeof directorRoles)[number]

export type Capability = { name: string; description: string | null; category: CapabilityCategory }
/** A fee line; `priceFen` null means 面议. */
export type FeeStandard = { item: string; unit: string; priceFen: number | null }
export type Director = { name: string; role: DirectorRole; title: string | null }

/** 载体: a PoC center, pilot platform, incubator or park — the place that hosts projects. */
export const carriers = pgTable(
  'carriers',
  {
    ...registryColumns(),
    name: text('name').notNull(),
    /** Pinyin of the name, for 按拼音排序 in a collation-independent way. */
    nameSort: text('name_sort').notNull(),
    kind: text('kind', { enum: carrierKinds }).notNull(),
    subtype: text('subtype', { enum: carrierSubtypes }),
    /** Qualified node codes in the area's industry system (a specialized PoC center has 1–2). */
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    address: text('address').notNull(),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    capabilities: jsonb('capabilities').$type<Capability[]>().notNull(),
    feeStandards: jsonb('fee_standards').$type<FeeStandard[]>().notNull(),
    level: text('level', { enum: carrierLevels }),
    accreditationStatus: text('accreditation_status', { enum: accreditationStatuses }).notNull().default('none'),
    accreditationYear: smallint('accreditation_year'),
    directors: jsonb('directors').$type<Director[]>().notNull(),
    hostInstitution: text('host_institution'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    introduction: text('introduction').notNull(),
  },
  (t) => [
    index('carriers_owner_idx').on(t.ownerOrgId),
    index('carriers_jurisdiction_idx').on(t.jurisdictionCode),
    index('carriers_kind_idx').on(t.kind),
    uniqueIndex('carriers_import_key_key').on(t.importKey).where(sql`${t.importKey} is not null`),
  ],
)
