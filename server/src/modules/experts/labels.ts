import { pinyin } from 'pinyin-pro'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import type { ExpertAvailability, RelationshipKind, ThinkTank, TieKind } from './schema'

export const thinkTankLabels: Record<ThinkTank, string> = {
  technical: '技术验证',
  product: '产品验证',
  commercial: '商业验证',
}
export const availabilityLabels: Record<ExpertAvailability, string> = {
  available: '可参与评审',
  busy: '忙碌',
  unavailable: '暂不参与',
}
export const relationshipKindLabels: Record<RelationshipKind, string> = {
  advisorStudent: '师生',
  family: '亲属',
  partner: '合作伙伴',
  other: '其他',
}
export const tieKindLabels: Record<TieKind, string> = {
  employment: '任职或兼职',
  shareholding: '持股',
  contract: '合同或项目合作',
  other: '其他',
}

export function byLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  return (Object.entries(labels) as [K, string][]).find(([, label]) => label === text.trim())?.[0]
}

export function today(): string {
  return todayInShanghai(now())
}

/** Whole days since 1970-01-01 of a calendar date, for the index's number attributes. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}

/** A busy expert whose busy period has ended is available again; nobody has to remember to switch it back. */
export function effectiveAvailability(status: ExpertAvailability, busyUntil: string | null, on = today()) {
  return status === 'busy' && (!busyUntil || busyUntil < on) ? 'available' : status
}

/** A pinyin key for sorting people's names, surnames read as surnames (曾 zeng, 单 shan). */
export function pinyinSortKey(name: string): string {
  return pinyin(name.trim(), { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head' })
    .join(' ')
    .toLowerCase()
}
