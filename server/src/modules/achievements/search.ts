import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { visibleCondition, visibleFilter } from '../../platform/registry/confidentiality'
import { markText, snippetOf } from '../../platform/registry/highlight'
import type { Filter } from '../../platform/search'
import { industryNames } from '../industries/service'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { searchRecords } from '../search/service'
import type { AchievementQuery } from './contracts'
import { maturityLabels } from './labels'
import { achievements } from './schema'
import { lookupsFor, viewerFor } from './service'
import { RECORD_TYPE, toAchievement } from './view'

const FACETS = ['industry', 'maturity', 'category', 'trl', 'jurisdiction'] as const
type FacetName = (typeof FACETS)[number]

type Criteria = { filter: Filter[]; sql: SQL[] }

/** A jsonb array column holding any of the values (bound as parameters). */
function containsAny(
  column: typeof achievements.industryCodes | typeof achievements.transferModes,
  values: readonly string[],
): SQL {
  return sql`exists (select 1 from jsonb_array_elements_text(${column}) as v(code) where ${inArray(sql`v.code`, [...values])})`
}

async function criteriaOf(actor: Actor, query: AchievementQuery): Promise<Criteria> {
  const viewer = await viewerFor(actor)
  const filter: Filter[] = [{ attribute: 'status', in: [query.status] }]
  const conditions: SQL[] = [
    visibleCondition(viewer, RECORD_TYPE, achievements),
    query.status === 'active' ? isNull(achievements.archivedAt) : isNotNull(achievements.archivedAt),
  ]
  const visibility = visibleFilter(viewer)
  if (visibility) filter.push(visibility)
  if (query.owner === 'mine' && actor.kind === 'user') {
    filter.push({ attribute: 'ownerOrg', in: [actor.orgId] })
    conditions.push(eq(achievements.ownerOrgId, actor.orgId))
  }
  if (query.industry?.length) {
    filter.push({ attribute: 'industry', in: query.industry })
    conditions.push(containsAny(achievements.industryCodes, query.industry))
  }
  if (query.jurisdiction) {
    const codes = await descendantsOf(query.jurisdiction)
    filter.push({ attribute: 'jurisdiction', in: codes })
    conditions.push(inArray(achievements.jurisdictionCode, codes))
  }
  if (query.category) {
    filter.push({ attribute: 'category', in: [query.category] })
    conditions.push(eq(achievements.category, query.category))
  }
  if (query.discipline) {
    filter.push({ attribute: 'discipline', in: [query.discipline] })
    conditions.push(eq(achievements.discipline, query.discipline))
  }
  if (query.maturity?.length) {
    filter.push({ attribute: 'maturity', in: query.maturity })
    conditions.push(inArray(achievements.maturity, query.maturity))
  }
  if (query.transferMode?.length) {
    filter.push({ attribute: 'transferMode', in: query.transferMode })
    conditions.push(containsAny(achievements.transferModes, query.transferMode))
  }
  if (query.trlMin !== undefined || query.trlMax !== undefined) {
    filter.push({ attribute: 'trl', gte: query.trlMin ?? 1, lte: query.trlMax ?? 9 })
    conditions.push(and(gte(achievements.trl, query.trlMin ?? 1), lte(achievements.trl, query.trlMax ?? 9))!)
  }
  if (query.updatedFrom) {
    filter.push({
      attribute: 'updated',
      gte: Math.floor(Date.parse(`${query.updatedFrom}T00:00:00+08:00`) / 86_400_000),
    })
    conditions.push(gte(achievements.updatedAt, new Date(`${query.updatedFrom}T00:00:00+08:00`)))
  }
  if (query.updatedTo) {
    filter.push({ attribute: 'updated', lte: Math.floor(Date.parse(`${query.updatedTo}T23:59:59+08:00`) / 86_400_000) })
    conditions.push(lte(achievements.updatedAt, new Date(`${query.updatedTo}T23:59:59.999+08:00`)))
  }
  return { filter, sql: conditions }
}

async function labelFacets(raw: Record<FacetName, { value: string; count: number }[]>) {
  const industries = await industryNames(raw.industry.map((f) => f.value))
  const areas = await jurisdictionNames(raw.jurisdiction.map((f) => f.value))
  const label = (name: FacetName, value: string) =>
    name === 'industry'
      ? (industries.get(value) ?? value)
      : name === 'maturity'
        ? (maturityLabels[value as keyof typeof maturityLabels] ?? value)
        : name === 'jurisdiction'
          ? (areas.get(value) ?? value)
          : name === 'trl'
            ? `TRL ${value}`
            : value
  return Object.fromEntries(FACETS.map((name) => [name, raw[name].map((f) => ({ ...f, label: label(name, f.value) }))]))
}

