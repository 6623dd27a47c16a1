import { and, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { carrierLevelLabels } from '../carriers/labels'
import { type CarrierRow, findCarriersInAreas } from '../carriers/service'
import { systemsFor } from '../industries/service'
import { descendantsOf } from '../jurisdictions/service'
import { findOrganizations } from '../organizations/service'
import { type CarrierKindAccredited, cityOf, currentYear, kindLabels, shortName, today } from './areas'
import { computeCoverage } from './coverage'
import { centerFacts } from './facts'
import type { Target } from './rule-document'
import { describeVersion } from './rule-params'
import { versionsInForceForCity } from './rules'
import { accreditations } from './schema'

type Level = 'municipal' | 'provincial' | 'national'
const rank: Record<Level, number> = { municipal: 1, provincial: 2, national: 3 }
type Period = { level: Level; from: string; to: string | null }
type Standing = { carrier: CarrierRow; periods: Period[]; active: boolean }

/**
 * Each carrier's accredited periods: this module's certificates (认定 → 撤销/终止), and for a carrier accredited
 * before the platform, the registry's level from 1 January of its 认定年份. A deregistered operator ends
 * every period today (指引 五: 自动终止).
 */
async function standingsOf(city: string, kind: CarrierKindAccredited): Promise<Standing[]> {
  const carriers = await findCarriersInAreas(await descendantsOf(city), [kind])
  const records = carriers.length
    ? await db
        .select()
        .from(accreditations)
        .where(
          and(
            eq(accreditations.carrierKind, kind),
            inArray(
              accreditations.carrierId,
              carriers.map((c) => c.id),
            ),
          ),
        )
    : []
  const orgs = new Map((await findOrganizations(db, { ids: carriers.map((c) => c.ownerOrgId) })).map((o) => [o.id, o]))
  return carriers.map((carrier) => {
    const active = orgs.get(carrier.ownerOrgId)?.status === 'active'
    const periods: Period[] = records
      .filter((r) => r.carrierId === carrier.id)
      .map((r) => ({ level: r.level, from: r.accreditedOn, to: r.endedOn }))
    const registryLevel = carrier.accreditationStatus === 'accredited' ? carrier.level : null
    if (registryLevel && !periods.some((p) => p.to === null && p.level === registryLevel))
      periods.push({ level: registryLevel, from: `${carrier.accreditationYear ?? 1900}-01-01`, to: null })
    return {
      carrier,
      active,
      periods: periods.map((p) => (active || (p.to !== null && p.to <= today()) ? p : { ...p, to: today() })),
    }
  })
}

/** The level a carrier holds on a day (its highest), or null. */
function levelOn(s: Standing, day: string): Level | null {
  const held = s.periods.filter((p) => p.from <= day && (p.to === null || day < p.to)).map((p) => p.level)
  return held.sort((a, b) => rank[b] - rank[a])[0] ?? null
}

const dayOfYear = (year: number): string | null =>
  year < currentYear() ? `${year}-12-31` : year === currentYear() ? today() : null

type Progress = {
  key: string
  label: string
  cite: string
  by: string
  metric: Target['metric']
  target: number | null
  current: number | null
  percent: number | null
  met: boolean | null
  /** Not met and its date has passed: 未按期完成, not 推进中. */
  overdue: boolean
  series: { year: number; value: number | null }[]
  explanation: string[]
  ruleVersion: string
}

function percentOf(current: number | null, target: number | null) {
  if (current === null || target === null || target === 0) return null
  return Math.min(100, Math.round((current / target) * 1000) / 10)
}

async function progressOf(city: string, target: Target, years: number[], ruleVersion: string): Promise<Progress> {
  const base = {
    key: target.key,
    label: target.label,
    cite: target.cite,
    by: target.by,
    metric: target.metric,
    ruleVersion,
  }
  const done = (current: number | null, goal: number | null, series: Progress['series'], explanation: string[]) => ({
    ...base,
    target: goal,
    current,
    percent: percentOf(current, goal),
    met: current === null || goal === null ? null : current >= goal,
    overdue: current !== null && goal !== null && current < goal && target.by < today(),
    series,
    explanation,
  })
  if (target.metric === 'accredited') {
    const standings = await standingsOf(city, target.carrierKind)
    const count = (day: string) => standings.filter((s) => target.levels.includes(levelOn(s, day) as Level)).length
    const current = count(today())
    const levels = target.levels.map((l) => carrierLevelLabels[l]).join('或')
    return done(
      current,
      target.min,
      years.map((year) => ({ year, value: dayOfYear(year) ? count(dayOfYear(year)!) : null })),
      [
        `${levels}${kindLabels[target.carrierKind]}（载体库与认定记录，按各载体当日所持最高级别计）：${current} 家`,
        `目标：${target.by.slice(0, 4)} 年${target.wording} ${target.min} 家`,
      ],
    )
  }
  if (target.metric === 'chainCoverage') {
    const result = await coverageOf(city, target.system)
    return done(
      result.covered,
      result.total,
      [],
      [
        `${result.systemName}末级产业链 ${result.total} 条，已有认定中心覆盖 ${result.covered} 条`,
        result.total > result.covered
          ? `尚未覆盖：${result.leaves
              .filter((l) => !l.covered)
              .map((l) => l.name)
              .join('、')}`
          : '已全覆盖',
      ],
    )
  }
  if (target.metric === 'pilotServiceProjects') {
    const provider = centerFacts()
    const from = `${years[0]}-01-01`
    const series = []
    for (const year of years) {
      const day = dayOfYear(year)
      series.push({ year, value: day ? await provider.pilotServiceProjects(city, from, day) : null })
    }
    const current = await provider.pilotServiceProjects(city, from, today())
    return done(current, target.min, series, [
      current === null ? '平台暂无中试服务项目记录' : `${from} 以来中试服务项目 ${current} 个（${provider.source}）`,
    ])
  }
  return done(null, null, [], [`不由平台计算：${target.reason}`])
}

/** 目标与进度 (seed 002 “1620”与中试平台目标, seed 004 总体目标): every target of the city's rules, from the records. */
export async function targetsProgress(_actor: Actor, cityInput: string) {
  const city = await cityOf(cityInput)
  const versions = await versionsInForceForCity(city, today())
  const items: Progress[] = []
  for (const version of versions) {
    const first = Number(version.effectiveFrom.slice(0, 4))
    for (const target of version.document.targets) {
      const years = []
      for (let y = first; y <= Number(target.by.slice(0, 4)); y++) years.push(y)
      items.push(await progressOf(city, target, years, describeVersion(version)))
    }
  }
  return { city, cityName: await shortName(city), on: today(), items }
}

/** Which chains of the city's industry system have an accredited PoC center, and which do not. */
export async function coverageOf(cityInput: string, systemCode?: string) {
  const city = await cityOf(cityInput)
  const systems = (await systemsFor(city)).filter((s) => s.jurisdictionCode === city)
  const system = systemCode ? systems.find((s) => s.code === systemCode) : systems[0]
  if (!system)
    throw new AppError('VALIDATION_FAILED', systemCode ? `本市没有产业体系 ${systemCode}` : '本市尚未登记产业体系', {
      fields: [{ path: 'system', message: '产业体系不存在' }],
    })
  const centers = (await standingsOf(city, 'pocCenter'))
    .map((s) => ({ s, level: levelOn(s, today()) }))
    .filter((x) => x.level !== null)
    .map(({ s, level }) => ({
      id: s.carrier.id,
      name: s.carrier.name,
      level: carrierLevelLabels[level!],
      industryCodes: s.carrier.industryCodes,
    }))
  const result = computeCoverage(system.code, system.nodes, centers)
  return { city, systemCode: system.code, systemName: system.name, on: today(), ...result }
}

export async function coverage(_actor: Actor, city: string, systemCode?: string) {
  return coverageOf(city, systemCode)
}
