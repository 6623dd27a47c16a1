import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { visibleCondition, visibleFilter } from '../../platform/registry/confidentiality'
import { markText, snippetOf } from '../../platform/registry/highlight'
import type { Filter } from '../../platform/search'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { searchRecords } from '../search/service'
import type { InstrumentQuery } from './contracts'
import { availabilityLabels, flagLabels, instrumentCategoryLabels } from './labels'
import { instruments } from './schema'
import { lookupsFor, viewerFor } from './service'
import { RECORD_TYPE, type Row, toInstrument } from './view'

const FACETS = ['category', 'cma', 'cnas', 'availability', 'jurisdiction'] as const
type FacetName = (typeof FACETS)[number]
type RawFacets = Record<FacetName, { value: string; count: number }[]>

type Criteria = { filter: Filter[]; sql: SQL[]; visible: SQL }

const dayOf = (date: string, time: string) => new Date(`${date}T${time}+08:00`)

async function criteriaOf(actor: Actor, query: InstrumentQuery): Promise<Criteria> {
  const viewer = await viewerFor(actor)
  const visible = visibleCondition(viewer, RECORD_TYPE, instruments)
  const filter: Filter[] = [{ attribute: 'status', in: [query.status] }]
  const conditions: SQL[] = [
    visible,
    query.status === 'active' ? isNull(instruments.archivedAt) : isNotNull(instruments.archivedAt),
  ]
  const visibility = visibleFilter(viewer)
  if (visibility) filter.push(visibility)
  if (query.owner === 'mine' && actor.kind === 'user') {
    filter.push({ attribute: 'ownerOrg', in: [actor.orgId] })
    conditions.push(eq(instruments.ownerOrgId, actor.orgId))
  }
  if (query.carrier) {
    filter.push({ attribute: 'carrier', in: [query.carrier] })
    conditions.push(eq(instruments.carrierId, query.carrier))
  }
  if (query.category?.length) {
    filter.push({ attribute: 'category', in: query.category })
    conditions.push(inArray(instruments.category, query.category))
  }
  if (query.cma !== undefined) {
    filter.push({ attribute: 'cma', in: [query.cma ? 'yes' : 'no'] })
    conditions.push(eq(instruments.hasCma, query.cma))
  }
  if (query.cnas !== undefined) {
    filter.push({ attribute: 'cnas', in: [query.cnas ? 'yes' : 'no'] })
    conditions.push(eq(instruments.hasCnas, query.cnas))
  }
  if (query.availability?.length) {
    filter.push({ attribute: 'availability', in: query.availability })
    conditions.push(inArray(instruments.availability, query.availability))
  }
  if (query.jurisdiction) {
    const codes = await descendantsOf(query.jurisdiction)
    filter.push({ attribute: 'jurisdiction', in: codes })
    conditions.push(inArray(instruments.jurisdictionCode, codes))
  }
  if (query.updatedFrom) {
    const from = dayOf(query.updatedFrom, '00:00:00')
    filter.push({ attribute: 'updated', gte: Math.floor(from.getTime() / 86_400_000) })
    conditions.push(gte(instruments.updatedAt, from))
  }
  if (query.updatedTo) {
    const to = dayOf(query.updatedTo, '23:59:59.999')
    filter.push({ attribute: 'updated', lte: Math.floor(to.getTime() / 86_400_000) })
    conditions.push(lte(instruments.updatedAt, to))
  }
  return { filter, sql: conditions, visible }
}

const LABELS: Partial<Record<FacetName, Record<string, string>>> = {
  category: instrumentCategoryLabels,
  cma: flagLabels,
  cnas: flagLabels,
  availability: availabilityLabels,
}

async function labelFacets(raw: RawFacets) {
  const areas = await jurisdictionNames(raw.jurisdiction.map((f) => f.value))
  const label = (name: FacetName, value: string) =>
    name === 'jurisdiction' ? (areas.get(value) ?? value) : (LABELS[name]?.[value] ?? value)
  return Object.fromEntries(FACETS.map((name) => [name, raw[name].map((f) => ({ ...f, label: label(name, f.value) }))]))
}

async function sqlFacets(where: SQL): Promise<RawFacets> {
  const grouped = async (column: SQL | AnyPgColumn) =>
    (
      await db
        .select({ value: sql<string>`${column}::text`, count: count() })
        .from(instruments)
        .where(where)
        .groupBy(column)
        .orderBy(desc(count()))
    ).map((r) => ({ value: r.value, count: Number(r.count) }))
  const flag = (column: AnyPgColumn) => sql`case when ${column} then 'yes' else 'no' end`
  return {
    category: await grouped(instruments.category),
    cma: await grouped(flag(instruments.hasCma)),
    cnas: await grouped(flag(instruments.hasCnas)),
    availability: await grouped(instruments.availability),
    jurisdiction: await grouped(instruments.jurisdictionCode),
  }
}

const NAME_SORT_LIMIT = 5000
const byName = [sql`${instruments.nameSort} collate "C"`, asc(instruments.id)]

/**
 * The matching instruments of one page, with totals and facets. With words: the index; without: the
 * database. Both apply the same visibility rule, so counts and rows agree.
 */
export async function findInstrumentRows(actor: Actor, query: InstrumentQuery) {
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
          .select({ id: instruments.id })
          .from(instruments)
          .where(and(inArray(instruments.id, ids), criteria.visible))
          .orderBy(...byName)
          .limit(query.pageSize)
          .offset(offset)
      ).map((r) => r.id)
    }
  } else {
    const where = and(...criteria.sql)!
    const [row] = await db.select({ n: count() }).from(instruments).where(where)
    total = Number(row?.n ?? 0)
    ids = (
      await db
        .select({ id: instruments.id })
        .from(instruments)
        .where(where)
        .orderBy(...(query.sort === 'name' ? byName : [desc(instruments.updatedAt), asc(instruments.id)]))
        .limit(query.pageSize)
        .offset(offset)
    ).map((r) => r.id)
    facets = await sqlFacets(where)
  }
  // Rows are read back through the visibility condition as well: the index never decides alone.
  const found = ids.length
    ? await db
        .select()
        .from(instruments)
        .where(and(inArray(instruments.id, ids), criteria.visible))
    : []
  const byId = new Map(found.map((r) => [r.id, r]))
  const rows = ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined)
  return { rows, total, facets, highlights, understood }
}

export async function searchInstruments(actor: Actor, query: InstrumentQuery) {
  requirePermission(actor, 'instrument.read')
  const { rows, total, facets, highlights, understood } = await findInstrumentRows(actor, query)
  const lookups = await lookupsFor(actor, rows)
  const items = rows.map((row) => {
    const i = toInstrument(row, actor, lookups)
    const words = highlights.get(row.id) ?? []
    return {
      id: i.id,
      name: i.name,
      carrierId: i.carrierId,
      carrierName: i.carrierName,
      category: i.category,
      categoryLabel: i.categoryLabel,
      model: i.model,
      manufacturer: i.manufacturer,
      hasCma: i.hasCma,
      hasCnas: i.hasCnas,
      priceLabel: i.priceLabel,
      availability: i.availability,
      availabilityLabel: i.availabilityLabel,
      ownerOrgName: i.ownerOrgName,
      jurisdictionName: i.jurisdictionName,
      confidentiality: i.confidentiality,
      confidentialityLabel: i.confidentialityLabel,
      updatedAt: i.updatedAt,
      nameMarked: markText(i.name, words),
      snippet: snippetOf(row.specifications, words, 120),
    }
  })
  return { items, total, facets: await labelFacets(facets), understood }
}
