import { Tag } from 'antd'
import { formatDate } from '../../../shared/format'
import { Page } from '../../../shared/page'
import { ConfidentialityTag } from '../../../shared/registry/confidentiality'
import { useRegistryActions } from '../../../shared/registry/registry-actions'
import { type FilterGroup, useRegistrySearch } from '../../../shared/registry/registry-search'
import { ResultItem } from '../../../shared/registry/result-item'
import { SearchLayout } from '../../../shared/registry/search-layout'
import { useCompact } from '../../../shared/responsive'
import { roleOf, useCan, useCurrentUser } from '../../../shared/session'
import { searchInstruments } from '../api/search-instruments'
import type { InstrumentItem } from '../api/types'
import { AccreditationBadges } from '../components/accreditation-badges'
import { availabilityLabels, instrumentCategoryLabels, options } from '../components/labels'

/** The index stores the flags as 有 / 无 (yes / no); the API filters by true / false. */
const flag = (values: string[]) => (values.at(-1) === 'yes' ? 'true' : values.at(-1) === 'no' ? 'false' : undefined)

const flagOptions = [
  { value: 'yes', label: '有' },
  { value: 'no', label: '无' },
]

const filters: FilterGroup[] = [
  { key: 'category', title: '仪器类别', options: options(instrumentCategoryLabels) },
  { key: 'cma', title: 'CMA 资质认定', options: flagOptions, single: true, toQuery: flag },
  { key: 'cnas', title: 'CNAS 实验室认可', options: flagOptions, single: true, toQuery: flag },
  { key: 'availability', title: '状态', options: options(availabilityLabels) },
  { key: 'jurisdiction', title: '所在地区', single: true },
]

function InstrumentResult({ item }: { item: InstrumentItem }) {
  return (
    <ResultItem
      to={`/instruments/${item.id}`}
      name={item.nameMarked}
      title={item.name}
      aside={<ConfidentialityTag level={item.confidentiality} label={item.confidentialityLabel} />}
      tags={
        <>
          <AccreditationBadges hasCma={item.hasCma} hasCnas={item.hasCnas} />
          <Tag color="geekblue" bordered={false}>
            {item.categoryLabel}
          </Tag>
          {item.availability === 'available' ? (
            <Tag color="green" bordered={false}>
              {item.availabilityLabel}
            </Tag>
          ) : (
            <Tag bordered={false}>{item.availabilityLabel}</Tag>
          )}
        </>
      }
      snippet={item.snippet}
      meta={[
        item.carrierName ?? item.ownerOrgName,
        [item.manufacturer, item.model].filter(Boolean).join(' '),
        `收费：${item.priceLabel}`,
        item.jurisdictionName,
        `更新于 ${formatDate(item.updatedAt)}`,
      ]}
    />
  )
}

/** 仪器设备共享: carriers' shared equipment with CMA / CNAS, booking terms and fees. */
export function InstrumentsPage() {
  const can = useCan()
  const user = useCurrentUser()
  const compact = useCompact()
  const role = roleOf(user)
  const operator = role === 'centerOperator' || role === 'pilotPlatformOperator'
  const canWrite = can('instrument.write')
  const search = useRegistrySearch<InstrumentItem>({
    name: 'instruments',
    fetch: searchInstruments,
    filters,
    allLabel: '全部仪器',
    mineLabel: operator ? '本单位' : undefined,
    canSeeArchived: canWrite,
  })
  const actions = useRegistryActions({
    base: '/instruments',
    label: '仪器设备',
    importAction: 'instrument.import',
    exportQuery: search.exportQuery,
    exportFile: '仪器设备.xlsx',
    create: { text: '登记仪器', allowed: canWrite },
  })

  return (
    <Page
      title="仪器设备共享"
      subTitle={compact ? undefined : '载体开放共享的仪器设备，含 CMA / CNAS 资质、预约方式与收费标准'}
      extra={[...actions]}
    >
      <SearchLayout<InstrumentItem>
        {...search.layout}
        rowKey={(item) => item.id}
        renderItem={(item) => <InstrumentResult item={item} />}
        unit="台（套）"
        placeholder="仪器名称、型号、技术指标，如：扫描电镜、EMC、三坐标"
        emptyText="没有符合条件的仪器设备，试试减少筛选条件或换个说法"
      />
    </Page>
  )
}