async function sqlFacets(where: SQL): Promise<Record<FacetName, { value: string; count: number }[]>> {
  const simple = async (
    column:
      | typeof achievements.maturity
      | typeof achievements.category
      | typeof achievements.jurisdictionCode
      | typeof achievements.trl,
  ) =>
    (
      await db
        .select({ value: column, count: count() })
        .from(achievements)
        .where(and(where, sql`${column} is not null`))
        .groupBy(column)
        .orderBy(desc(count()))
    ).map((r) => ({
      value: String(r.value),
      count: Number(r.count),
    }))
  const industryRows = await db
    .select({ value: sql<string>`code`, count: count() })
    .from(sql`${achievements}, jsonb_array_elements_text(${achievements.industryCodes}) as code`)
    .where(where)
    .groupBy(sql`code`)
    .orderBy(desc(count()))
  return {
    industry: industryRows.map((r) => ({ value: r.value, count: Number(r.count) })),
    maturity: await simple(achievements.maturity),
    category: await simple(achievements.category),
    trl: (await simple(achievements.trl)).sort((a, b) => Number(a.value) - Number(b.value)),
    jurisdiction: await simple(achievements.jurisdictionCode),
  }
}

/**
 * The registry list. With words: the index (BM25F + filters + facets over the whole matching set). Without:
 * the database, newest first. Both apply the same visibility rule, so counts and rows agree.
 */
export async function searchAchievements(actor: Actor, query: AchievementQuery) {
  requirePermission(actor, 'achievement.read')
  const criteria = await criteriaOf(actor, query)
  const offset = (query.page - 1) * query.pageSize
  let ids: string[]
  let total: number
  let facets: Record<FacetName, { value: string; count: number }[]>
  let highlights = new Map<string, readonly string[]>()
  let understood: { word: string; via: string }[] = []
  if (query.q) {
    const response = searchRecords(RECORD_TYPE, {
      // Keyword search ranks by the text; the re-ranker learned from match feedback is for 匹配推荐 only.
      rerank: false,
      text: query.q,
      filter: { and: criteria.filter },
      facets: [...FACETS],
      facetLimit: 50,
      count: true,
      offset,
      limit: query.pageSize,
      sort:
        query.sort === 'relevance'
          ? 'relevance'
          : { attribute: query.sort === 'trl' ? 'trl' : 'updated', order: 'desc' },
    })
    ids = response.hits.map((h) => h.id)
    highlights = new Map(response.hits.map((h) => [h.id, h.highlight]))
    total = response.total ?? ids.length
    facets = Object.fromEntries(FACETS.map((f) => [f, [...(response.facets?.[f] ?? [])]])) as typeof facets
    understood = response.query.map((w) => ({ word: w.word, via: w.via }))
  } else {
    const where = and(...criteria.sql)!
    const [row] = await db.select({ n: count() }).from(achievements).where(where)
    total = Number(row?.n ?? 0)
    const order =
      query.sort === 'trl'
        ? [desc(achievements.trl), desc(achievements.updatedAt)]
        : [desc(achievements.updatedAt), asc(achievements.id)]
    ids = (
      await db
        .select({ id: achievements.id })
        .from(achievements)
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
        .from(achievements)
        .where(and(inArray(achievements.id, ids), ...criteria.sql.slice(0, 1)))
    : []
  const byId = new Map(rows.map((r) => [r.id, r]))
  const lookups = await lookupsFor(actor, rows)
  const items = ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((row) => {
      const a = toAchievement(row, actor, lookups)
      const words = highlights.get(row.id) ?? []
      return {
        id: a.id,
        title: a.title,
        keywords: a.keywords,
        category: a.category,
        discipline: a.discipline,
        industries: a.industries,
        trl: a.trl,
        maturity: a.maturity,
        maturityLabel: a.maturityLabel,
        transferModeLabels: a.transferModeLabels,
        ownerOrgName: a.ownerOrgName,
        jurisdictionName: a.jurisdictionName,
        confidentiality: a.confidentiality,
        confidentialityLabel: a.confidentialityLabel,
        sourceLabel: a.sourceLabel,
        updatedAt: a.updatedAt,
        titleMarked: markText(a.title, words),
        snippet: snippetOf(row.summary, words, 120),
      }
    })
  return { items, total, facets: await labelFacets(facets), understood }
}
