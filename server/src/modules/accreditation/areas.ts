import { type Actor, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { descendantsOf, getJurisdiction } from '../jurisdictions/service'

export type CarrierKindAccredited = 'pocCenter' | 'pilotPlatform'
export const kindLabels: Record<CarrierKindAccredited, string> = {
  pocCenter: '概念验证中心',
  pilotPlatform: '中试平台',
}

/** Business dates are calendar dates in Asia/Shanghai (DESIGN principle 6), from the platform clock. */
export const today = () => todayInShanghai(now())
export const currentYear = () => Number(today().slice(0, 4))

/** The city an area belongs to (itself for a city). */
export async function cityOf(code: string): Promise<string> {
  const area = await getJurisdiction(code)
  return area?.level === 'district' && area.parentCode ? area.parentCode : code
}

export async function areaName(code: string): Promise<string> {
  return (await getJurisdiction(code))?.fullName ?? code
}

export async function shortName(code: string): Promise<string> {
  return (await getJurisdiction(code))?.name ?? code
}

export async function isInCity(code: string, city: string): Promise<boolean> {
  return (await descendantsOf(city)).includes(code)
}

/** A city officer acts for their own city only. */
export async function requireOwnCity(actor: Actor, city: string): Promise<void> {
  const user = requireUser(actor)
  if ((await cityOf(user.jurisdictionCode)) !== city || user.role !== 'cityOfficer')
    throw new AppError('FORBIDDEN', '只能办理本市的认定事项', { city })
}
