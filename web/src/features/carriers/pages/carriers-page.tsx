import { Tag } from 'antd'
import { formatDate } from '../../../shared/format'
import { Page } from '../../../shared/page'
import { ConfidentialityTag } from '../../../shared/registry/confidentiality'
import { useListState } from '../../../shared/registry/list-state'
import { useRegistryActions } from '../../../shared/registry/registry-actions'
import { type FilterGroup, useRegistrySearch } from '../../../shared/registry/registry-search'
import { ResultItem } from '../../../shared/registry/result-item'
import { SearchLayout } from '../../../shared/registry/search-layout'
import { useCompact } from '../../../shared/responsive'
import { roleOf, useCan, useCurrentUser } from '../../../shared/session'
import { searchCarriers } from '../api/search-carriers'
import type { CarrierItem } from '../api/types'
import {
  accreditationLabels,
  capabilityCategoryLabels,
  carrierKindLabels,
  carrierLevelLabels,
  options,
} from '../components/labels'

const filters: FilterGroup[] = [
  { key: 'kind', title: '载体类型', options: options(carrierKindLabels) },
  {
    key: 'subtype',
    title: '细分类型',
    visible: (picked) => (picked.kind ?? []).some((k) => k === 'pocCenter' || k === 'pilotPlatform'),
  },
  { key: 'level', title: '级别', options: options(carrierLevelLabels) },
  { key: 'accreditation', title: '认定状态', options: options(accreditationLabels) },
  { key: 'capability', title: '验证能力', options: options(capabilityCategoryLabels) },
  { key: 'jurisdiction', title: '所在地区', single: true },
]

function CarrierResult({ item }: { item: CarrierItem }) {
  return (
    <ResultItem
      to={`/carriers/${item.id}`}
      name={item.nameMarked}
      title={item.name}
      aside={<ConfidentialityTag level={item.confidentiality} label={item.confidentialityLabel} />}
      tags={
        <>
          <Tag color="geekblue" bordered={false}>
            {item.kindLabel}
            {item.subtypeLabel ? ` · ${item.subtypeLabel}` : ''}
          </Tag>
          {item.accreditationStatus === 'none' ? null : (
            <Tag color={item.accreditationStatus === 'accredited' ? 'gold' : 'default'} bordered={false}>
              {item.level ? item.levelLabel : ''}
              {item.accreditationLabel}
              {item.accreditationYear ? `（${item.accreditationYear}）` : ''}
            </Tag>
          )}
          {item.industries.map((industry) => (
            <Tag key={industry.code} color="blue" bordered={false}>
              {industry.name}
            </Tag>
          ))}
        </>
      }
      snippet={item.snippet}
      meta={[
        item.ownerOrgName,
        item.jurisdictionName,
        item.capabilityCategories.length ? `能力：${item.capabilityCategories.join('、')}` : null,
        `更新于 ${formatDate(item.updatedAt)}`,
      ]}
    />
  )
}

/** 载体: 概念验证中心 (综合类 / 专业型), 中试平台 by lead type, 孵化器, 园区 — with capability and fee lists. */
export function CarriersPage() {
  const can = useCan()
  const user = useCurrentUser()
  const compact = useCompact()
  const state = useListState()
  const role = roleOf(user)
  const operator = role === 'centerOperator' || role === 'pilotPlatformOperator'
  const canWrite = can('carrier.write')
  const search = useRegistrySearch<CarrierItem>({
    name: 'carriers',
    fetch: searchCarriers,
    filters,
    allLabel: '全部载体',
    mineLabel: operator ? '本单位' : undefined,
    canSeeArchived: canWrite,
    industryArea: state.get('jurisdiction') ?? user.jurisdictionCode,
  })
  const actions = useRegistryActions({
    base: '/carriers',
    label: '载体',
    importAction: 'carrier.import',
    exportQuery: search.exportQuery,
    exportFile: '载体.xlsx',
    create: { text: '登记载体', allowed: canWrite },
  })

  return (
    <Page title="载体" subTitle={compact ? undefined : '概念验证中心、中试平台、孵化器与园区'} extra={[...actions]}>
      <SearchLayout<CarrierItem>
        {...search.layout}
        rowKey={(item) => item.id}
        renderItem={(item) => <CarrierResult item={item} />}
        unit="个载体"
        placeholder="载体名称、验证能力、依托单位或产业，如：具身智能、中试"
        emptyText="没有符合条件的载体，试试减少筛选条件或换个说法"
      />
    </Page>
  )
}
