import { useMemo } from 'react'
import { Page } from '../../../shared/page'
import { FacetGroup } from '../../../shared/registry/facet-filter'
import { DateRangeFilter, FilterBlock } from '../../../shared/registry/filter-controls'
import { useIndustryFacetLabels } from '../../../shared/registry/industry-facet'
import { useIndustrySystems, withDescendants } from '../../../shared/registry/industry-systems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { useListState } from '../../../shared/registry/list-state'
import { useRegistryActions } from '../../../shared/registry/registry-actions'
import { SearchLayout } from '../../../shared/registry/search-layout'
import { useCompact } from '../../../shared/responsive'
import { useCan, useCurrentUser } from '../../../shared/session'
import { type ScenarioSearch, useSearchScenarios } from '../api/search-scenarios'
import type { ScenarioListItem } from '../api/types'
import { offerLabels, publisherKindLabels, scenarioStatusLabels } from '../components/labels'
import { ScenarioResult } from '../components/scenario-result'

const FILTERS = [
  'industry',
  'jurisdiction',
  'status',
  'offer',
  'publisherKind',
  'deadlineFrom',
  'deadlineTo',
  'updatedFrom',
  'updatedTo',
] as const
const sortOptions = [
  { value: 'relevance', label: '按相关度' },
  { value: 'updated', label: '最近更新' },
  { value: 'deadline', label: '按截止日期' },
]
const asOptions = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

/** 场景清单: search, filters with facet counts, 全部 / 本单位 / 已归档, import, export, 发布场景. */
export function ScenariosPage() {
  const can = useCan()
  const compact = useCompact()
  const user = useCurrentUser()
  const state = useListState()
  const tab = state.get('tab') ?? 'all'
  const area = state.get('jurisdiction') ?? user.jurisdictionCode
  const systems = useIndustrySystems(area)
  const picked = state.getList('industry')

  const query = useMemo<ScenarioSearch>(() => {
    const q: ScenarioSearch = { page: state.page, pageSize: state.pageSize, sort: state.get('sort') ?? 'relevance' }
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
  const search = useSearchScenarios(query)
  const facets = search.data?.facets ?? {}
  const industryCounts = useMemo(
    () => new Map((facets.industry ?? []).map((f) => [f.value, f.count])),
    [facets.industry],
  )
  const industryFacet = useIndustryFacetLabels(facets.industry)
  const activeFilters = FILTERS.filter((key) => state.get(key)).length

  const actions = useRegistryActions({
    base: '/scenarios',
    label: '应用场景',
    importAction: 'scenario.import',
    exportQuery: { ...query, page: undefined, pageSize: undefined },
    exportFile: '应用场景.xlsx',
    create: { text: '发布场景', allowed: can('scenario.write') },
  })

  return (
    <Page
      title="应用场景"
      subTitle={compact ? undefined : '场景清单：开放场景征集新技术验证与示范应用'}
      extra={[...actions]}
    >
      <SearchLayout<ScenarioListItem>
        tabs={[
          { key: 'all', label: '全部场景' },
          { key: 'mine', label: '本单位发布' },
          ...(can('scenario.write') ? [{ key: 'archived', label: '已归档' }] : []),
        ]}
        tab={tab}
        onTab={(key) => state.set({ tab: key === 'all' ? undefined : key })}
        query={state.get('q') ?? ''}
        onSearch={(q) => state.set({ q })}
        placeholder="搜索场景名称、所需技术、描述，如：低空物流"
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
        renderItem={(item) => <ScenarioResult item={item} to={`/scenarios/${item.id}`} />}
        page={state.page}
        pageSize={state.pageSize}
        onPage={(page, pageSize) => state.set({ page, pageSize })}
        unit="个场景"
        emptyText="没有符合条件的场景，试试减少筛选条件或换个说法"
        filters={
          <>
            <FacetGroup
              title="征集状态"
              name="status"
              options={asOptions(scenarioStatusLabels)}
              facet={facets.status}
              value={state.getList('status')}
              onChange={(values) => state.set({ status: values })}
            />
            <FacetGroup
              title="提供条件"
              name="offer"
              options={asOptions(offerLabels)}
              facet={facets.offer}
              value={state.getList('offer')}
              onChange={(values) => state.set({ offer: values })}
            />
            <FacetGroup
              title="发布主体"
              name="publisherKind"
              options={asOptions(publisherKindLabels)}
              facet={facets.publisherKind}
              value={state.getList('publisherKind')}
              onChange={(values) => state.set({ publisherKind: values })}
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
