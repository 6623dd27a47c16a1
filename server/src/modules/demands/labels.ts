import type { CooperationMode, DemandStatus, WantedMaturity } from './schema'

export const cooperationModeLabels: Record<CooperationMode, string> = {
  transfer: '技术转让',
  license: '技术许可',
  jointDevelopment: '合作开发',
  commissioned: '委托开发',
  consulting: '技术咨询',
}
export const maturityLabels: Record<WantedMaturity, string> = {
  theory: '理论',
  lab: '实验室',
  sample: '样品',
  smallTrial: '小试',
  pilot: '中试',
  product: '产品',
}
export const demandStatusLabels: Record<DemandStatus, string> = { open: '征集中', matched: '已对接', closed: '已关闭' }

/** Reverse lookups for imports, where people type the Chinese label. */
export function byLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  return (Object.entries(labels) as [K, string][]).find(([, label]) => label === text.trim())?.[0]
}

/** 分 → “12.5 万元” (or “800 元” under one 万). */
export function formatFen(fen: number): string {
  if (fen >= 1_000_000) return `${Number((fen / 1_000_000).toFixed(2))} 万元`
  return `${Number((fen / 100).toFixed(2))} 元`
}

/** 预算: 面议, a range, “不低于 …” or “不超过 …”. */
export function budgetLabel(negotiable: boolean, minFen: number | null, maxFen: number | null): string {
  if (negotiable || (minFen === null && maxFen === null)) return '面议'
  if (minFen !== null && maxFen !== null)
    return minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)} – ${formatFen(maxFen)}`
  return minFen !== null ? `不低于 ${formatFen(minFen)}` : `不超过 ${formatFen(maxFen!)}`
}
