import { Tag } from 'antd'
import { formatDate } from '../../../shared/format'
import { Page } from '../../../shared/page'
import { ConfidentialityTag } from '../../../shared/registry/confidentiality'
import { useListState } from '../../../shared/registry/list-state'
import { formatFen } from '../../../shared/registry/money'
import { useRegistryActions } from '../../../shared/registry/registry-actions'
import { type FilterGroup, useRegistrySearch } from '../../../shared/registry/registry-search'
import { ResultItem } from '../../../shared/registry/result-item'
import { SearchLayout } from '../../../shared/registry/search-layout'
import { useCompact } from '../../../shared/responsive'
import { roleOf, useCan, useCurrentUser } from '../../../shared/session'
import { searchEnterprises } from '../api/search-enterprises'
import type { EnterpriseItem } from '../api/types'

const filters: FilterGroup[] = [
  { key: 'tier', title: '企业梯度' },
  { key: 'gbtSection', title: '国民经济行业门类' },
  { key: 'jurisdiction', title: '所在地区', single: true },
]

function EnterpriseResult({ item }: { item: EnterpriseItem }) {
  return (
    <ResultItem
      to={`/enterprises/${item.id}`}
      name={item.nameMarked}
      title={item.name}
      aside={<ConfidentialityTag level={item.confidentiality} label={item.confidentialityLabel} />}
      tags={
        <>
          {item.tierLabels.map((label) => (
            <Tag key={label} color="gold" bordered={false}>
              {label}
            </Tag>
          ))}
          {item.industries.map((industry) => (
            <Tag key={industry.code} color="blue" bordered={false}>
              {industry.name}
            </Tag>
          ))}
        </>
      }
      snippet={item.snippet}
      meta={[
        item.jurisdictionName,
        item.gbtDivisionName ?? item.gbtSectionName,
        item.latestRdSpending
          ? `${item.latestRdSpending.year} 年研发投入 ${formatFen(item.latestRdSpending.fen)}`
          : null,
        item.mainProducts.length ? `主要产品：${item.mainProducts.slice(0, 3).join('、')}` : null,
        `更新于 ${formatDate(item.updatedAt)}`,
      ]}
    />
  )
}

/** 企业库: search with tier, 行业, 产业 and area facets; 本企业 for an enterprise; import for officers. */
export function EnterprisesPage() {
  const can = useCan()
  const user = useCurrentUser()
  const state = useListState()
  const isEnterprise = roleOf(user) === 'enterpriseUser'
  const canWrite = can('enterprise.write')
  const compact = useCompact()
  const search = useRegistrySearch<EnterpriseItem>({
    name: 'enterprises',
    fetch: searchEnterprises,
    filters,
    allLabel: '全部企业',
    mineLabel: isEnterprise ? '本企业' : undefined,
    canSeeArchived: canWrite,
    industryArea: state.get('jurisdiction') ?? user.jurisdictionCode,
  })
  const actions = useRegistryActions({
    base: '/enterprises',
    label: '企业',
    importAction: 'enterprise.import',
    exportQuery: search.exportQuery,
    exportFile: '企业库.xlsx',
    create: { text: isEnterprise ? '登记本企业档案' : '登记企业', allowed: canWrite },
  })

  return (
    <Page
      title="企业库"
      subTitle={compact ? undefined : '企业梯度、行业分类、研发投入与产业链归属'}
      extra={[...actions]}
    >
      <SearchLayout<EnterpriseItem>
        {...search.layout}
        rowKey={(item) => item.id}
        renderItem={(item) => <EnterpriseResult item={item} />}
        unit="家企业"
        placeholder="企业名称、统一社会信用代码、主要产品或技术关键词，如：智能电气"
        emptyText="没有符合条件的企业，试试减少筛选条件或换个说法"
      />
    </Page>
  )
}
