import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { carrierLevelLabels } from '../carriers/labels'
import { setCarrierAccreditation } from '../carriers/service'
import { findOrganizations } from '../organizations/service'
import { catchUp } from '../search/service'
import { areaName, cityOf, currentYear, kindLabels, requireOwnCity, today } from './areas'
import { standing } from './dynamic-management'
import { type AccreditationRow, findAccreditation } from './records'
import { describeVersion } from './rule-params'
import { getRuleVersion } from './rules'
import { accreditations, type Step } from './schema'

export const accreditationStatusLabels = { active: '有效', revoked: '已撤销', terminated: '已终止' } as const
const sourceLabels = { platform: '平台认定程序', registry: '载体登记（平台上线前认定）' }

/** Standing as a reader sees it: 注销法人登记 ends it automatically even before a sweep records it. */
export async function standings(rows: readonly AccreditationRow[]) {
  const orgs = new Map((await findOrganizations(db, { ids: rows.map((r) => r.orgId) })).map((o) => [o.id, o]))
  return new Map(
    rows.map((r) => [r.id, { ...standing(r.status, orgs.get(r.orgId)?.status === 'active'), org: orgs.get(r.orgId) }]),
  )
}

async function present(rows: AccreditationRow[]) {
  const derived = await standings(rows)
  const out = []
  for (const r of rows) {
    const s = derived.get(r.id)!
    out.push({
      id: r.id,
      carrierId: r.carrierId,
      name: r.name,
      orgId: r.orgId,
      orgName: s.org?.name ?? '',
      jurisdictionCode: r.jurisdictionCode,
      jurisdictionName: await areaName(r.jurisdictionCode),
      carrierKind: r.carrierKind,
      carrierKindLabel: kindLabels[r.carrierKind],
      level: r.level,
      levelLabel: carrierLevelLabels[r.level],
      certificateNo: r.certificateNo,
      accreditedOn: r.accreditedOn,
      source: r.source,
      sourceLabel: sourceLabels[r.source],
      ruleVersion: r.ruleVersionId ? describeVersion(await getRuleVersion(r.ruleVersionId)) : null,
      status: s.status,
      statusLabel: accreditationStatusLabels[s.status],
      statusBecause: s.because ?? r.endReason,
      endedOn: r.endedOn,
      barredUntil: r.barredUntil,
      explanation: r.explanation,
      version: r.version,
    })
  }
  return out
}

/** 认定名单: public, like the notices that led to it. */
export async function listAccreditations(
  _actor: Actor,
  query: { city?: string; kind?: 'pocCenter' | 'pilotPlatform'; status?: 'active' | 'revoked' | 'terminated' },
) {
  const conditions: (SQL | undefined)[] = [
    query.city ? eq(accreditations.jurisdictionCode, query.city) : undefined,
    query.kind ? eq(accreditations.carrierKind, query.kind) : undefined,
  ]
  const rows = await db
    .select()
    .from(accreditations)
    .where(and(...conditions))
    .orderBy(desc(accreditations.accreditedOn), asc(accreditations.certificateNo))
  const items = await present(rows)
  return { items: query.status ? items.filter((i) => i.status === query.status) : items }
}

export async function getAccreditation(_actor: Actor, id: string) {
  return (await present([await findAccreditation(id)]))[0]!
}

/** Ends an accreditation in the caller's transaction and marks the carrier 已撤销 in the registry. */
export async function endAccreditation(
  tx: Transaction,
  actor: Actor,
  row: AccreditationRow,
  end: {
    status: 'revoked' | 'terminated'
    endedOn: string
    reason: string
    cause?: string | null
    barredUntil?: string | null
    steps: Step[]
  },
) {
  const [locked] = await tx.select().from(accreditations).where(eq(accreditations.id, row.id)).for('update')
  if (locked?.status !== 'active') throw new AppError('STATE_INVALID', '该认定已撤销或终止')
  await tx
    .update(accreditations)
    .set({
      status: end.status,
      endedOn: end.endedOn,
      endReason: end.reason,
      endCause: end.cause ?? null,
      barredUntil: end.barredUntil ?? null,
      explanation: [...locked.explanation, ...end.steps],
      version: locked.version + 1,
      updatedAt: now(),
    })
    .where(eq(accreditations.id, row.id))
  await setCarrierAccreditation(
    tx,
    actor,
    row.carrierId,
    { accreditationStatus: 'revoked', level: row.level, accreditationYear: Number(end.endedOn.slice(0, 4)) },
    end.reason,
  )
  await audit(tx, actor, {
    action: `accreditation.${end.status === 'revoked' ? 'revoke' : 'terminate'}`,
    targetType: 'accreditation',
    targetId: row.id,
    before: locked,
    detail: {
      reason: end.reason,
      cause: end.cause ?? null,
      endedOn: end.endedOn,
      barredUntil: end.barredUntil ?? null,
    },
  })
}

/**
 * 注销法人登记的，其认定资格自动终止 (指引 五): records what readers already see, for the officer's city.
 * Returns the accreditations it ended.
 */
export async function sweepDeregistered(actor: Actor) {
  requirePermission(actor, 'accreditation.manage')
  const user = requireUser(actor)
  const city = await cityOf(user.jurisdictionCode)
  await requireOwnCity(actor, city)
  const active = await db
    .select()
    .from(accreditations)
    .where(and(eq(accreditations.jurisdictionCode, city), eq(accreditations.status, 'active')))
  const derived = await standings(active)
  const ended = active.filter((r) => derived.get(r.id)!.status === 'terminated')
  if (ended.length === 0) return { ended: [] }
  await db.transaction(async (tx) => {
    for (const row of ended)
      await endAccreditation(tx, actor, row, {
        status: 'terminated',
        endedOn: today(),
        reason: '建设单位注销法人登记，认定资格自动终止',
        steps: [{ step: `${today()} 核查机构库`, because: '建设单位已注销法人登记，认定资格自动终止（指引 五）' }],
      })
  })
  await catchUp()
  return {
    ended: await present(
      await db
        .select()
        .from(accreditations)
        .where(
          inArray(
            accreditations.id,
            ended.map((r) => r.id),
          ),
        ),
    ),
  }
}

/** Whether the year is one the center can be evaluated for: after its accreditation, before this year. */
export function evaluableYear(row: AccreditationRow, year: number): string | null {
  if (year >= currentYear()) return `只能评价已结束的年度（上年度绩效评价，指引 四），${year} 年尚未结束`
  if (year < Number(row.accreditedOn.slice(0, 4))) return `${year} 年早于认定年度`
  return null
}
