import { pinyin } from 'pinyin-pro'
import type {
  AccreditationStatus,
  CapabilityCategory,
  CarrierKind,
  CarrierLevel,
  CarrierSubtype,
  DirectorRole,
} from './schema'

export const carrierKindLabels: Record<CarrierKind, string> = {
  pocCenter: '概念验证中心',
  pilotPlatform: '中试平台',
  incubator: '孵化器',
  park: '园区',
}
export const carrierSubtypeLabels: Record<CarrierSubtype, string> = {
  comprehensive: '综合类',
  specialized: '专业型',
  enterpriseLed: '企业主导',
  thirdPartyLed: '第三方服务机构主导',
  academicLed: '高校院所主导',
  governmentLed: '政府投资主导',
}
export const carrierLevelLabels: Record<CarrierLevel, string> = {
  municipal: '市级',
  provincial: '省级',
  national: '国家级',
}
export const accreditationLabels: Record<AccreditationStatus, string> = {
  none: '未认定',
  applying: '申报中',
  accredited: '已认定',
  revoked: '已撤销',
}
export const capabilityCategoryLabels: Record<CapabilityCategory, string> = {
  principle: '原理验证',
  technical: '技术与工艺验证',
  productScenario: '产品与场景验证',
  commercial: '商业验证',
  pilot: '中试',
  testing: '检测',
}
export const directorRoleLabels: Record<DirectorRole, string> = {
  director: '主任',
  administrative: '行政主任',
  technical: '技术主任',
}

/** Subtypes each kind allows: PoC centers and pilot platforms must name one, incubators and parks none. */
export const subtypesOfKind: Record<CarrierKind, readonly CarrierSubtype[]> = {
  pocCenter: ['comprehensive', 'specialized'],
  pilotPlatform: ['enterpriseLed', 'thirdPartyLed', 'academicLed', 'governmentLed'],
  incubator: [],
  park: [],
}

/** The organization kind a carrier's operating organization has (DESIGN glossary; incubators and parks share one). */
export const organizationKindOfCarrier = {
  pocCenter: 'pocCenter',
  pilotPlatform: 'pilotPlatform',
  incubator: 'incubator',
  park: 'incubator',
} as const satisfies Record<CarrierKind, string>

/** Reverse lookups for imports, where people type the Chinese label. */
export function byLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  const wanted = text.trim()
  return (Object.entries(labels) as [K, string][]).find(([, label]) => label === wanted)?.[0]
}

/** A pinyin key for sorting names (syllables separated by spaces, compared byte-wise). */
export function pinyinSortKey(name: string): string {
  return pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase())
    .join(' ')
}
