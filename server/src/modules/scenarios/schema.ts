import { sql } from 'drizzle-orm'
import { date, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { registryColumns } from '../../platform/registry/columns'

/** What a publisher offers the technology it wants to try: 场地 / 数据 / 采购意向 / 资金 / 示范应用. */
export const scenarioOffers = ['site', 'data', 'procurement', 'funding', 'demonstration'] as const
export type ScenarioOffer = (typeof scenarioOffers)[number]
export const scenarioStatuses = ['open', 'closed'] as const
export type ScenarioStatus = (typeof scenarioStatuses)[number]
/** Who may publish a scenario (场景清单发布): an enterprise, a government body, a PoC center or a pilot platform. */
export const publisherKinds = ['enterprise', 'scienceBureau', 'pocCenter', 'pilotPlatform'] as const
export type PublisherKind = (typeof publisherKinds)[number]

/** 应用场景: a published need to try new technology in a real setting (场景机会, 示范应用和迭代机会). */
export const scenarios = pgTable(
  'scenarios',
  {
    ...registryColumns(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The technology wanted, as keywords. */
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    industryCodes: jsonb('industry_codes').$type<string[]>().notNull(),
    /** The owner organization's kind when published (facet 发布主体). */
    publisherKind: text('publisher_kind', { enum: publisherKinds }).notNull(),
    address: text('address').notNull(),
    longitude: doublePrecision('longitude'),
    latitude: doublePrecision('latitude'),
    offers: jsonb('offers').$type<ScenarioOffer[]>().notNull(),
    /** Last day applications are taken, calendar date in Asia/Shanghai. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status', { enum: scenarioStatuses }).notNull().default('open'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    statusReason: text('status_reason'),
  },
  (t) => [
    index('scenarios_owner_idx').on(t.ownerOrgId),
    index('scenarios_jurisdiction_idx').on(t.jurisdictionCode),
    index('scenarios_deadline_idx').on(t.deadline),
    uniqueIndex('scenarios_import_key_key').on(t.importKey).where(sql`${t.importKey} is not null`),
  ],
)
