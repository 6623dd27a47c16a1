import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser, systemActor } from '../../platform/auth/actor'
import { addDays } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { listYears, workdayCalendar } from '../calendar/service'
import { organizationNames } from '../organizations/service'
import { catchUp } from '../search/service'
import { applicationStatusLabels } from './application-flow'
import { requireOwnCity, shortName, today } from './areas'
import { findCall, recordEvent } from './records'
import { describeVersion, requireAmount, requireSection } from './rule-params'
import { ruleInForce } from './rules'
import { accreditationApplications, noticeObjections, publicNotices, type Step } from './schema'

/** The notice period in working days (公示 5 个工作日, seed 004 三(四)), explained day by day. */
export async function noticePeriod(startOn: string, workdays: number) {
  const days = (await workdayCalendar()).workdaysFrom(startOn, workdays)
  const endOn = days.at(-1)!
  const holidays = (await listYears(systemActor('notice period'))).items.flatMap((y) => y.holidays)
  const counted = new Set(days)
  const skipped: string[] = []
  for (let d = startOn; d <= endOn; d = addDays(d, 1)) if (!counted.has(d)) skipped.push(d)
  const named = holidays.filter((h) => skipped.some((d) => h.from <= d && d <= h.to))
  const steps: Step[] = [
    {
      step: `公示 ${workdays} 个工作日`,
      because: '拟认定名单公示 5 个工作日（指引 三(四)）；按国务院办公厅节假日安排计算',
    },
    {
      step: `首日 ${startOn}`,
      because: counted.has(startOn) ? '首日为工作日，计入' : '首日不是工作日，自其后第一个工作日起算',
    },
    { step: `计入的工作日：${days.join('、')}`, because: `截止 ${endOn}` },
  ]
  if (skipped.length)
    steps.push({
      step: `不计入：${skipped.join('、')}`,
      because: named.length ? `含${named.map((h) => `${h.name}（${h.from} 至 ${h.to}）`).join('、')}及周末` : '周末',
    })
  return { startOn, endOn, days, steps }
}

/** 公示发布: the city's proposed list of a call, with its period computed by the calendar. */
export async function publishNotice(actor: Actor, input: { callId: string; startOn: string; title?: string }) {
  requirePermission(actor, 'accreditation.manage')
  const user = requireUser(actor)
  const call = await findCall(input.callId)
  await requireOwnCity(actor, call.jurisdictionCode)
  if (input.startOn < today())
    throw new AppError('VALIDATION_FAILED', '公示开始日期不能早于今天', {
      fields: [{ path: 'startOn', message: '公示开始日期不能早于今天' }],
    })
  const proposed = await db
    .select()
    .from(accreditationApplications)
    .where(and(eq(accreditationApplications.callId, call.id), eq(accreditationApplications.status, 'proposed')))
  if (!proposed.length) throw new AppError('STATE_INVALID', '该通知下没有列入拟认定名单的申报')
  const version = await ruleInForce(call.jurisdictionCode, call.carrierKind, input.startOn)
  const workdays = requireAmount(version, requireSection(version, 'procedure').noticeWorkdays)
  const period = await noticePeriod(input.startOn, workdays)
  const id = newId()
  await db.transaction(async (tx) => {
    const [notice] = await tx
      .insert(publicNotices)
      .values({
        id,
        callId: call.id,
        jurisdictionCode: call.jurisdictionCode,
        ruleVersionId: version.id,
        title: input.title ?? `${call.title}拟认定名单公示`,
        startOn: period.startOn,
        endOn: period.endOn,
        workdays: period.days,
        explanation: [...period.steps, { step: '依据', because: describeVersion(version) }],
        publishedBy: user.userId,
        publishedAt: now(),
      })
      .returning()
    for (const app of proposed) {
      await tx
        .update(accreditationApplications)
        .set({ status: 'inNotice', noticeId: id, version: app.version + 1, updatedAt: now() })
        .where(eq(accreditationApplications.id, app.id))
      await recordEvent(tx, actor, app.id, 'proposed', 'inNotice', `公示期 ${period.startOn} 至 ${period.endOn}`)
    }
    await audit(tx, actor, {
      action: 'accreditation.notice.publish',
      targetType: 'publicNotice',
      targetId: id,
      after: notice,
      detail: { callId: call.id, applications: proposed.length, startOn: period.startOn, endOn: period.endOn },
    })
  })
  await catchUp()
  return getNotice(actor, id)
}

export async function findNotice(id: string) {
  const [row] = await db.select().from(publicNotices).where(eq(publicNotices.id, id))
  if (!row) throw notFound('公示')
  return row
}

const phaseOf = (n: { startOn: string; endOn: string }, on = today()): 'upcoming' | 'open' | 'ended' =>
  on < n.startOn ? 'upcoming' : on <= n.endOn ? 'open' : 'ended'
