import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { visibleCondition, visibleFilter } from '../../platform/registry/confidentiality'
import { markText, snippetOf } from '../../platform/registry/highlight'
import type { Filter } from '../../platform/search'
import { industryNames } from '../industries/service'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { catchUp, searchRecords } from '../search/service'
import type { EnterpriseQuery } from './contracts'
import { gbtName } from './gbt4754'
import { tierKeyLabel } from './labels'
import { enterpriseProfiles as t } from './schema'
import { lookupsFor, viewerFor } from './service'
import { latestRdSpending, RECORD_TYPE, toEnterprise } from './view'

const FACETS = ['tier', 'gbtSection', 'industry', 'jurisdiction'] as const
type FacetName = (typeof FACETS)[number]
type RawFacets = Record<FacetName, { value: string; count: number }[]>
/** With words and 按名称排序, the whole matching set (up to this many) is ordered by the database. */
const NAME_SORT_LIMIT = 5000

const tierElements = sql`jsonb_array_elements(${t.tiers}) as g(grant_)`
const tierKeyOf = sql`case when g.grant_->>'level' is null then g.grant_->>'tier' else g.grant_->>'tier' || ':' || (g.grant_->>'level') end`

async function criteriaOf(actor: Actor, query: EnterpriseQuery) {
  const viewer = await viewerFor(actor)
  const filter: Filter[] = [{ attribute: 'status', in: [query.status] }]
  const conditions: SQL[] = [
    visibleCondition(viewer, RECORD_TYPE, t),
    query.status === 'active' ? isNull(t.archivedAt) : isNotNull(t.archivedAt),
  ]
  const visibility = visibleFilter(viewer)
  if (visibility) filter.push(visibility)
  if (query.owner === 'mine' && actor.kind === 'user') {
    filter.push({ attribute: 'ownerOrg', in: [actor.orgId] })
    conditions.push(eq(t.ownerOrgId, actor.orgId))
  }
  if (query.tier?.length) {
    filter.push({ attribute: 'tier', in: query.tier })
    conditions.push(
      sql`exists (select 1 from ${tierElements} where ${inArray(sql`g.grant_->>'tier'`, query.tier)} or ${inArray(sql`(${tierKeyOf})`, query.tier)})`,
    )
  }
  if (query.gbtSection?.length) {
    filter.push({ attribute: 'gbtSection', in: query.gbtSection })
    conditions.push(inArray(t.gbtSection, query.gbtSection))
  }
  if (query.gbtDivision) {
    filter.push({ attribute: 'gbtDivision', in: [query.gbtDivision] })
    conditions.push(eq(t.gbtDivision, query.gbtDivision))
  }
  if (query.industry?.length) {
    filter.push({ attribute: 'industry', in: query.industry })
    conditions.push(
      sql`exists (select 1 from jsonb_array_elements_text(${t.industryCodes}) as v(code) where ${inArray(sql`v.code`, query.industry)})`,
    )
  }
  if (query.jurisdiction) {
    const codes = await descendantsOf(query.jurisdiction)
    filter.push({ attribute: 'jurisdiction', in: codes })
    conditions.push(inArray(t.jurisdictionCode, codes))
  }
  return { filter, sql: conditions }
}

