import { Button, Tag } from 'antd'
import { useNavigate } from 'react-router-dom'
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
import { searchExperts } from '../api/search-experts'
import type { ExpertItem } from '../api/types'
import { availabilityLabels, options, thinkTankLabels } from '../components/labels'

const filters: FilterGroup[] = [
  { key: 'thinkTank', title: '专家智库', options: options(thinkTankLabels) },
  { key: 'category', title: '学科门类', single: true },
  { key: 'availability', title: '评审状态', options: options(availabilityLabels), single: true },
  { key: 'jurisdiction', title: '所在地区', single: true },
]

function ExpertResult({ item }: { item: ExpertItem }) {
  return (
    <ResultItem
      to={`/experts/${item.id}`}
      name={item.nameMarked}
      title={item.name}
      aside={<ConfidentialityTag level={item.confidentiality} label={item.confidentialityLabel} />}
      tags={
        <>
          {item.title ? <Tag bordered={false}>{item.title}</Tag> : null}
          {item.thinkTankLabels.map((label) => (
            <Tag key={label} color="purple" bordered={false}>
              {label}
            </Tag>
          ))}
          {item.industries.map((industry) => (
            <Tag key={industry.code} color="blue" bordered={false}>
              {industry.name}
            </Tag>
          ))}
          {item.availability === 'available' ? null : <Tag bordered={false}>{item.availabilityLabel}</Tag>}
        </>
      }
      snippet={item.snippet}
      meta={[
        item.organizationName,
        item.disciplines.slice(0, 3).join('、'),
        item.jurisdictionName,
        `更新于 ${formatDate(item.updatedAt)}`,
      ]}
    />
  )
}

/** 专家库 (signed-in business roles only): think tanks, 学科, 产业, availability; officers register and import. */
export function ExpertsPage() {
  const can = useCan()
  const user = useCurrentUser()
  const navigate = useNavigate()
  const compact = useCompact()
  const state = useListState()
  const role = roleOf(user)
  const canRegister = can('expert.write') && role !== 'expert'
  const search = useRegistrySearch<ExpertItem>({
    name: 'experts',
    fetch: searchExperts,
    filters,
    allLabel: '全部专家',
    mineLabel: canRegister ? '本单位登记' : undefined,
    canSeeArchived: canRegister,
    industryArea: state.get('jurisdiction') ?? user.jurisdictionCode,
  })
  const actions = useRegistryActions({
    base: '/experts',
    label: '专家',
    importAction: 'expert.import',
    exportQuery: search.exportQuery,
    exportFile: '专家库.xlsx',
    create: { text: '登记专家', allowed: canRegister },
  })

  return (
    <Page
      title="专家库"
      subTitle={compact ? undefined : '技术验证、产品验证、商业验证三类专家智库'}
      extra={[
        can('expert.self') ? (
          <Button key="me" onClick={() => navigate('/experts/me')}>
            我的专家档案
          </Button>
        ) : null,
        ...actions,
      ]}
    >
      <SearchLayout<ExpertItem>
        {...search.layout}
        rowKey={(item) => item.id}
        renderItem={(item) => <ExpertResult item={item} />}
        unit="位专家"
        placeholder="姓名、单位、研究方向或学科，如：具身智能、知识产权"
        emptyText="没有符合条件的专家，试试减少筛选条件或换个说法"
      />
    </Page>
  )
}
