import { sql } from 'drizzle-orm'
import {
  boolean,
  char,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { jurisdictions } from '../jurisdictions/schema'

export const organizationKinds = [
  'scienceBureau',
  'university',
  'researchInstitute',
  'hospital',
  'enterprise',
  'pocCenter',
  'pilotPlatform',
  'incubator',
  'investor',
  'serviceAgency',
] as const
export type OrganizationKind = (typeof organizationKinds)[number]

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: organizationKinds }).notNull(),
    /** 统一社会信用代码, present for every legal entity. */
    uscc: varchar('uscc', { length: 18 }),
    isLegalEntity: boolean('is_legal_entity').notNull().default(true),
    jurisdictionCode: char('jurisdiction_code', { length: 6 })
      .notNull()
      .references(() => jurisdictions.code),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: varchar('contact_phone', { length: 32 }),
    status: text('status', { enum: ['active', 'deregistered'] })
      .notNull()
      .default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_uscc_key').on(t.uscc).where(sql`${t.uscc} is not null`),
    index('organizations_jurisdiction_idx').on(t.jurisdictionCode),
  ],
)
