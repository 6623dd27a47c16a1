import type { IpItem, Maturity, TransferMode } from './schema'

export const maturityLabels: Record<Maturity, string> = {
  theory: '理论',
  lab: '实验室',
  sample: '样品',
  smallTrial: '小试',
  pilot: '中试',
  product: '产品',
}
export const transferModeLabels: Record<TransferMode, string> = {
  transfer: '转让',
  license: '许可',
  equity: '作价入股',
  cooperation: '合作开发',
}
export const ipKindLabels: Record<IpItem['kind'], string> = {
  patent: '专利',
  softwareCopyright: '软件著作权',
  technicalSecret: '技术秘密',
}
export const patentTypeLabels = { invention: '发明', utilityModel: '实用新型', design: '外观设计' } as const
export const ipStatusLabels = { pending: '申请中', granted: '已授权', lapsed: '已失效' } as const

/** Reverse lookups for imports, where people type the Chinese label. */
export function byLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  return (Object.entries(labels) as [K, string][]).find(([, label]) => label === text.trim())?.[0]
}
