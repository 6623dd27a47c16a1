import { useMemo } from 'react'
import { Page } from '../../../shared/page'
import { FacetGroup } from '../../../shared/registry/facet-filter'
import { AmountRangeFilter, DateRangeFilter, FilterBlock } from '../../../shared/registry/filter-controls'
import { useIndustryFacetLabels } from '../../../shared/registry/industry-facet'
import { useIndustrySystems, withDescendants } from '../../../shared/registry/industry-systems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { useListState } from '../../../shared/registry/list-state'
import { useRegistryActions } from '../../../shared/registry/registry-actions'
import { SearchLayout } from '../../../shared/registry/search-layout'
import { useCompact } from '../../../shared/responsive'
import { useCan, useCurrentUser } from '../../../shared/session'
import { type DemandSearch, useSearchDemands } from '../api/search-demands'
import type { DemandListItem } from '../api/types'
import { DemandResult } from '../components/demand-result'
import { cooperationModeLabels, demandStatusLabels } from '../components/labels'

const FILTERS = [
  'industry',
  'jurisdiction',
  'status',
  'cooperationMode',
  'deadlineFrom',
  'deadlineTo',
  'budgetFrom',
  'budgetTo',
  'updatedFrom',
  'updatedTo',
] as const
const sortOptions = [
  { value: 'relevance', label: '按相关度' },
  { value: 'updated', label: '最近更新' },
  { value: 'deadline', label: '按截止日期' },
]
const statusOptions = Object.entries(demandStatusLabels).map(([value, label]) => ({ value, label }))
const modeOptions = Object.entries(cooperationModeLabels).map(([value, label]) => ({ value, label }))

/** 需求库: search, filters with facet counts, 全部 / 本单位 / 已归档, import, export, 发布需求. */
export function DemandsPage() {
  const can = useCan()
  const compact = useCompact()
  const user = useCurrentUser()
  const state = useListState()
  const tab = state.get('tab') ?? 'all'
  const area = state.get('jurisdiction') ?? user.jurisdictionCode
  const systems = useIndustrySystems(area)
  const picked = state.getList('industry')

  const query = useMemo<DemandSearch>(() => {
    const q: DemandSearch = { page: state.page, pageSize: state.pageSize, sort: state.get('sort') ?? 'relevance' }
    for (const key of FILTERS) q[key] = state.get(key)
    q.q = state.get('q')
    if (picked.length) {
      const expanded = withDescendants(systems.data?.items ?? [], picked).join(',')
      q.industry = expanded.length <= 400 ? expanded : picked.join(',')
    }
    if (tab === 'mine') q.owner = 'mine'
    if (tab === 'archived') {
      q.owner = 'mine'
      q.lifecycle = 'archived'
    }
    return q
  }, [state, tab, picked, systems.data])
  const search = useSearchDemands(query)
  const facets = search.data?.facets ?? {}
  const industryCounts = useMemo(
    () => new Map((facets.industry ?? []).map((f) => [f.value, f.count])),
    [facets.industry],
  )
  const industryFacet = useIndustryFacetLabels(facets.industry)
  const activeFilters = FILTERS.filter((key) => state.get(key)).length
  const amount = (key: 'budgetFrom' | 'budgetTo') => (state.get(key) ? Number(state.get(key)) : undefined)

  const actions = useRegistryActions({
    base: '/demands',
    label: '技术需求',
    importAction: 'demand.import',
    exportQuery: { ...query, page: undefined, pageSize: undefined },
    exportFile: '技术需求.xlsx',
    create: { text: '发布需求', allowed: can('demand.write') },
  })

  return (
    <Page
      title="技术需求"
      subTitle={compact ? undefined : '需求库：企业技术需求的发布、检索与对接'}
      extra={[...actions]}
    >
      <SearchLayout<DemandListItem>
        tabs={[
          { key: 'all', label: '全部需求' },
          { key: 'mine', label: '本单位需求' },
          ...(can('demand.write') ? [{ key: 'archived', label: '已归档' }] : []),
        ]}
        tab={tab}
        onTab={(key) => state.set({ tab: key === 'all' ? undefined : key })}
        query={state.get('q') ?? ''}
        onSearch={(q) => state.set({ q })}
        placeholder="搜索需求名称、关键词、描述，如：灵巧手"
        sort={state.get('sort') ?? 'relevance'}
        sortOptions={sortOptions}
        onSort={(sort) => state.set({ sort: sort === 'relevance' ? undefined : sort })}
        activeFilters={activeFilters}
        onClearFilters={() => state.set(Object.fromEntries(FILTERS.map((key) => [key, undefined])))}
        understood={search.data?.understood}
        items={search.data?.items ?? []}
        total={search.data?.total ?? 0}
        loading={search.isFetching}
        rowKey={(item) => item.id}
        renderItem={(item) => <DemandResult item={item} to={`/demands/${item.id}`} />}
        page={state.page}
        pageSize={state.pageSize}
        onPage={(page, pageSize) => state.set({ page, pageSize })}
        unit="条需求"
        emptyText="没有符合条件的需求，试试减少筛选条件或换个说法"
        filters={
          <>
            <FacetGroup
              title="需求状态"
              name="status"
              options={statusOptions}
              facet={facets.status}
              value={state.getList('status')}
              onChange={(values) => state.set({ status: values })}
            />
            <FilterBlock title="产业分类" name="industry">
              <IndustryTreeSelect
                jurisdiction={area}
                counts={industryCounts}
                value={picked}
                onChange={(codes) => state.set({ industry: codes })}
                placeholder="本地区产业体系"
              />
            </FilterBlock>
            <FacetGroup
              title="结果中的产业"
              name="industry-facet"
              facet={industryFacet}
              value={picked}
              onChange={(codes) => state.set({ industry: codes })}
              limit={6}
            />
            <FacetGroup
              title="所在地区"
              name="jurisdiction"
              facet={facets.jurisdiction}
              value={state.getList('jurisdiction').slice(0, 1)}
              onChange={(codes) => state.set({ jurisdiction: codes.at(-1), industry: undefined })}
              limit={6}
            />
            <FacetGroup
              title="合作方式"
              name="cooperationMode"
              options={modeOptions}
              facet={facets.cooperationMode}
              value={state.getList('cooperationMode')}
              onChange={(values) => state.set({ cooperationMode: values })}
            />
            <FilterBlock title="预算（万元）" name="budget">
              <AmountRangeFilter
                from={amount('budgetFrom')}
                to={amount('budgetTo')}
                onChange={(budgetFrom, budgetTo) => state.set({ budgetFrom, budgetTo })}
              />
            </FilterBlock>
            <FilterBlock title="截止日期" name="deadline">
              <DateRangeFilter
                from={state.get('deadlineFrom')}
                to={state.get('deadlineTo')}
                onChange={(deadlineFrom, deadlineTo) => state.set({ deadlineFrom, deadlineTo })}
              />
            </FilterBlock>
            <FilterBlock title="更新日期" name="updated">
              <DateRangeFilter
                from={state.get('updatedFrom')}
                to={state.get('updatedTo')}
                onChange={(updatedFrom, updatedTo) => state.set({ updatedFrom, updatedTo })}
              />
            </FilterBlock>
          </>
        }
      />
    </Page>
  )
}
