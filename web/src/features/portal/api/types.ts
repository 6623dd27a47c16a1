import type { Achievement, AchievementPage } from '@server/modules/achievements/contracts'
import type { Carrier, CarrierPage } from '@server/modules/carriers/contracts'
import type { Demand, DemandListItem } from '@server/modules/demands/contracts'
import type { Instrument, InstrumentPage } from '@server/modules/instruments/contracts'
import type { Scenario, ScenarioListItem } from '@server/modules/scenarios/contracts'
import type { z } from 'zod'

/** The kinds of record the public portal shows, as the API names them. */
export type PortalType = 'achievement' | 'demand' | 'scenario' | 'carrier' | 'instrument'

export type AchievementItem = z.infer<typeof AchievementPage>['items'][number]
export type CarrierItem = z.infer<typeof CarrierPage>['items'][number]
export type InstrumentItem = z.infer<typeof InstrumentPage>['items'][number]
export type { Achievement, Carrier, Demand, DemandListItem, Instrument, Scenario, ScenarioListItem }

export type PortalRecord =
  | { type: 'achievement'; record: Achievement }
  | { type: 'demand'; record: Demand }
  | { type: 'scenario'; record: Scenario }
  | { type: 'carrier'; record: Carrier }
  | { type: 'instrument'; record: Instrument }

export const portalTypes: { type: PortalType; label: string; unit: string; path: string }[] = [
  { type: 'achievement', label: '科技成果', unit: '项', path: '/achievements' },
  { type: 'demand', label: '技术需求', unit: '条', path: '/demands' },
  { type: 'scenario', label: '应用场景', unit: '个', path: '/scenarios' },
  { type: 'carrier', label: '载体平台', unit: '家', path: '/carriers' },
  { type: 'instrument', label: '共享仪器', unit: '台', path: '/instruments' },
]

export function isPortalType(value: string | undefined): value is PortalType {
  return portalTypes.some((t) => t.type === value)
}

export function portalTypeOf(type: PortalType) {
  return portalTypes.find((t) => t.type === type) as (typeof portalTypes)[number]
}