async function sqlFacets(where: SQL): Promise<RawFacets> {
  const counted = (rows: { value: string | null; count: number }[]) =>
    rows.filter((r) => r.value !== null).map((r) => ({ value: String(r.value), count: Number(r.count) }))
  const tier = await db
    .select({ value: sql<string>`${tierKeyOf}`, count: sql<number>`count(distinct ${t.id})` })
    .from(sql`${t}, ${tierElements}`)
    .where(where)
    .groupBy(sql`1`)
  // The tier alone counts as well as the tier at its level (高新技术企业 and 国家级高新技术企业).
  const bare = await db
    .select({ value: sql<string>`g.grant_->>'tier'`, count: sql<number>`count(distinct ${t.id})` })
    .from(sql`${t}, ${tierElements}`)
    .where(where)
    .groupBy(sql`1`)
  const tierCounts = new Map<string, number>()
  for (const r of [...bare, ...tier]) tierCounts.set(r.value, Number(r.count))
  const industry = await db
    .select({ value: sql<string>`code`, count: count() })
    .from(sql`${t}, jsonb_array_elements_text(${t.industryCodes}) as code`)
    .where(where)
    .groupBy(sql`code`)
  const simple = (column: typeof t.gbtSection | typeof t.jurisdictionCode) =>
    db
      .select({ value: column, count: count() })
      .from(t)
      .where(and(where, isNotNull(column)))
      .groupBy(column)
  const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) =>
    b.count - a.count || a.value.localeCompare(b.value)
  return {
    tier: [...tierCounts].map(([value, n]) => ({ value, count: n })).sort(byCount),
    gbtSection: counted(await simple(t.gbtSection)).sort(byCount),
    industry: counted(industry).sort(byCount),
    jurisdiction: counted(await simple(t.jurisdictionCode)).sort(byCount),
  }
}

async function labelFacets(raw: RawFacets) {
  const industries = await industryNames(raw.industry.map((f) => f.value))
  const areas = await jurisdictionNames(raw.jurisdiction.map((f) => f.value))
  const label = (name: FacetName, value: string): string => {
    if (name === 'tier') return tierKeyLabel(value)
    if (name === 'gbtSection') return `${value} ${gbtName(value) ?? ''}`.trim()
    if (name === 'industry') return industries.get(value) ?? value
    return areas.get(value) ?? value
  }
  return Object.fromEntries(FACETS.map((name) => [name, raw[name].map((f) => ({ ...f, label: label(name, f.value) }))]))
}

const order = (sort: EnterpriseQuery['sort']) =>
  sort === 'name' ? [asc(sql`${t.sortName} collate "C"`), asc(t.id)] : [desc(t.updatedAt), asc(t.id)]

/**
 * The registry list. With words: the index (BM25F + filters + facets over the whole matching set). Without:
 * the database. Both apply the same visibility rule, so counts and rows agree; contacts never appear here.
 */
export async function searchEnterprises(actor: Actor, query: EnterpriseQuery) {
  requirePermission(actor, 'enterprise.read')
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
      facets: [...FACETS],
      facetLimit: 50,
      count: true,
      offset: byName ? 0 : offset,
      limit: byName ? NAME_SORT_LIMIT : query.pageSize,
      sort: query.sort === 'updated' ? { attribute: 'updated', order: 'desc' } : 'relevance',
    })
    ids = response.hits.map((h) => h.id)
    highlights = new Map(response.hits.map((h) => [h.id, h.highlight]))
    total = response.total ?? ids.length
    facets = Object.fromEntries(FACETS.map((f) => [f, [...(response.facets?.[f] ?? [])]])) as RawFacets
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
    facets = await sqlFacets(where)
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
      const e = toEnterprise(row, actor, lookups)
      const words = highlights.get(row.id) ?? []
      return {
        id: e.id,
        name: e.name,
        uscc: e.uscc,
        tierLabels: e.tiers.map((g) => `${g.label}（${g.year}）`),
        gbtSectionName: e.gbtSectionName,
        gbtDivisionName: e.gbtDivisionName,
        industries: e.industries,
        mainProducts: e.mainProducts,
        jurisdictionName: e.jurisdictionName,
        confidentiality: e.confidentiality,
        confidentialityLabel: e.confidentialityLabel,
        updatedAt: e.updatedAt,
        latestRdSpending: latestRdSpending(row),
        nameMarked: markText(e.name, words),
        snippet: snippetOf(row.description || e.mainProducts.join('、'), words, 120),
      }
    })
  return { items, total, facets: await labelFacets(facets), understood }
}
