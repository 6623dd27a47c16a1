import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { EvidenceFile } from '../policies/schema'

export const voucherCategories = ['poc', 'pilot', 'testing'] as const
export type VoucherCategory = (typeof voucherCategories)[number]

/** 创新券资金池: the budget a batch of vouchers is issued from and providers are paid from. */
export const voucherPools = pgTable(
  'voucher_pools',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    year: smallint('year').notNull(),
    /** The voucher policy whose eligibility and service categories apply (huzhou-innovation-voucher). */
    policyCode: text('policy_code'),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('voucher_pools_jurisdiction_idx').on(t.jurisdictionCode, t.year)],
)

/** Movements of a pool: issue (−), return of an expired balance (+), payout to a provider (paid from it). */
export const voucherPoolEntries = pgTable(
  'voucher_pool_entries',
  {
    id: uuid('id').primaryKey(),
    poolId: uuid('pool_id').notNull(),
    kind: text('kind', { enum: ['issue', 'return', 'payout'] }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    voucherId: uuid('voucher_id'),
    orderId: uuid('order_id'),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('voucher_pool_entries_pool_idx').on(t.poolId)],
)

export const voucherStatuses = ['active', 'used', 'expired', 'revoked'] as const
export type VoucherStatus = (typeof voucherStatuses)[number]

export const vouchers = pgTable(
  'vouchers',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    poolId: uuid('pool_id').notNull(),
    enterpriseOrgId: uuid('enterprise_org_id').notNull(),
    /** The enterprise's area: the officers over it see the voucher. */
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Free to use; `heldFen` is on redemptions awaiting review. */
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull(),
    heldFen: bigint('held_fen', { mode: 'number' }).notNull().default(0),
    categories: jsonb('categories').$type<VoucherCategory[]>().notNull(),
    /** Calendar dates in Asia/Shanghai, both included. */
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    status: text('status', { enum: voucherStatuses }).notNull(),
    issuedBy: uuid('issued_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vouchers_code_key').on(t.code),
    index('vouchers_enterprise_idx').on(t.enterpriseOrgId),
    index('vouchers_pool_idx').on(t.poolId, t.status),
    index('vouchers_area_idx').on(t.jurisdictionCode, t.validTo),
  ],
)

export const serviceOrderStatuses = [
  'ordered',
  'accepted',
  'delivered',
  'redemptionSubmitted',
  'redeemed',
  'paid',
  'redemptionRejected',
  'cancelled',
] as const
export type ServiceOrderStatus = (typeof serviceOrderStatuses)[number]
export type VoucherAllocation = { voucherId: string; amountFen: number }

/** 科技服务商城 order: an enterprise buys a PoC, pilot or testing service from a center or platform. */
export const serviceOrders = pgTable(
  'service_orders',
  {
    id: uuid('id').primaryKey(),
    enterpriseOrgId: uuid('enterprise_org_id').notNull(),
    carrierId: uuid('carrier_id').notNull(),
    carrierName: text('carrier_name').notNull(),
    providerOrgId: uuid('provider_org_id').notNull(),
    jurisdictionCode: char('jurisdiction_code', { length: 6 }).notNull(),
    category: text('category', { enum: voucherCategories }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: serviceOrderStatuses }).notNull(),
    contract: jsonb('contract').$type<EvidenceFile>(),
    paymentProof: jsonb('payment_proof').$type<EvidenceFile>(),
    contractAmountFen: bigint('contract_amount_fen', { mode: 'number' }),
    enterprisePaidFen: bigint('enterprise_paid_fen', { mode: 'number' }),
    allocations: jsonb('allocations').$type<VoucherAllocation[]>().notNull(),
    voucherFen: bigint('voucher_fen', { mode: 'number' }).notNull().default(0),
    reviewNote: text('review_note'),
    falseClaim: boolean('false_claim').notNull().default(false),
    paidOn: date('paid_on'),
    payoutReference: text('payout_reference'),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('service_orders_enterprise_idx').on(t.enterpriseOrgId),
    index('service_orders_provider_idx').on(t.providerOrgId),
    index('service_orders_area_idx').on(t.jurisdictionCode, t.status),
  ],
)

export const serviceOrderEvents = pgTable(
  'service_order_events',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    fromStatus: text('from_status', { enum: serviceOrderStatuses }),
    toStatus: text('to_status', { enum: serviceOrderStatuses }).notNull(),
    note: text('note'),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('service_order_events_order_idx').on(t.orderId)],
)

/** 信用记录: bad ratings and false claims against a provider; `flagged` once the platform rule is met. */
export const providerCreditEvents = pgTable(
  'provider_credit_events',
  {
    id: uuid('id').primaryKey(),
    providerOrgId: uuid('provider_org_id').notNull(),
    carrierId: uuid('carrier_id').notNull(),
    orderId: uuid('order_id').notNull(),
    kind: text('kind', { enum: ['badRating', 'falseClaim'] }).notNull(),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('provider_credit_events_provider_idx').on(t.providerOrgId, t.createdAt)],
)

export const providerCreditRecords = pgTable('provider_credit_records', {
  providerOrgId: uuid('provider_org_id').primaryKey(),
  flagged: boolean('flagged').notNull(),
  reason: text('reason').notNull(),
  flaggedAt: timestamp('flagged_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})
