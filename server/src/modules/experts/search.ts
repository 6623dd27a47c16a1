import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { visibleCondition, visibleFilter } from '../../platform/registry/confidentiality'
import { disciplines as disciplineList } from '../../platform/registry/disciplines'
import { markText, snippetOf } from '../../platform/registry/highlight'
import type { Filter } from '../../platform/search'
import { industryNames } from '../industries/service'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { catchUp, searchRecords } from '../search/service'
import type { ExpertQuery } from './contracts'
import { availabilityLabels, dayNumber, thinkTankLabels, today } from './labels'
import { type ExpertAvailability, expertAvailabilities, type ThinkTank, experts as t } from './schema'
import { lookupsFor, selfCondition, viewerFor } from './service'
import { RECORD_TYPE, toExpert } from './view'

const FACETS = ['thinkTank', 'category', 'industry', 'availability', 'jurisdiction'] as const
type FacetName = (typeof FACETS)[number]
type RawFacets = Record<FacetName, { value: string; count: number }[]>
const INDEX_FACETS = ['thinkTank', 'category', 'industry', 'jurisdiction'] as const
const NAME_SORT_LIMIT = 5000

/** Busy until a past date counts as available (the same rule as `effectiveAvailability`). */
const effective = (on: string) =>
  sql<string>`case when ${t.availability} = 'busy' and (${t.busyUntil} is null or ${t.busyUntil} < ${on}) then 'available' else ${t.availability} end`

function availabilityFilter(value: ExpertAvailability, on: number): Filter {
  const busy: Filter = { attribute: 'availability', in: ['busy'] }
  if (value === 'unavailable') return { attribute: 'availability', in: ['unavailable'] }
  if (value === 'busy') return { and: [busy, { attribute: 'busyUntil', gte: on }] }
  return {
    or: [
      { attribute: 'availability', in: ['available'] },
      { and: [busy, { or: [{ attribute: 'busyUntil', lt: on }, { not: { attribute: 'busyUntil', exists: true } }] }] },
    ],
  }
}

const jsonbHasAny = (column: SQL | typeof t.industryCodes, values: readonly string[]) =>
  sql`exists (select 1 from jsonb_array_elements_text(${column}) as v(x) where ${inArray(sql`v.x`, [...values])})`

async function criteriaOf(actor: Actor, query: ExpertQuery) {
  const viewer = await viewerFor(actor)
  const on = today()
  const filter: Filter[] = [{ attribute: 'status', in: [query.status] }]
  const conditions: SQL[] = [
    or(visibleCondition(viewer, RECORD_TYPE, t), selfCondition(actor))!,
    query.status === 'active' ? isNull(t.archivedAt) : isNotNull(t.archivedAt),
  ]
  const visibility = visibleFilter(viewer)
  if (visibility) filter.push(visibility)
  if (query.owner === 'mine' && actor.kind === 'user') {
    filter.push({ attribute: 'ownerOrg', in: [actor.orgId] })
    conditions.push(eq(t.ownerOrgId, actor.orgId))
  }
  if (query.thinkTank?.length) {
    filter.push({ attribute: 'thinkTank', in: query.thinkTank })
    conditions.push(jsonbHasAny(sql`${t.thinkTanks}`, query.thinkTank))
  }
  if (query.category) {
    const names = disciplineList.filter((d) => d.category === query.category).map((d) => d.name)
    filter.push({ attribute: 'category', in: [query.category] })
    conditions.push(names.length ? jsonbHasAny(sql`${t.disciplines}`, names) : sql`false`)
  }
  if (query.discipline) {
    filter.push({ attribute: 'discipline', in: [query.discipline] })
    conditions.push(jsonbHasAny(sql`${t.disciplines}`, [query.discipline]))
  }
  if (query.industry?.length) {
    filter.push({ attribute: 'industry', in: query.industry })
    conditions.push(jsonbHasAny(t.industryCodes, query.industry))
  }
  if (query.jurisdiction) {
    const codes = await descendantsOf(query.jurisdiction)
    filter.push({ attribute: 'jurisdiction', in: codes })
    conditions.push(inArray(t.jurisdictionCode, codes))
  }
  if (query.availability) {
    filter.push(availabilityFilter(query.availability, dayNumber(on)))
    conditions.push(eq(effective(on), query.availability))
  }
  return { filter, sql: conditions, on }
}

const disciplineCategory = sql.join(
  disciplineList.map((d) => sql`(${d.name}, ${d.category})`),
  sql`, `,
)