const phaseLabels = { upcoming: '即将公示', open: '公示中', ended: '公示期满' }

async function present(row: typeof publicNotices.$inferSelect) {
  const apps = await db
    .select()
    .from(accreditationApplications)
    .where(eq(accreditationApplications.noticeId, row.id))
    .orderBy(asc(accreditationApplications.centerName))
  const orgs = await organizationNames(apps.map((a) => a.applicantOrgId))
  const objections = await db
    .select({ applicationId: noticeObjections.applicationId, status: noticeObjections.status })
    .from(noticeObjections)
    .where(eq(noticeObjections.noticeId, row.id))
  const phase = phaseOf(row)
  return {
    id: row.id,
    callId: row.callId,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: await shortName(row.jurisdictionCode),
    title: row.title,
    startOn: row.startOn,
    endOn: row.endOn,
    workdays: row.workdays,
    explanation: row.explanation,
    phase,
    phaseLabel: phaseLabels[phase],
    publishedAt: row.publishedAt.toISOString(),
    entries: apps.map((a) => ({
      applicationId: a.id,
      centerName: a.centerName,
      organizationName: orgs.get(a.applicantOrgId) ?? '',
      status: a.status,
      statusLabel: applicationStatusLabels[a.status],
      objections: objections.filter((o) => o.applicationId === a.id).length,
      openObjections: objections.filter((o) => o.applicationId === a.id && o.status === 'open').length,
    })),
  }
}

export async function getNotice(_actor: Actor, id: string) {
  return present(await findNotice(id))
}

export async function listNotices(_actor: Actor, city?: string) {
  const rows = await db
    .select()
    .from(publicNotices)
    .where(city ? eq(publicNotices.jurisdictionCode, city) : undefined)
    .orderBy(desc(publicNotices.startOn))
  return { items: await Promise.all(rows.map(present)) }
}

/** 异议: any signed-in person may object to an entry while the notice runs (seed 004 三(四)). */
export async function fileObjection(actor: Actor, noticeId: string, input: { applicationId: string; reason: string }) {
  requirePermission(actor, 'accreditation.object')
  const user = requireUser(actor)
  const notice = await findNotice(noticeId)
  const phase = phaseOf(notice)
  if (phase !== 'open')
    throw new AppError(
      'STATE_INVALID',
      phase === 'upcoming'
        ? `公示自 ${notice.startOn} 开始，届时方可提出异议`
        : `公示期已于 ${notice.endOn} 结束，不再受理异议`,
    )
  const [app] = await db
    .select({ id: accreditationApplications.id })
    .from(accreditationApplications)
    .where(and(eq(accreditationApplications.id, input.applicationId), eq(accreditationApplications.noticeId, noticeId)))
  if (!app)
    throw new AppError('VALIDATION_FAILED', '所选单位不在本次公示名单中', {
      fields: [{ path: 'applicationId', message: '不在本次公示名单中' }],
    })
  const id = newId()
  await db.transaction(async (tx) => {
    await tx.insert(noticeObjections).values({
      id,
      noticeId,
      applicationId: input.applicationId,
      reason: input.reason,
      filedByUserId: user.userId,
      filedByOrgId: user.orgId,
      filedOn: today(),
      status: 'open',
      createdAt: now(),
    })
    await audit(tx, actor, {
      action: 'accreditation.objection.file',
      targetType: 'noticeObjection',
      targetId: id,
      detail: { noticeId, applicationId: input.applicationId },
    })
  })
  return { id, noticeId, applicationId: input.applicationId, status: 'open' as const, filedOn: today() }
}

export async function listObjections(actor: Actor, noticeId: string) {
  requirePermission(actor, 'accreditation.manage')
  const notice = await findNotice(noticeId)
  await requireOwnCity(actor, notice.jurisdictionCode)
  const rows = await db
    .select()
    .from(noticeObjections)
    .where(eq(noticeObjections.noticeId, noticeId))
    .orderBy(asc(noticeObjections.createdAt))
  const orgs = await organizationNames(rows.map((r) => r.filedByOrgId))
  const apps = rows.length
    ? await db
        .select({ id: accreditationApplications.id, centerName: accreditationApplications.centerName })
        .from(accreditationApplications)
        .where(
          inArray(
            accreditationApplications.id,
            rows.map((r) => r.applicationId),
          ),
        )
    : []
  return {
    items: rows.map((r) => ({
      id: r.id,
      applicationId: r.applicationId,
      centerName: apps.find((a) => a.id === r.applicationId)?.centerName ?? '',
      reason: r.reason,
      filedByOrgName: orgs.get(r.filedByOrgId) ?? '',
      filedOn: r.filedOn,
      status: r.status,
      resolutionNote: r.resolutionNote,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    })),
  }
}
