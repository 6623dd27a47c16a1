import { Select } from 'antd'
import { useMemo } from 'react'
import { Page } from '../../../shared/page'
import { disciplineOptions } from '../../../shared/registry/disciplines'
import { FacetGroup } from '../../../shared/registry/facet-filter'
import { DateRangeFilter, FilterBlock, TrlRangeFilter } from '../../../shared/registry/filter-controls'
import { useIndustryFacetLabels } from '../../../shared/registry/industry-facet'
import { useIndustrySystems, withDescendants } from '../../../shared/registry/industry-systems'
import { IndustryTreeSelect } from '../../../shared/registry/industry-tree-select'
import { useListState } from '../../../shared/registry/list-state'
import { useRegistryActions } from '../../../shared/registry/registry-actions'
import { SearchLayout } from '../../../shared/registry/search-layout'
import { useCompact } from '../../../shared/responsive'
import { useCan, useCurrentUser } from '../../../shared/session'
import { type AchievementSearch, useSearchAchievements } from '../api/search-achievements'
import type { AchievementListItem } from '../api/types'
import { AchievementResult } from '../components/achievement-result'
import { transferModeLabels } from '../components/labels'

const FILTERS = [
  'industry',
  'jurisdiction',
  'category',
  'discipline',
  'maturity',
  'trlMin',
  'trlMax',
  'transferMode',
  'updatedFrom',
  'updatedTo',
] as const
const sortOptions = [
  { value: 'relevance', label: '按相关度' },
  { value: 'updated', label: '最近更新' },
  { value: 'trl', label: '按 TRL' },
]
const transferOptions = Object.entries(transferModeLabels).map(([value, label]) => ({ value, label }))

/** 成果库: search with filters and facet counts, 全部 / 我的 / 已归档, import, export, entry. */
export function AchievementsPage() {
  const can = useCan()
  const user = useCurrentUser()
  const compact = useCompact()
  const state = useListState()
  const tab = state.get('tab') ?? 'all'
  const area = state.get('jurisdiction') ?? user.jurisdictionCode
  const systems = useIndustrySystems(area)
  const picked = state.getList('industry')

  const query = useMemo<AchievementSearch>(() => {
    const q: AchievementSearch = { page: state.page, pageSize: state.pageSize, sort: state.get('sort') ?? 'relevance' }
    for (const key of FILTERS) q[key] = state.get(key)
    q.q = state.get('q')
    if (picked.length) {
      const expanded = withDescendants(systems.data?.items ?? [], picked).join(',')
      q.industry = expanded.length <= 400 ? expanded : picked.join(',')
    }
    if (tab === 'mine') q.owner = 'mine'
    if (tab === 'archived') {
      q.owner = 'mine'
      q.status = 'archived'
    }
    return q
  }, [state, tab, picked, systems.data])
  const search = useSearchAchievements(query)
  const facets = search.data?.facets ?? {}
  const industryCounts = useMemo(
    () => new Map((facets.industry ?? []).map((f) => [f.value, f.count])),
    [facets.industry],
  )
  const industryFacet = useIndustryFacetLabels(facets.industry)
  const activeFilters = FILTERS.filter((key) => state.get(key)).length

  const exportQuery = { ...query, page: undefined, pageSize: undefined }
  const tabs = [
    { key: 'all', label: '全部成果' },
    { key: 'mine', label: '本单位成果' },
    ...(can('achievement.write') ? [{ key: 'archived', label: '已归档' }] : []),
  ]

  const actions = useRegistryActions({
    base: '/achievements',
    label: '科技成果',
    importAction: 'achievement.import',
    exportQuery: exportQuery,
    exportFile: '科技成果.xlsx',
    create: { text: '录入成果', allowed: can('achievement.write') },
  })

  return (
    <Page title="科技成果" subTitle={compact ? undefined : '成果库：检索、筛选、录入与批量导入'} extra={[...actions]}>
      <SearchLayout<AchievementListItem>
        tabs={tabs}
        tab={tab}
        onTab={(key) => state.set({ tab: key === 'all' ? undefined : key })}
        query={state.get('q') ?? ''}
        onSearch={(q) => state.set({ q, sort: q ? state.get('sort') : undefined })}
        placeholder="搜索成果名称、关键词、简介，如：具身智能"
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
        renderItem={(item) => <AchievementResult item={item} to={`/achievements/${item.id}`} />}
        page={state.page}
        pageSize={state.pageSize}
        onPage={(page, pageSize) => state.set({ page, pageSize })}
        unit="项成果"
        emptyText="没有符合条件的成果，试试减少筛选条件或换个说法"
        filters={
          <>
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
              title="学科门类"
              name="category"
              facet={facets.category}
              value={state.getList('category').slice(0, 1)}
              onChange={(values) => state.set({ category: values.at(-1), discipline: undefined })}
              limit={6}
            />
            <FilterBlock title="一级学科" name="discipline">
              <Select
                allowClear
                showSearch
                placeholder="选择一级学科"
                value={state.get('discipline')}
                options={disciplineOptions(state.get('category'))}
                onChange={(discipline?: string) => state.set({ discipline })}
              />
            </FilterBlock>
            <FacetGroup
              title="成熟度"
              name="maturity"
              facet={facets.maturity}
              value={state.getList('maturity')}
              onChange={(values) => state.set({ maturity: values })}
            />
            <FilterBlock title="技术就绪度（TRL）" name="trl">
              <TrlRangeFilter
                min={state.get('trlMin') ? Number(state.get('trlMin')) : undefined}
                max={state.get('trlMax') ? Number(state.get('trlMax')) : undefined}
                onChange={(trlMin, trlMax) => state.set({ trlMin, trlMax })}
              />
            </FilterBlock>
            <FacetGroup
              title="转化方式"
              name="transferMode"
              options={transferOptions}
              value={state.getList('transferMode')}
              onChange={(values) => state.set({ transferMode: values })}
            />
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
