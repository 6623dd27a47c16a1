import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { visibleCondition, visibleFilter } from '../../platform/registry/confidentiality'
import { markText, snippetOf } from '../../platform/registry/highlight'
import type { Filter } from '../../platform/search'
import { industryNames } from '../industries/service'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { searchRecords } from '../search/service'
import type { CarrierQuery } from './contracts'
import { accreditationLabels, carrierKindLabels, carrierLevelLabels, carrierSubtypeLabels } from './labels'
import { carriers } from './schema'
import { lookupsFor, viewerFor } from './service'
import { RECORD_TYPE, type Row, toCarrier } from './view'

const FACETS = ['kind', 'subtype', 'level', 'accreditation', 'industry', 'jurisdiction'] as const
type FacetName = (typeof FACETS)[number]
type RawFacets = Record<FacetName, { value: string; count: number }[]>

type Criteria = { filter: Filter[]; sql: SQL[]; visible: SQL }

/** A jsonb array column holding any of the values (bound as parameters). */
function containsAny(values: readonly string[]): SQL {
  return sql`exists (select 1 from jsonb_array_elements_text(${carriers.industryCodes}) as v(code) where ${inArray(sql`v.code`, [...values])})`
}

function hasCapability(values: readonly string[]): SQL {
  return sql`exists (select 1 from jsonb_array_elements(${carriers.capabilities}) as c(item) where ${inArray(sql`c.item->>'category'`, [...values])})`
}

const dayOf = (date: string, time: string) => new Date(`${date}T${time}+08:00`)

async function criteriaOf(actor: Actor, query: CarrierQuery): Promise<Criteria> {
  const viewer = await viewerFor(actor)
  const visible = visibleCondition(viewer, RECORD_TYPE, carriers)
  const filter: Filter[] = [{ attribute: 'status', in: [query.status] }]
  const conditions: SQL[] = [
    visible,
    query.status === 'active' ? isNull(carriers.archivedAt) : isNotNull(carriers.archivedAt),
  ]
  const visibility = visibleFilter(viewer)
  if (visibility) filter.push(visibility)
  if (query.kind?.length) {
    filter.push({ attribute: 'kind', in: query.kind })
    conditions.push(inArray(carriers.kind, query.kind))
  }
  if (query.subtype?.length) {
    filter.push({ attribute: 'subtype', in: query.subtype })
    conditions.push(inArray(carriers.subtype, query.subtype))
  }
  if (query.level?.length) {
    filter.push({ attribute: 'level', in: query.level })
    conditions.push(inArray(carriers.level, query.level))
  }
  if (query.accreditation?.length) {
    filter.push({ attribute: 'accreditation', in: query.accreditation })
    conditions.push(inArray(carriers.accreditationStatus, query.accreditation))
  }
  const ownerOrg = query.owner === 'mine' && actor.kind === 'user' ? actor.orgId : query.organization
  if (ownerOrg) {
    filter.push({ attribute: 'ownerOrg', in: [ownerOrg] })
    conditions.push(eq(carriers.ownerOrgId, ownerOrg))
  }
  if (query.industry?.length) {
    filter.push({ attribute: 'industry', in: query.industry })
    conditions.push(containsAny(query.industry))
  }
  if (query.capability?.length) {
    filter.push({ attribute: 'capability', in: query.capability })
    conditions.push(hasCapability(query.capability))
  }
  if (query.jurisdiction) {
    const codes = await descendantsOf(query.jurisdiction)
    filter.push({ attribute: 'jurisdiction', in: codes })
    conditions.push(inArray(carriers.jurisdictionCode, codes))
  }
  if (query.updatedFrom) {
    const from = dayOf(query.updatedFrom, '00:00:00')
    filter.push({ attribute: 'updated', gte: Math.floor(from.getTime() / 86_400_000) })
    conditions.push(gte(carriers.updatedAt, from))
  }
  if (query.updatedTo) {
    const to = dayOf(query.updatedTo, '23:59:59.999')
    filter.push({ attribute: 'updated', lte: Math.floor(to.getTime() / 86_400_000) })
    conditions.push(lte(carriers.updatedAt, to))
  }
  return { filter, sql: conditions, visible }
}

const LABELS: Partial<Record<FacetName, Record<string, string>>> = {
  kind: carrierKindLabels,
  subtype: carrierSubtypeLabels,
  level: carrierLevelLabels,
  accreditation: accreditationLabels,
}

async function labelFacets(raw: RawFacets) {
  const industries = await industryNames(raw.industry.map((f) => f.value))
  const areas = await jurisdictionNames(raw.jurisdiction.map((f) => f.value))
  const label = (name: FacetName, value: string) =>
    name === 'industry'
      ? (industries.get(value) ?? value)
      : name === 'jurisdiction'
        ? (areas.get(value) ?? value)
        : (LABELS[name]?.[value] ?? value)
  return Object.fromEntries(FACETS.map((name) => [name, raw[name].map((f) => ({ ...f, label: label(name, f.value) }))]))
}

