import { sql } from 'drizzle-orm'
import { bigint, boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { registryColumns } from '../../platform/registry/columns'

/** After the national 大型科研仪器 classification, folded to what carriers share. */
export const instrumentCategories = [
  'analysis',
  'physicalProperty',
  'metrology',
  'electronic',
  'manufacturing',
  'environmental',
  'biomedical',
  'computing',
  'other',
] as const
export type InstrumentCategory = (typeof instrumentCategories)[number]

export const availabilities = ['available', 'maintenance', 'retired'] as const
export type Availability = (typeof availabilities)[number]

/** 仪器设备: shared equipment owned by a carrier; the owner organization and area are the carrier's. */
export const instruments = pgTable(
  'instruments',
  {
    ...registryColumns(),
    carrierId: uuid('carrier_id').notNull(),
    name: text('name').notNull(),
    nameSort: text('name_sort').notNull(),
    /** 资产编号: tells two identical instruments of one carrier apart. */
    assetNumber: text('asset_number'),
    category: text('category', { enum: instrumentCategories }).notNull(),
    model: text('model'),
    manufacturer: text('manufacturer'),
    specifications: text('specifications').notNull(),
    /** 中国计量认证 / 中国合格评定国家认可委员会 (seed 002 三(二)9). */
    hasCma: boolean('has_cma').notNull().default(false),
    hasCnas: boolean('has_cnas').notNull().default(false),
    openHours: text('open_hours'),
    bookingMethod: text('booking_method'),
    /** Price per `feeUnit` in 分; null means 面议. */
    priceFen: bigint('price_fen', { mode: 'bigint' }),
    feeUnit: text('fee_unit'),
    location: text('location'),
    availability: text('availability', { enum: availabilities }).notNull().default('available'),
  },
  (t) => [
    index('instruments_carrier_idx').on(t.carrierId),
    index('instruments_owner_idx').on(t.ownerOrgId),
    index('instruments_jurisdiction_idx').on(t.jurisdictionCode),
    uniqueIndex('instruments_import_key_key').on(t.importKey).where(sql`${t.importKey} is not null`),
  ],
)
