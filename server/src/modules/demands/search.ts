import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { visibleCondition, visibleFilter } from '../../platform/registry/confidentiality'
import { markText, snippetOf } from '../../platform/registry/highlight'
import type { Filter } from '../../platform/search'
import { industryNames } from '../industries/service'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { catchUp, searchRecords } from '../search/service'
import type { DemandListItem, DemandQuery } from './contracts'
import { cooperationModeLabels, demandStatusLabels } from './labels'
import { demands } from './schema'
import { lookupsFor, viewerFor } from './service'
import { BUDGET_UNBOUNDED, dayNumber, RECORD_TYPE, toDemand } from './view'

const FACETS = ['industry', 'status', 'cooperationMode', 'jurisdiction'] as const
type FacetName = (typeof FACETS)[number]
/** The flow's status is `state` in the index (`status` there is the registry lifecycle). */
const indexAttribute = (facet: FacetName) => (facet === 'status' ? 'state' : facet)
type Counts = Record<FacetName, { value: string; count: number }[]>
type Criteria = { visible: SQL; filter: Filter[]; sql: SQL[] }

/** A jsonb array column holding any of the values (bound as parameters). */
function containsAny(
  column: typeof demands.industryCodes | typeof demands.cooperationModes,
  values: readonly string[],
) {
  return sql`exists (select 1 from jsonb_array_elements_text(${column}) as v(code) where ${inArray(sql`v.code`, [...values])})`
}

/** The same criteria twice: as an index filter (with words) and as SQL (without), so both lists agree. */
async function criteriaOf(actor: Actor, query: DemandQuery): Promise<Criteria> {
  const viewer = await viewerFor(actor)
  const visible = visibleCondition(viewer, RECORD_TYPE, demands)
  const filter: Filter[] = [{ attribute: 'status', in: [query.lifecycle] }]
  const conditions: SQL[] = [
    visible,
    query.lifecycle === 'active' ? isNull(demands.archivedAt) : isNotNull(demands.archivedAt),
  ]
  const visibility = visibleFilter(viewer)
  if (visibility) filter.push(visibility)
  if (query.owner === 'mine' && actor.kind === 'user') {
    filter.push({ attribute: 'ownerOrg', in: [actor.orgId] })
    conditions.push(eq(demands.ownerOrgId, actor.orgId))
  }
  if (query.industry?.length) {
    filter.push({ attribute: 'industry', in: query.industry })
    conditions.push(containsAny(demands.industryCodes, query.industry))
  }
  if (query.jurisdiction) {
    const codes = await descendantsOf(query.jurisdiction)
    filter.push({ attribute: 'jurisdiction', in: codes })
    conditions.push(inArray(demands.jurisdictionCode, codes))
  }
  if (query.status?.length) {
    filter.push({ attribute: 'state', in: query.status })
    conditions.push(inArray(demands.status, query.status))
  }
  if (query.cooperationMode?.length) {
    filter.push({ attribute: 'cooperationMode', in: query.cooperationMode })
    conditions.push(containsAny(demands.cooperationModes, query.cooperationMode))
  }
  if (query.deadlineFrom) {
    filter.push({ attribute: 'deadline', gte: dayNumber(query.deadlineFrom) })
    conditions.push(gte(demands.deadline, query.deadlineFrom))
  }
  if (query.deadlineTo) {
    filter.push({ attribute: 'deadline', lte: dayNumber(query.deadlineTo) })
    conditions.push(lte(demands.deadline, query.deadlineTo))
  }
  // A budget range overlaps the wanted one; 面议 has no amounts and is left out.
  if (query.budgetFrom !== undefined || query.budgetTo !== undefined) {
    const from = query.budgetFrom ?? 0
    const to = query.budgetTo ?? BUDGET_UNBOUNDED
    filter.push({ attribute: 'budgetMin', lte: to }, { attribute: 'budgetMax', gte: from })
    conditions.push(
      eq(demands.budgetNegotiable, false),
      sql`coalesce(${demands.budgetMinFen}, 0) <= ${to}`,
      sql`coalesce(${demands.budgetMaxFen}, ${BUDGET_UNBOUNDED}) >= ${from}`,
    )
  }
  if (query.updatedFrom) {
    filter.push({ attribute: 'updated', gte: dayNumber(query.updatedFrom) })
    conditions.push(gte(demands.updatedAt, new Date(`${query.updatedFrom}T00:00:00+08:00`)))
  }
  if (query.updatedTo) {
    filter.push({ attribute: 'updated', lte: dayNumber(query.updatedTo) })
    conditions.push(lte(demands.updatedAt, new Date(`${query.updatedTo}T23:59:59.999+08:00`)))
  }
  return { visible, filter, sql: conditions }
}