async function sqlFacets(where: SQL, on: string): Promise<RawFacets> {
  const expand = async (column: typeof t.thinkTanks | typeof t.industryCodes) =>
    (
      await db
        .select({ value: sql<string>`x`, count: count() })
        .from(sql`${t}, jsonb_array_elements_text(${column}) as e(x)`)
        .where(where)
        .groupBy(sql`x`)
        .orderBy(desc(count()))
    ).map((r) => ({ value: r.value, count: Number(r.count) }))
  const category = await db
    .select({ value: sql<string>`m.c`, count: sql<number>`count(distinct ${t.id})` })
    .from(
      sql`${t}, jsonb_array_elements_text(${t.disciplines}) as e(x) join (values ${disciplineCategory}) as m(d, c) on m.d = e.x`,
    )
    .where(where)
    .groupBy(sql`m.c`)
  const availability = await db
    .select({ value: effective(on), count: count() })
    .from(t)
    .where(where)
    .groupBy(sql`1`)
  const jurisdiction = await db
    .select({ value: t.jurisdictionCode, count: count() })
    .from(t)
    .where(where)
    .groupBy(t.jurisdictionCode)
  const sorted = (rows: { value: string; count: number }[]) =>
    rows
      .map((r) => ({ value: String(r.value), count: Number(r.count) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  return {
    thinkTank: await expand(t.thinkTanks),
    category: sorted(category),
    industry: await expand(t.industryCodes),
    availability: sorted(availability),
    jurisdiction: sorted(jurisdiction),
  }
}

async function labelFacets(raw: RawFacets) {
  const industries = await industryNames(raw.industry.map((f) => f.value))
  const areas = await jurisdictionNames(raw.jurisdiction.map((f) => f.value))
  const label = (name: FacetName, value: string): string => {
    if (name === 'thinkTank') return thinkTankLabels[value as ThinkTank] ?? value
    if (name === 'availability') return availabilityLabels[value as ExpertAvailability] ?? value
    if (name === 'industry') return industries.get(value) ?? value
    if (name === 'jurisdiction') return areas.get(value) ?? value
    return value
  }
  return Object.fromEntries(FACETS.map((name) => [name, raw[name].map((f) => ({ ...f, label: label(name, f.value) }))]))
}

const order = (sort: ExpertQuery['sort']) =>
  sort === 'name' ? [asc(sql`${t.sortName} collate "C"`), asc(t.id)] : [desc(t.updatedAt), asc(t.id)]

/**
 * The 专家库 list for signed-in business roles. With words: the index; without: the database; the same
 * visibility rule either way. A list never carries contact details, relationships or ties — whoever asks.
 */
export async function searchExperts(actor: Actor, query: ExpertQuery) {
  requirePermission(actor, 'expert.read')
  const criteria = await criteriaOf(actor, query)
  const offset = (query.page - 1) * query.pageSize
  let ids: string[]
  let total: number
  let facets: RawFacets
  let highlights = new Map<string, readonly string[]>()
  let understood: { word: string; via: string }[] = []
  if (query.q) {
    // Writes that did not pass through this process's services (a bulk import) reach the index here.
    await catchUp()
    const byName = query.sort === 'name'
    const response = searchRecords(RECORD_TYPE, {
      // Keyword search ranks by the text; the re-ranker learned from match feedback is for 匹配推荐 only.
      rerank: false,
      text: query.q,
      filter: { and: criteria.filter },
      facets: [...INDEX_FACETS],
      facetLimit: 50,
      count: true,
      offset: byName ? 0 : offset,
      limit: byName ? NAME_SORT_LIMIT : query.pageSize,
      sort: query.sort === 'updated' ? { attribute: 'updated', order: 'desc' } : 'relevance',
    })
    ids = response.hits.map((h) => h.id)
    highlights = new Map(response.hits.map((h) => [h.id, h.highlight]))
    total = response.total ?? ids.length
    const on = dayNumber(criteria.on)
    const availability = expertAvailabilities
      .map((value) => ({
        value,
        count:
          searchRecords(RECORD_TYPE, {
            text: query.q,
            filter: { and: [...criteria.filter, availabilityFilter(value, on)] },
            count: true,
            limit: 1,
            rerank: false,
          }).total ?? 0,
      }))
      .filter((f) => f.count > 0)
      .sort((a, b) => b.count - a.count)
    facets = {
      ...(Object.fromEntries(INDEX_FACETS.map((f) => [f, [...(response.facets?.[f] ?? [])]])) as Omit<
        RawFacets,
        'availability'
      >),
      availability,
    }
    understood = response.query.map((w) => ({ word: w.word, via: w.via }))
    if (byName && ids.length)
      ids = (
        await db
          .select({ id: t.id })
          .from(t)
          .where(and(inArray(t.id, ids), criteria.sql[0]))
          .orderBy(...order('name'))
          .limit(query.pageSize)
          .offset(offset)
      ).map((r) => r.id)
  } else {
    const where = and(...criteria.sql)!
    const [row] = await db.select({ n: count() }).from(t).where(where)
    total = Number(row?.n ?? 0)
    ids = (
      await db
        .select({ id: t.id })
        .from(t)
        .where(where)
        .orderBy(...order(query.sort))
        .limit(query.pageSize)
        .offset(offset)
    ).map((r) => r.id)
    facets = await sqlFacets(where, criteria.on)
  }
  // Rows are read back through the visibility condition as well: the index never decides alone.
  const rows = ids.length
    ? await db
        .select()
        .from(t)
        .where(and(inArray(t.id, ids), criteria.sql[0]))
    : []
  const byId = new Map(rows.map((r) => [r.id, r]))
  const lookups = await lookupsFor(actor, rows)
  const items = ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((row) => {
      const e = toExpert(row, actor, lookups)
      const words = highlights.get(row.id) ?? []
      const about = [...e.keywords, ...e.disciplines, ...e.affiliations.map((a) => a.organizationName)].join('、')
      return {
        id: e.id,
        name: e.name,
        title: e.title,
        organizationName: e.currentOrganization?.name ?? null,
        disciplines: e.disciplines,
        industries: e.industries,
        keywords: e.keywords,
        thinkTankLabels: e.thinkTankLabels,
        availability: e.availability,
        availabilityLabel: e.availabilityLabel,
        ownerOrgName: e.ownerOrgName,
        jurisdictionName: e.jurisdictionName,
        confidentiality: e.confidentiality,
        confidentialityLabel: e.confidentialityLabel,
        updatedAt: e.updatedAt,
        nameMarked: markText(e.name, words),
        snippet: snippetOf(about, words, 120),
      }
    })
  return { items, total, facets: await labelFacets(facets), understood }
}
