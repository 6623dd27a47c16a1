import { and, count, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { viewerOf, visibleCondition } from '../../platform/registry/confidentiality'
import { achievements } from '../achievements/schema'
import { carrierKindLabels } from '../carriers/labels'
import { carriers } from '../carriers/schema'
import { demands } from '../demands/schema'
import { enterpriseProfiles } from '../enterprises/schema'
import { eventSignups, matchmakingEvents } from '../events/schema'
import { experts } from '../experts/schema'
import { NATIONAL, systemsFor } from '../industries/service'
import { instruments } from '../instruments/schema'
import { descendantsOf, getJurisdiction, secretScope } from '../jurisdictions/service'
import { leads } from '../leads/schema'
import { organizations } from '../organizations/schema'
import { myStatistics } from '../outcomes/statistics'
import { scenarios } from '../scenarios/schema'
import type { Cockpit, CockpitQuery } from './contracts'

// Every registry table shares registryColumns(); these are the ones counted here.
type AnyRegistry =
  | typeof achievements
  | typeof demands
  | typeof enterpriseProfiles
  | typeof experts
  | typeof carriers
  | typeof instruments
  | typeof scenarios
const REGISTRIES: { type: string; label: string; table: AnyRegistry; open?: SQL }[] = [
  { type: 'achievement', label: '科技成果', table: achievements },
  { type: 'demand', label: '技术需求', table: demands, open: eq(demands.status, 'open') },
  { type: 'enterprise', label: '企业', table: enterpriseProfiles },
  { type: 'expert', label: '专家', table: experts },
  { type: 'carrier', label: '载体', table: carriers },
  { type: 'instrument', label: '共享仪器', table: instruments },
  { type: 'scenario', label: '应用场景', table: scenarios, open: eq(scenarios.status, 'open') },
]

/** The first instant of a Shanghai calendar date, and of the day after `to`. */
function periodBounds(from: string, to: string): [Date, Date] {
  const end = new Date(`${to}T00:00:00+08:00`)
  return [new Date(`${from}T00:00:00+08:00`), new Date(end.getTime() + 86_400_000)]
}

/**
 * 城市驾驶舱: what an officer's area holds and did over a period, counted with the same confidentiality rule
 * as every list (a district officer does not count another organization's 保密 records; a city officer does),
 * so no number here reveals a record its reader could not open.
 */
export async function cityCockpit(actor: Actor, query: CockpitQuery): Promise<Cockpit> {
  requirePermission(actor, 'cockpit.read')
  const user = requireUser(actor)
  const area = await getJurisdiction(user.jurisdictionCode)
  const areas = await descendantsOf(user.jurisdictionCode)
  const viewer = viewerOf(actor, await secretScope(actor))
  const [start, end] = periodBounds(query.from, query.to)
  const scoped = (type: string, table: AnyRegistry) =>
    and(visibleCondition(viewer, type, table), inArray(table.jurisdictionCode, areas), isNull(table.archivedAt))!

  const registries = await Promise.all(
    REGISTRIES.map(async ({ type, label, table, open }) => {
      const [row] = await db
        .select({
          total: count(),
          added: sql<number>`count(*) filter (where ${table.createdAt} >= ${start} and ${table.createdAt} < ${end})`,
          open: open ? sql<number>`count(*) filter (where ${open})` : sql<null>`null`,
        })
        .from(table as typeof achievements)
        .where(scoped(type, table))
      return {
        type,
        label,
        total: Number(row?.total ?? 0),
        added: Number(row?.added ?? 0),
        open: open ? Number(row?.open ?? 0) : null,
      }
    }),
  )
  const kinds = await db
    .select({ kind: carriers.kind, n: count() })
    .from(carriers)
    .where(scoped('carrier', carriers))
    .groupBy(carriers.kind)
  const carriersByKind = Object.entries(carrierKindLabels).map(([kind, label]) => ({
    kind,
    label,
    count: Number(kinds.find((k) => k.kind === kind)?.n ?? 0),
  }))

  const { system, chains } = await chainCoverage(user.jurisdictionCode, scoped)
  const statistics = await myStatistics(actor, query.from, query.to)
  return {
    area: { code: user.jurisdictionCode, name: area?.name ?? user.jurisdictionCode, districts: areas.length - 1 },
    from: query.from,
    to: query.to,
    registries,
    carriersByKind,
    system,
    chains,
    pipeline: {
      scopeName: statistics.scopeName,
      admitted: statistics.admitted,
      verified: statistics.verified,
      samplesOrProducts: statistics.samplesOrProducts,
      landings: statistics.landings,
      pilotServiceProjects: statistics.pilotServiceProjects,
      serviceRevenueFen: statistics.serviceRevenueFen,
      fundingFen: statistics.fundingFen,
      landingAmountFen: statistics.landingAmountFen,
    },
    connect: await connections(areas, start, end),
  }
}

/**
 * The chains (leaves) of the area's own industry system — a district's when it has one (湖里区), else its
 * city's — with the achievements, open demands and carriers filed under each.
 */
async function chainCoverage(
  code: string,
  scoped: (type: string, table: AnyRegistry) => SQL,
): Promise<Pick<Cockpit, 'system' | 'chains'>> {
  const [system] = (await systemsFor(code)).filter((s) => s.jurisdictionCode !== NATIONAL)
  if (!system) return { system: null, chains: [] }
  const codesOf = async (type: string, table: typeof achievements | typeof demands | typeof carriers, extra?: SQL) =>
    (
      await db
        .select({ codes: table.industryCodes })
        .from(table as typeof achievements)
        .where(and(scoped(type, table), extra))
    ).map((r) => r.codes)
  const [supply, demand, carrier] = await Promise.all([
    codesOf('achievement', achievements),
    codesOf('demand', demands, eq(demands.status, 'open')),
    codesOf('carrier', carriers),
  ])
  const chains = system.nodes
    .filter((n) => !system.nodes.some((c) => c.parentCode === n.code))
    .map((node) => {
      const prefix = `${system.code}:${node.code}`
      const under = (rows: string[][]) =>
        rows.filter((codes) => codes.some((c) => c === prefix || c.startsWith(`${prefix}-`))).length
      return {
        code: prefix,
        name: node.name,
        parent: system.nodes.find((p) => p.code === node.parentCode)?.name ?? null,
        achievements: under(supply),
        openDemands: under(demand),
        carriers: under(carrier),
      }
    })
  return { system: { code: system.code, name: system.name }, chains }
}

async function connections(areas: string[], start: Date, end: Date): Promise<Cockpit['connect']> {
  const [sent] = await db
    .select({ n: count() })
    .from(leads)
    .innerJoin(organizations, eq(organizations.id, leads.ownerOrgId))
    .where(and(inArray(organizations.jurisdictionCode, areas), gte(leads.createdAt, start), lt(leads.createdAt, end)))
  const held = and(
    inArray(matchmakingEvents.jurisdictionCode, areas),
    eq(matchmakingEvents.status, 'published'),
    gte(matchmakingEvents.startsAt, start),
    lt(matchmakingEvents.startsAt, end),
  )
  const [events] = await db.select({ n: count() }).from(matchmakingEvents).where(held)
  const [signups] = await db
    .select({ n: count() })
    .from(eventSignups)
    .innerJoin(matchmakingEvents, eq(matchmakingEvents.id, eventSignups.eventId))
    .where(and(held, eq(eventSignups.status, 'registered')))
  return { leads: Number(sent?.n ?? 0), events: Number(events?.n ?? 0), signups: Number(signups?.n ?? 0) }
}
