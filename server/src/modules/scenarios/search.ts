import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { visibleCondition, visibleFilter } from '../../platform/registry/confidentiality'
import { markText, snippetOf } from '../../platform/registry/highlight'
import type { Filter } from '../../platform/search'
import { industryNames } from '../industries/service'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { catchUp, searchRecords } from '../search/service'
import type { ScenarioListItem, ScenarioQuery } from './contracts'
import { offerLabels, publisherKindLabels, scenarioStatusLabels } from './labels'
import { scenarios } from './schema'
import { lookupsFor, viewerFor } from './service'
import { dayNumber, RECORD_TYPE, toScenario } from './view'

const FACETS = ['industry', 'status', 'offer', 'publisherKind', 'jurisdiction'] as const
type FacetName = (typeof FACETS)[number]
/** The flow's status is `state` in the index (`status` there is the registry lifecycle). */
const indexAttribute = (facet: FacetName) => (facet === 'status' ? 'state' : facet)
type Counts = Record<FacetName, { value: string; count: number }[]>
type Criteria = { visible: SQL; filter: Filter[]; sql: SQL[] }

/** A jsonb array column holding any of the values (bound as parameters). */
function containsAny(column: typeof scenarios.industryCodes | typeof scenarios.offers, values: readonly string[]) {
  return sql`exists (select 1 from jsonb_array_elements_text(${column}) as v(code) where ${inArray(sql`v.code`, [...values])})`
}

/** The same criteria twice: as an index filter (with words) and as SQL (without), so both lists agree. */
async function criteriaOf(actor: Actor, query: ScenarioQuery): Promise<Criteria> {
  const viewer = await viewerFor(actor)
  const visible = visibleCondition(viewer, RECORD_TYPE, scenarios)
  const filter: Filter[] = [{ attribute: 'status', in: [query.lifecycle] }]
  const conditions: SQL[] = [
    visible,
    query.lifecycle === 'active' ? isNull(scenarios.archivedAt) : isNotNull(scenarios.archivedAt),
  ]
  const visibility = visibleFilter(viewer)
  if (visibility) filter.push(visibility)
  if (query.owner === 'mine' && actor.kind === 'user') {
    filter.push({ attribute: 'ownerOrg', in: [actor.orgId] })
    conditions.push(eq(scenarios.ownerOrgId, actor.orgId))
  }
  if (query.industry?.length) {
    filter.push({ attribute: 'industry', in: query.industry })
    conditions.push(containsAny(scenarios.industryCodes, query.industry))
  }
  if (query.jurisdiction) {
    const codes = await descendantsOf(query.jurisdiction)
    filter.push({ attribute: 'jurisdiction', in: codes })
    conditions.push(inArray(scenarios.jurisdictionCode, codes))
  }
  if (query.status?.length) {
    filter.push({ attribute: 'state', in: query.status })
    conditions.push(inArray(scenarios.status, query.status))
  }
  if (query.offer?.length) {
    filter.push({ attribute: 'offer', in: query.offer })
    conditions.push(containsAny(scenarios.offers, query.offer))
  }
  if (query.publisherKind?.length) {
    filter.push({ attribute: 'publisherKind', in: query.publisherKind })
    conditions.push(inArray(scenarios.publisherKind, query.publisherKind))
  }
  if (query.deadlineFrom) {
    filter.push({ attribute: 'deadline', gte: dayNumber(query.deadlineFrom) })
    conditions.push(gte(scenarios.deadline, query.deadlineFrom))
  }
  if (query.deadlineTo) {
    filter.push({ attribute: 'deadline', lte: dayNumber(query.deadlineTo) })
    conditions.push(lte(scenarios.deadline, query.deadlineTo))
  }
  if (query.updatedFrom) {
    filter.push({ attribute: 'updated', gte: dayNumber(query.updatedFrom) })
    conditions.push(gte(scenarios.updatedAt, new Date(`${query.updatedFrom}T00:00:00+08:00`)))
  }
  if (query.updatedTo) {
    filter.push({ attribute: 'updated', lte: dayNumber(query.updatedTo) })
    conditions.push(lte(scenarios.updatedAt, new Date(`${query.updatedTo}T23:59:59.999+08:00`)))
  }
  return { visible, filter, sql: conditions }
}

