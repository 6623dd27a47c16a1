import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type ReactNode, useMemo } from 'react'
import { FacetGroup, type Facets } from './facet-filter'
import { FilterBlock } from './filter-controls'
import { useIndustryFacetLabels } from './industry-facet'
import { useIndustrySystems, withDescendants } from './industry-systems'
import { IndustryTreeSelect } from './industry-tree-select'
import { useListState } from './list-state'

/** A registry search answer: one page of rows, the total, facet counts and how the search read the words. */
export type SearchPage<T> = {
  items: T[]
  total: number
  facets: Facets
  understood?: { word: string; via: string }[]
}

type Query = Record<string, string | number | undefined>

/** A tick list of the filter panel: a facet of the search, sent as the query parameter `key`. */
export type FilterGroup = {
  key: string
  title: string
  /** The full list of values (otherwise the facet's own values are offered). */
  options?: readonly { value: string; label: string }[]
  /** The API takes one value only: ticking one replaces the other. */
  single?: boolean
  /** Ticked values → the parameter's value (CMA 有/无 → true/false); default: comma-separated. */
  toQuery?: (values: string[]) => string | undefined
  /** Shown only when this holds (e.g. 细分类型 once a kind is picked). */
  visible?: (picked: Record<string, string[]>) => boolean
}

const sortOptions = [
  { value: 'relevance', label: '按相关度' },
  { value: 'updated', label: '最近更新' },
  { value: 'name', label: '按名称拼音' },
]

/**
 * The state and data of a registry list, for `SearchLayout`: search, sort, tabs (全部 / 我的 / 已归档), tick-list
 * filters with facet counts and, when `industryArea` is given, the industry tree (a node finds its children too).
 * Everything lives in the address, so back from a record keeps the list.
 */
export function useRegistrySearch<T>({
  name,
  fetch,
  filters,
  mineLabel,
  allLabel,
  canSeeArchived,
  industryArea,
}: {
  /** Query key, e.g. `enterprises`. */
  name: string
  fetch: (query: Query) => Promise<SearchPage<T>>
  filters: FilterGroup[]
  /** Offer the 我的 tab (records of the caller's organization) under this label. */
  mineLabel?: string
  allLabel: string
  canSeeArchived?: boolean
  /** Area whose industry systems the 产业分类 filter offers; no industry filter when undefined. */
  industryArea?: string
}) {
  const state = useListState()
  const tab = state.get('tab') ?? 'all'
  const systems = useIndustrySystems(industryArea ?? null)
  const industry = state.getList('industry')
  const picked: Record<string, string[]> = Object.fromEntries(filters.map((f) => [f.key, state.getList(f.key)]))
  const shown = filters.filter((f) => f.visible?.(picked) ?? true)
  const q = state.get('q')

  const query = useMemo<Query>(() => {
    const out: Query = {
      q,
      sort: state.get('sort') ?? (q ? 'relevance' : 'updated'),
      page: state.page,
      pageSize: state.pageSize,
    }
    for (const f of shown) {
      const values = state.getList(f.key)
      if (values.length) out[f.key] = f.toQuery ? f.toQuery(values) : values.join(',')
    }
    if (industryArea !== undefined && industry.length) {
      const expanded = withDescendants(systems.data?.items ?? [], industry).join(',')
      out.industry = expanded.length <= 400 ? expanded : industry.join(',')
    }
    if (tab === 'mine') out.owner = 'mine'
    if (tab === 'archived') out.status = 'archived'
    return out
  }, [state, shown, q, tab, industry, industryArea, systems.data])

  const result = useQuery({
    queryKey: [name, 'search', query],
    queryFn: () => fetch(query),
    placeholderData: keepPreviousData,
  })
  const facets = result.data?.facets ?? {}
  const industryCounts = useMemo(
    () => new Map((facets.industry ?? []).map((f) => [f.value, f.count])),
    [facets.industry],
  )
  const industryFacet = useIndustryFacetLabels(facets.industry)
  const filterKeys = [...filters.map((f) => f.key), ...(industryArea !== undefined ? ['industry'] : [])]
  const activeFilters = filterKeys.filter((key) => state.get(key)).length
  const { page: _page, pageSize: _size, ...exportQuery } = query

  const panel: ReactNode = (
    <>
      {industryArea !== undefined ? (
        <>
          <FilterBlock title="产业分类" name="industry">
            <IndustryTreeSelect
              jurisdiction={industryArea}
              counts={industryCounts}
              value={industry}
              onChange={(codes) => state.set({ industry: codes })}
              placeholder="本地区产业体系"
            />
          </FilterBlock>
          <FacetGroup
            title="结果中的产业"
            name="industry-facet"
            facet={industryFacet}
            value={industry}
            onChange={(codes) => state.set({ industry: codes })}
            limit={6}
          />
        </>
      ) : null}
      {shown.map((f) => (
        <FacetGroup
          key={f.key}
          name={f.key}
          title={f.title}
          options={f.options}
          facet={facets[f.key]}
          value={picked[f.key] ?? []}
          onChange={(next) => state.set({ [f.key]: f.single ? next.slice(-1) : next })}
          limit={6}
        />
      ))}
    </>
  )

  const tabs = [
    { key: 'all', label: allLabel },
    ...(mineLabel ? [{ key: 'mine', label: mineLabel }] : []),
    ...(canSeeArchived ? [{ key: 'archived', label: '已归档' }] : []),
  ]

  return {
    result,
    exportQuery,
    /** Spread into `SearchLayout`, adding renderItem, rowKey, unit, placeholder and emptyText. */
    layout: {
      tabs,
      tab,
      onTab: (key: string) => state.set({ tab: key === 'all' ? undefined : key }),
      query: q ?? '',
      onSearch: (text: string) => state.set({ q: text || undefined, sort: undefined }),
      sort: query.sort as string,
      sortOptions,
      onSort: (sort: string) => state.set({ sort }),
      filters: panel,
      activeFilters,
      onClearFilters: () => state.set(Object.fromEntries(filterKeys.map((key) => [key, undefined]))),
      understood: result.data?.understood,
      items: result.data?.items ?? [],
      total: result.data?.total ?? 0,
      loading: result.isFetching,
      page: state.page,
      pageSize: state.pageSize,
      onPage: (page: number, pageSize: number) => state.set({ page, pageSize }),
    },
  }
}
