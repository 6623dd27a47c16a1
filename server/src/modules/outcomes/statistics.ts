import { and, eq, inArray, min, type SQL, sql, sum } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import { acceptedHandoffs } from '../handoffs/service'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { organizationNames } from '../organizations/service'
import { cityOf } from '../projects/access'
import { projectEvents, projects } from '../projects/schema'
import { firstReportDates } from '../verification/queries'
import { landingKinds, type OutcomeKind, projectOutcomes } from './schema'

/**
 * What accreditation (seed 004 认定条件, 绩效评价) and the cockpit count, over a period of calendar dates
 * (Asia/Shanghai, both ends included). A project counts once, in the period of its first such event:
 * admitted = first 入库; verified = first verification report; samples / products / landings = first record
 * of that kind; pilot service projects = first accepted hand-off. Money is summed over the period.
 */
export type PipelineStatistics = {
  from: string
  to: string
  admitted: number
  verified: number
  samples: number
  products: number
  samplesOrProducts: number
  landings: number
  landingsByKind: Record<(typeof landingKinds)[number], number>
  landingAmountFen: number
  fundingFen: number
  serviceRevenueFen: number
  /** Hand-offs the organization's pilot platforms (or the city's) accepted: 中试服务项目. */
  pilotServiceProjects: number
  /** The organization's own projects taken over by a pilot platform (zero for a city: see pilotServiceProjects). */
  handedOff: number
}

type Scope = { centerOrgId: string } | { cityCode: string }
type Dated = { projectId: string; first: string | null }

const inPeriod = (rows: readonly Dated[], from: string, to: string) =>
  rows.filter((r) => r.first !== null && r.first >= from && r.first <= to).length

function checkPeriod(from: string, to: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to)
    throw new AppError('VALIDATION_FAILED', '统计期间应为 YYYY-MM-DD 格式，且开始日期不晚于结束日期', { from, to })
}

async function firstOutcomes(scope: SQL, kinds: readonly OutcomeKind[]): Promise<Dated[]> {
  return db
    .select({ projectId: projectOutcomes.projectId, first: min(projectOutcomes.occurredOn) })
    .from(projectOutcomes)
    .where(and(scope, inArray(projectOutcomes.kind, [...kinds])))
    .groupBy(projectOutcomes.projectId)
}

async function amounts(scope: SQL, from: string, to: string) {
  const rows = await db
    .select({ kind: projectOutcomes.kind, total: sum(projectOutcomes.amountFen) })
    .from(projectOutcomes)
    .where(and(scope, sql`${projectOutcomes.occurredOn} between ${from} and ${to}`))
    .groupBy(projectOutcomes.kind)
  return (kinds: readonly OutcomeKind[]) =>
    rows.filter((r) => kinds.includes(r.kind)).reduce((total, r) => total + Number(r.total ?? 0), 0)
}

/** Projects admitted to the pool: the date (Asia/Shanghai) of each project's first 入库 event. */
async function firstAdmissions(projectScope: SQL): Promise<Dated[]> {
  // Read only: the projects module has no counting function for its events.
  const day = sql<string>`to_char(min(${projectEvents.at}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
  return db
    .select({ projectId: projectEvents.projectId, first: day })
    .from(projectEvents)
    .innerJoin(projects, eq(projects.id, projectEvents.projectId))
    .where(and(projectScope, eq(projectEvents.to, 'admitted')))
    .groupBy(projectEvents.projectId)
}

function firstPerProject(rows: readonly { projectId: string; respondedOn: string | null }[]): Dated[] {
  const first = new Map<string, string>()
  for (const r of rows) {
    if (r.respondedOn === null) continue
    const seen = first.get(r.projectId)
    if (!seen || r.respondedOn < seen) first.set(r.projectId, r.respondedOn)
  }
  return [...first].map(([projectId, date]) => ({ projectId, first: date }))
}

async function statistics(scope: Scope, from: string, to: string): Promise<PipelineStatistics> {
  checkPeriod(from, to)
  const isCenter = 'centerOrgId' in scope
  const outcomeScope = isCenter
    ? eq(projectOutcomes.centerOrgId, scope.centerOrgId)
    : eq(projectOutcomes.cityCode, scope.cityCode)
  const projectScope = isCenter
    ? eq(projects.centerOrgId, scope.centerOrgId)
    : inArray(projects.jurisdictionCode, await descendantsOf(scope.cityCode))
  const sumOf = await amounts(outcomeScope, from, to)
  const landingsByKind = Object.fromEntries(
    await Promise.all(landingKinds.map(async (k) => [k, inPeriod(await firstOutcomes(outcomeScope, [k]), from, to)])),
  ) as PipelineStatistics['landingsByKind']
  const reports = await firstReportDates(isCenter ? { centerOrgId: scope.centerOrgId } : { cityCode: scope.cityCode })
  const served = await acceptedHandoffs(
    isCenter ? { platformOrgId: scope.centerOrgId } : { platformCityCode: scope.cityCode },
  )
  const handedOff = isCenter ? await acceptedHandoffs({ centerOrgId: scope.centerOrgId }) : []
  return {
    from,
    to,
    admitted: inPeriod(await firstAdmissions(projectScope), from, to),
    verified: inPeriod(
      reports.map((r) => ({ projectId: r.projectId, first: r.issuedOn })),
      from,
      to,
    ),
    samples: inPeriod(await firstOutcomes(outcomeScope, ['sample']), from, to),
    products: inPeriod(await firstOutcomes(outcomeScope, ['product']), from, to),
    samplesOrProducts: inPeriod(await firstOutcomes(outcomeScope, ['sample', 'product']), from, to),
    landings: inPeriod(await firstOutcomes(outcomeScope, landingKinds), from, to),
    landingsByKind,
    landingAmountFen: sumOf(['license', 'transfer', 'equity']),
    fundingFen: sumOf(['funding']),
    serviceRevenueFen: sumOf(['serviceFee']),
    pilotServiceProjects: inPeriod(firstPerProject(served), from, to),
    handedOff: inPeriod(firstPerProject(handedOff), from, to),
  }
}

/** A PoC center's (or pilot platform's) numbers for a period, for accreditation and performance evaluation. */
export function centerStatistics(centerOrgId: string, from: string, to: string): Promise<PipelineStatistics> {
  return statistics({ centerOrgId }, from, to)
}

/** A city's numbers for a period (its districts included), for the cockpit and the targets page. */
export function cityStatistics(cityCode: string, from: string, to: string): Promise<PipelineStatistics> {
  return statistics({ cityCode }, from, to)
}

/**
 * The caller's own numbers: a center's or pilot platform's operator sees its organization, a city or district
 * officer the city (统计卡片 on the workspace; the same figures accreditation counts).
 */
export async function myStatistics(actor: Actor, from: string, to: string) {
  requirePermission(actor, 'outcome.statistics')
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', '请登录后查看统计')
  if (actor.role === 'centerOperator' || actor.role === 'pilotPlatformOperator') {
    const names = await organizationNames([actor.orgId])
    const stats = await centerStatistics(actor.orgId, from, to)
    return { scope: 'organization' as const, scopeName: names.get(actor.orgId) ?? '', ...stats }
  }
  const city = await cityOf(actor.jurisdictionCode)
  const names = await jurisdictionNames([city])
  const stats = await cityStatistics(city, from, to)
  return { scope: 'city' as const, scopeName: names.get(city) ?? city, ...stats }
}
