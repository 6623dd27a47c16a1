import type { PublisherKind, ScenarioOffer, ScenarioStatus } from './schema'

export const offerLabels: Record<ScenarioOffer, string> = {
  site: '场地',
  data: '数据',
  procurement: '采购意向',
  funding: '资金',
  demonstration: '示范应用',
}
export const scenarioStatusLabels: Record<ScenarioStatus, string> = { open: '征集中', closed: '已截止' }
export const publisherKindLabels: Record<PublisherKind, string> = {
  enterprise: '企业',
  scienceBureau: '政府部门',
  pocCenter: '概念验证中心',
  pilotPlatform: '中试平台',
}

/** Reverse lookups for imports, where people type the Chinese label. */
export function byLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  return (Object.entries(labels) as [K, string][]).find(([, label]) => label === text.trim())?.[0]
}