async function labelFacets(raw: Counts) {
  const industries = await industryNames(raw.industry.map((f) => f.value))
  const areas = await jurisdictionNames(raw.jurisdiction.map((f) => f.value))
  const labels: Record<FacetName, (v: string) => string | undefined> = {
    industry: (v) => industries.get(v),
    status: (v) => scenarioStatusLabels[v as keyof typeof scenarioStatusLabels],
    offer: (v) => offerLabels[v as keyof typeof offerLabels],
    publisherKind: (v) => publisherKindLabels[v as keyof typeof publisherKindLabels],
    jurisdiction: (v) => areas.get(v),
  }
  return Object.fromEntries(
    FACETS.map((name) => [name, raw[name].map((f) => ({ ...f, label: labels[name](f.value) ?? f.value }))]),
  )
}

async function sqlFacets(where: SQL): Promise<Counts> {
  const simple = async (
    column: typeof scenarios.status | typeof scenarios.publisherKind | typeof scenarios.jurisdictionCode,
  ) =>
    (
      await db
        .select({ value: column, count: count() })
        .from(scenarios)
        .where(where)
        .groupBy(column)
        .orderBy(desc(count()))
    ).map((r) => ({ value: String(r.value), count: Number(r.count) }))
  const elements = async (column: typeof scenarios.industryCodes | typeof scenarios.offers) =>
    (
      await db
        .select({ value: sql<string>`code`, count: count() })
        .from(sql`${scenarios}, jsonb_array_elements_text(${column}) as code`)
        .where(where)
        .groupBy(sql`code`)
        .orderBy(desc(count()))
    ).map((r) => ({ value: r.value, count: Number(r.count) }))
  return {
    industry: await elements(scenarios.industryCodes),
    status: await simple(scenarios.status),
    offer: await elements(scenarios.offers),
    publisherKind: await simple(scenarios.publisherKind),
    jurisdiction: await simple(scenarios.jurisdictionCode),
  }
}

/**
 * 场景清单 list. With words: the index (BM25F + filters + facets over the whole matching set). Without: the
 * database, newest first. Both apply the same visibility rule, so counts and rows agree.
 */
export async function searchScenarios(actor: Actor, query: ScenarioQuery) {
  requirePermission(actor, 'scenario.read')
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
    const [row] = await db.select({ n: count() }).from(scenarios).where(where)
    total = Number(row?.n ?? 0)
    const order =
      query.sort === 'deadline'
        ? [asc(scenarios.deadline), desc(scenarios.updatedAt), asc(scenarios.id)]
        : [desc(scenarios.updatedAt), asc(scenarios.id)]
    ids = (
      await db
        .select({ id: scenarios.id })
        .from(scenarios)
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
        .from(scenarios)
        .where(and(inArray(scenarios.id, ids), criteria.visible))
    : []
  const byId = new Map(rows.map((r) => [r.id, r]))
  const lookups = await lookupsFor(actor, rows)
  const items: ScenarioListItem[] = ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((row) => {
      const s = toScenario(row, actor, lookups)
      const words = highlights.get(row.id) ?? []
      return {
        id: s.id,
        title: s.title,
        keywords: s.keywords,
        industries: s.industries,
        publisherKindLabel: s.publisherKindLabel,
        address: s.address,
        offerLabels: s.offerLabels,
        deadline: s.deadline,
        isPastDeadline: s.isPastDeadline,
        status: s.status,
        statusLabel: s.statusLabel,
        ownerOrgName: s.ownerOrgName,
        jurisdictionName: s.jurisdictionName,
        confidentiality: s.confidentiality,
        confidentialityLabel: s.confidentialityLabel,
        sourceLabel: s.sourceLabel,
        updatedAt: s.updatedAt,
        titleMarked: markText(s.title, words),
        snippet: snippetOf(row.description, words, 120),
      }
    })
  return { items, total, facets: await labelFacets(facets), understood }
}