async function labelFacets(raw: Counts) {
  const industries = await industryNames(raw.industry.map((f) => f.value))
  const areas = await jurisdictionNames(raw.jurisdiction.map((f) => f.value))
  const labels: Record<FacetName, (v: string) => string | undefined> = {
    industry: (v) => industries.get(v),
    status: (v) => demandStatusLabels[v as keyof typeof demandStatusLabels],
    cooperationMode: (v) => cooperationModeLabels[v as keyof typeof cooperationModeLabels],
    jurisdiction: (v) => areas.get(v),
  }
  return Object.fromEntries(
    FACETS.map((name) => [name, raw[name].map((f) => ({ ...f, label: labels[name](f.value) ?? f.value }))]),
  )
}

async function sqlFacets(where: SQL): Promise<Counts> {
  const simple = async (column: typeof demands.status | typeof demands.jurisdictionCode) =>
    (
      await db
        .select({ value: column, count: count() })
        .from(demands)
        .where(where)
        .groupBy(column)
        .orderBy(desc(count()))
    ).map((r) => ({ value: String(r.value), count: Number(r.count) }))
  const elements = async (column: typeof demands.industryCodes | typeof demands.cooperationModes) =>
    (
      await db
        .select({ value: sql<string>`code`, count: count() })
        .from(sql`${demands}, jsonb_array_elements_text(${column}) as code`)
        .where(where)
        .groupBy(sql`code`)
        .orderBy(desc(count()))
    ).map((r) => ({ value: r.value, count: Number(r.count) }))
  return {
    industry: await elements(demands.industryCodes),
    status: await simple(demands.status),
    cooperationMode: await elements(demands.cooperationModes),
    jurisdiction: await simple(demands.jurisdictionCode),
  }
}

/**
 * 需求库 list. With words: the index (BM25F + filters + facets over the whole matching set). Without: the
 * database, newest first. Both apply the same visibility rule, so counts and rows agree.
 */
export async function searchDemands(actor: Actor, query: DemandQuery) {
  requirePermission(actor, 'demand.read')
  const criteria = await criteriaOf(actor, query)
  const offset = (query.page - 1) * query.pageSize
  let ids: string[]
  let total: number
  let facets: Counts
  let highlights = new Map<string, readonly string[]>()
  let understood: { word: string; via: string }[] = []
  if (query.q) {
    // Bulk imports commit through the shared engine without catching up, and other processes' writes arrive
    // by NOTIFY: one cheap read of the change feed makes the list show every committed write.
    await catchUp()
    const response = searchRecords(RECORD_TYPE, {
      // Keyword search ranks by the text; the re-ranker learned from match feedback is for 匹配推荐 only.
      rerank: false,
      text: query.q,
      filter: { and: criteria.filter },
      facets: FACETS.map(indexAttribute),
      facetLimit: 50,
      count: true,
      offset,
      limit: query.pageSize,
      sort:
        query.sort === 'relevance'
          ? 'relevance'
          : query.sort === 'deadline'
            ? { attribute: 'deadline', order: 'asc' }
            : { attribute: 'updated', order: 'desc' },
    })
    ids = response.hits.map((h) => h.id)
    highlights = new Map(response.hits.map((h) => [h.id, h.highlight]))
    total = response.total ?? ids.length
    facets = Object.fromEntries(FACETS.map((f) => [f, [...(response.facets?.[indexAttribute(f)] ?? [])]])) as Counts
    understood = response.query.map((w) => ({ word: w.word, via: w.via }))
  } else {
    const where = and(...criteria.sql)!
    const [row] = await db.select({ n: count() }).from(demands).where(where)
    total = Number(row?.n ?? 0)
    const order =
      query.sort === 'deadline'
        ? [asc(demands.deadline), desc(demands.updatedAt), asc(demands.id)]
        : [desc(demands.updatedAt), asc(demands.id)]
    ids = (
      await db
        .select({ id: demands.id })
        .from(demands)
        .where(where)
        .orderBy(...order)
        .limit(query.pageSize)
        .offset(offset)
    ).map((r) => r.id)
    facets = await sqlFacets(where)
  }
  // Rows are read back through the visibility condition as well: the index never decides alone.
  const rows = ids.length
    ? await db
        .select()
        .from(demands)
        .where(and(inArray(demands.id, ids), criteria.visible))
    : []
  const byId = new Map(rows.map((r) => [r.id, r]))
  const lookups = await lookupsFor(actor, rows)
  const items: DemandListItem[] = ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((row) => {
      const d = toDemand(row, actor, lookups)
      const words = highlights.get(row.id) ?? []
      return {
        id: d.id,
        title: d.title,
        keywords: d.keywords,
        industries: d.industries,
        budgetLabel: d.budgetLabel,
        deadline: d.deadline,
        isPastDeadline: d.isPastDeadline,
        cooperationModeLabels: d.cooperationModeLabels,
        status: d.status,
        statusLabel: d.statusLabel,
        ownerOrgName: d.ownerOrgName,
        jurisdictionName: d.jurisdictionName,
        confidentiality: d.confidentiality,
        confidentialityLabel: d.confidentialityLabel,
        sourceLabel: d.sourceLabel,
        updatedAt: d.updatedAt,
        titleMarked: markText(d.title, words),
        snippet: snippetOf(row.description, words, 120),
      }
    })
  return { items, total, facets: await labelFacets(facets), understood }
}