async function sqlFacets(where: SQL): Promise<RawFacets> {
  const simple = async (
    column: typeof carriers.kind | typeof carriers.subtype | typeof carriers.level | typeof carriers.jurisdictionCode,
  ) =>
    (
      await db
        .select({ value: column, count: count() })
        .from(carriers)
        .where(and(where, sql`${column} is not null`))
        .groupBy(column)
        .orderBy(desc(count()), asc(column))
    ).map((r) => ({ value: String(r.value), count: Number(r.count) }))
  const industryRows = await db
    .select({ value: sql<string>`code`, count: count() })
    .from(sql`${carriers}, jsonb_array_elements_text(${carriers.industryCodes}) as code`)
    .where(where)
    .groupBy(sql`code`)
    .orderBy(desc(count()), asc(sql`code`))
  return {
    kind: await simple(carriers.kind),
    subtype: await simple(carriers.subtype),
    level: await simple(carriers.level),
    accreditation: (
      await db
        .select({ value: carriers.accreditationStatus, count: count() })
        .from(carriers)
        .where(where)
        .groupBy(carriers.accreditationStatus)
        .orderBy(desc(count()))
    ).map((r) => ({ value: r.value, count: Number(r.count) })),
    industry: industryRows.map((r) => ({ value: r.value, count: Number(r.count) })),
    jurisdiction: await simple(carriers.jurisdictionCode),
  }
}

// Sorting by pinyin with words: the whole matching set is ordered in SQL (a city has hundreds of carriers).
const NAME_SORT_LIMIT = 5000
const byName = [sql`${carriers.nameSort} collate "C"`, asc(carriers.id)]

/**
 * The matching carriers of one page, with totals and facets. With words: the index (BM25F + filters +
 * facets over the whole matching set). Without: the database. Both apply the same visibility rule.
 */
export async function findCarrierRows(actor: Actor, query: CarrierQuery) {
  const criteria = await criteriaOf(actor, query)
  const offset = (query.page - 1) * query.pageSize
  let ids: string[]
  let total: number
  let facets: RawFacets
  let highlights = new Map<string, readonly string[]>()
  let understood: { word: string; via: string }[] = []
  if (query.q) {
    const byNameSort = query.sort === 'name'
    const response = searchRecords(RECORD_TYPE, {
      // Keyword search ranks by the text; the re-ranker learned from match feedback is for 匹配推荐 only.
      rerank: false,
      text: query.q,
      filter: { and: criteria.filter },
      facets: [...FACETS],
      facetLimit: 50,
      count: true,
      offset: byNameSort ? 0 : offset,
      limit: byNameSort ? NAME_SORT_LIMIT : query.pageSize,
      sort: query.sort === 'updated' ? { attribute: 'updated', order: 'desc' } : 'relevance',
    })
    ids = response.hits.map((h) => h.id)
    highlights = new Map(response.hits.map((h) => [h.id, h.highlight]))
    total = response.total ?? ids.length
    facets = Object.fromEntries(FACETS.map((f) => [f, [...(response.facets?.[f] ?? [])]])) as RawFacets
    understood = response.query.map((w) => ({ word: w.word, via: w.via }))
    if (byNameSort && ids.length) {
      ids = (
        await db
          .select({ id: carriers.id })
          .from(carriers)
          .where(and(inArray(carriers.id, ids), criteria.visible))
          .orderBy(...byName)
          .limit(query.pageSize)
          .offset(offset)
      ).map((r) => r.id)
    }
  } else {
    const where = and(...criteria.sql)!
    const [row] = await db.select({ n: count() }).from(carriers).where(where)
    total = Number(row?.n ?? 0)
    ids = (
      await db
        .select({ id: carriers.id })
        .from(carriers)
        .where(where)
        .orderBy(...(query.sort === 'name' ? byName : [desc(carriers.updatedAt), asc(carriers.id)]))
        .limit(query.pageSize)
        .offset(offset)
    ).map((r) => r.id)
    facets = await sqlFacets(where)
  }
  // Rows are read back through the visibility condition as well: the index never decides alone.
  const found = ids.length
    ? await db
        .select()
        .from(carriers)
        .where(and(inArray(carriers.id, ids), criteria.visible))
    : []
  const byId = new Map(found.map((r) => [r.id, r]))
  const rows = ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined)
  return { rows, total, facets, highlights, understood }
}

export async function searchCarriers(actor: Actor, query: CarrierQuery) {
  requirePermission(actor, 'carrier.read')
  const { rows, total, facets, highlights, understood } = await findCarrierRows(actor, query)
  const lookups = await lookupsFor(actor, rows)
  const items = rows.map((row) => {
    const c = toCarrier(row, actor, lookups)
    const words = highlights.get(row.id) ?? []
    return {
      id: c.id,
      name: c.name,
      kind: c.kind,
      kindLabel: c.kindLabel,
      subtype: c.subtype,
      subtypeLabel: c.subtypeLabel,
      industries: c.industries,
      level: c.level,
      levelLabel: c.levelLabel,
      accreditationStatus: c.accreditationStatus,
      accreditationLabel: c.accreditationLabel,
      accreditationYear: c.accreditationYear,
      address: c.address,
      longitude: c.longitude,
      latitude: c.latitude,
      ownerOrgName: c.ownerOrgName,
      jurisdictionName: c.jurisdictionName,
      confidentiality: c.confidentiality,
      confidentialityLabel: c.confidentialityLabel,
      updatedAt: c.updatedAt,
      capabilityCategories: [...new Set(c.capabilities.map((x) => x.categoryLabel))],
      nameMarked: markText(c.name, words),
      snippet: snippetOf(
        [
          row.introduction,
          ...row.capabilities.map((x) => `${x.name}${x.description ? `：${x.description}` : ''}`),
        ].join(' '),
        words,
        120,
      ),
    }
  })
  return { items, total, facets: await labelFacets(facets), understood }
}
