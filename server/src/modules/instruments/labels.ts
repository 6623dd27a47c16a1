import type { Availability, InstrumentCategory } from './schema'

export const instrumentCategoryLabels: Record<InstrumentCategory, string> = {
  analysis: '分析测试',
  physicalProperty: '物理性能测试',
  metrology: '计量',
  electronic: '电子测量',
  manufacturing: '加工制造',
  environmental: '环境试验',
  biomedical: '生物医学',
  computing: '计算与仿真',
  other: '其他',
}
export const availabilityLabels: Record<Availability, string> = {
  available: '可预约',
  maintenance: '维护中',
  retired: '停用',
}
/** Facet labels of the CMA / CNAS flags, stored in the index as yes / no. */
export const flagLabels = { yes: '有', no: '无' } as const

export const priceLabel = (priceFen: number | null, unit: string | null) =>
  priceFen === null
    ? '面议'
    : `${(priceFen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元${unit ? `/${unit}` : ''}`

/** Reverse lookups for imports, where people type the Chinese label. */
export function byLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  const wanted = text.trim()
  return (Object.entries(labels) as [K, string][]).find(([, label]) => label === wanted)?.[0]
}
