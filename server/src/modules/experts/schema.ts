import { sql } from 'drizzle-orm'
import { date, index, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import { registryColumns } from '../../platform/registry/columns'
import { users } from '../accounts/schema'

/** 专家智库 (seed 002 第15条): 技术验证 / 产品验证 / 商业验证. */
export const thinkTanks = ['technical', 'product', 'commercial'] as const
export type ThinkTank = (typeof thinkTanks)[number]
export const expertAvailabilities = ['available', 'busy', 'unavailable'] as const
export type ExpertAvailability = (typeof expertAvailabilities)[number]
export const relationshipKinds = ['advisorStudent', 'family', 'partner', 'other'] as const
export type RelationshipKind = (typeof relationshipKinds)[number]
export const tieKinds = ['employment', 'shareholding', 'contract', 'other'] as const
export type TieKind = (typeof tieKinds)[number]

/** An organization by its registered id, or by name when it is not registered. Dates are YYYY-MM-DD. */
export type Affiliation = {
  organizationId?: string | null
  organizationName: string
  position?: string | null
  from?: string | null
  /** Empty: still there. */
  to?: string | null
}
export type Relationship = {
  kind: RelationshipKind
  personName: string
  organizationId?: string | null
  organizationName?: string | null
  note?: string | null
}
export type EnterpriseTie = {
  kind: TieKind
  organizationId?: string | null
  organizationName: string
  from?: string | null
  to?: string | null
  note?: string | null
}
export type DeclaredConflict = {
  text: string
  projectId?: string | null
  organizationId?: string | null
  organizationName?: string | null
  declaredOn: string
}

/** 专家库: a person. Never on the public portal; contact, relationships and ties are personal information. */
export const experts = pgTable(
  'experts',
  {
    ...registryColumns(),
    name: text('name').notNull(),
    /** Pinyin of the name (surnames read as surnames: 曾 zeng, 单 shan), for 按姓名排序. */
    sortName: text('sort_name').notNull().default(''),
    /** 职称: 教授、研究员、正高级工程师 … */
    title: text('title'),
    currentOrgId: uuid('current_org_id'),
    currentOrgName: text('current_org_name'),
    /** 一级学科 names from data/disciplines.json. */
    disciplines: jsonb('disciplines').$type<string[]>().notNull(),
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    thinkTanks: jsonb('think_tanks').$type<ThinkTank[]>().notNull(),
    affiliations: jsonb('affiliations').$type<Affiliation[]>().notNull(),
    relationships: jsonb('relationships').$type<Relationship[]>().notNull(),
    enterpriseTies: jsonb('enterprise_ties').$type<EnterpriseTie[]>().notNull(),
    declaredConflicts: jsonb('declared_conflicts').$type<DeclaredConflict[]>().notNull(),
    availability: text('availability', { enum: expertAvailabilities }).notNull().default('available'),
    busyUntil: date('busy_until', { mode: 'string' }),
    contactPhone: varchar('contact_phone', { length: 32 }),
    contactEmail: varchar('contact_email', { length: 254 }),
    /** The expert's own account (role expert), who may then edit this profile. */
    userId: uuid('user_id').references(() => users.id),
  },
  (t) => [
    index('experts_owner_idx').on(t.ownerOrgId),
    index('experts_jurisdiction_idx').on(t.jurisdictionCode),
    index('experts_sort_name_idx').on(t.sortName),
    uniqueIndex('experts_user_key').on(t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('experts_import_key_key').on(t.importKey).where(sql`${t.importKey} is not null`),
  ],
)
