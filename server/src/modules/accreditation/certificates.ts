import { and, count, eq, like, sql } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { setCarrierAccreditation } from '../carriers/service'
import { catchUp } from '../search/service'
import { assertMove } from './application-flow'
import { requireOwnCity, today } from './areas'
import { conditionStatusLabels } from './conditions'
import { findNotice } from './notices'
import { findApplication, findCall, lockApplication, recordEvent, restoreCarrier } from './records'
import { describeVersion, requireSection } from './rule-params'
import { getRuleVersion, ruleInForce } from './rules'
import { accreditationApplications, accreditations, noticeObjections, type Step } from './schema'
import { getApplication } from './view'

const kindCodes = { pocCenter: 'POC', pilotPlatform: 'PILOT' } as const

/** The platform's certificate number: area, kind, year and a sequence (the guideline prescribes no format). */
export async function nextCertificateNo(tx: Transaction, city: string, kind: keyof typeof kindCodes, year: number) {
  const prefix = `${city}-${kindCodes[kind]}-${year}-`
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`)
  const [row] = await tx
    .select({ n: count() })
    .from(accreditations)
    .where(like(accreditations.certificateNo, `${prefix}%`))
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(3, '0')}`
}

/** 异议处理: an upheld objection ends the application (不予认定); a dismissed one lets it proceed. */
export async function resolveObjection(
  actor: Actor,
  id: string,
  input: { outcome: 'upheld' | 'dismissed'; note: string },
) {
  requirePermission(actor, 'accreditation.manage')
  const user = requireUser(actor)
  const [objection] = await db.select().from(noticeObjections).where(eq(noticeObjections.id, id))
  if (!objection) throw notFound('异议')
  const notice = await findNotice(objection.noticeId)
  await requireOwnCity(actor, notice.jurisdictionCode)
  if (objection.status !== 'open') throw new AppError('STATE_INVALID', '该异议已处理')
  await db.transaction(async (tx) => {
    await tx
      .update(noticeObjections)
      .set({ status: input.outcome, resolutionNote: input.note, resolvedBy: user.userId, resolvedAt: now() })
      .where(eq(noticeObjections.id, id))
    if (input.outcome === 'upheld') {
      const app = await lockApplication(tx, objection.applicationId)
      if (app.status === 'inNotice') {
        await tx
          .update(accreditationApplications)
          .set({
            status: 'rejected',
            decisionNote: `异议成立：${input.note}`,
            version: app.version + 1,
            updatedAt: now(),
          })
          .where(eq(accreditationApplications.id, app.id))
        await restoreCarrier(tx, actor, app, '公示异议成立，不予认定')
        await recordEvent(tx, actor, app.id, 'inNotice', 'rejected', `异议成立：${input.note}`)
      }
    }
    await audit(tx, actor, {
      action: 'accreditation.objection.resolve',
      targetType: 'noticeObjection',
      targetId: id,
      detail: { outcome: input.outcome, applicationId: objection.applicationId },
    })
  })
  await catchUp()
  return { id, status: input.outcome }
}

/**
 * 正式认定 (seed 004 三(四)): after the notice period, with every objection resolved, under the rules in force
 * today; issues the certificate and updates the carrier registry.
 */
export async function accreditApplication(actor: Actor, id: string, version: number) {
  requirePermission(actor, 'accreditation.manage')
  const app = await findApplication(id)
  if (!app) throw notFound('认定申报')
  const call = await findCall(app.callId)
  await requireOwnCity(actor, call.jurisdictionCode)
  assertMove(app.status, 'accredited')
  const notice = await findNotice(app.noticeId!)
  const on = today()
  if (on <= notice.endOn) throw new AppError('STATE_INVALID', `公示期至 ${notice.endOn} 结束，期满后方可正式认定`)
  const objections = await db.select().from(noticeObjections).where(eq(noticeObjections.applicationId, id))
  const open = objections.filter((o) => o.status === 'open')
  if (open.length) throw new AppError('STATE_INVALID', `公示期内收到的 ${open.length} 件异议尚未处理，处理后方可认定`)
  const rule = await ruleInForce(call.jurisdictionCode, call.carrierKind, on)
  const procedure = requireSection(rule, 'procedure')
  const checkedBy = app.checks ? describeVersion(await getRuleVersion(app.checks.ruleVersionId)) : '—'
  const explanation: Step[] = [
    {
      step: `认定条件 ${app.checks?.results.length ?? 0} 项`,
      because: `${app.checks?.on ?? ''} 审核推荐时逐项核验：${(app.checks?.results ?? []).map((r) => `${r.label}${conditionStatusLabels[r.status]}`).join('；')}（${checkedBy}）`,
    },
    { step: `公示 ${notice.startOn} 至 ${notice.endOn}`, because: `${notice.workdays.length} 个工作日，已期满` },
    {
      step: `异议 ${objections.length} 件`,
      because: objections.length ? '均已处理，异议不成立' : '公示期满无异议（指引 三(四)）',
    },
    { step: `${on} 正式认定`, because: `${describeVersion(rule)}：${procedure.steps.at(-1)?.label ?? '正式认定'}` },
  ]
  const accreditationId = newId()
  const year = Number(on.slice(0, 4))
  await db.transaction(async (tx) => {
    const before = await lockApplication(tx, id, version)
    assertMove(before.status, 'accredited')
    const certificateNo = await nextCertificateNo(tx, call.jurisdictionCode, call.carrierKind, year)
    const at = now()
    const [row] = await tx
      .insert(accreditations)
      .values({
        id: accreditationId,
        carrierId: before.carrierId,
        orgId: before.applicantOrgId,
        applicationId: id,
        ruleVersionId: rule.id,
        jurisdictionCode: call.jurisdictionCode,
        carrierKind: call.carrierKind,
        level: rule.document.level,
        name: before.centerName,
        certificateNo,
        accreditedOn: on,
        source: 'platform',
        status: 'active',
        explanation,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await tx
      .update(accreditationApplications)
      .set({ status: 'accredited', version: before.version + 1, updatedAt: at })
      .where(and(eq(accreditationApplications.id, id)))
    await setCarrierAccreditation(
      tx,
      actor,
      before.carrierId,
      {
        accreditationStatus: 'accredited',
        level: rule.document.level,
        accreditationYear: year,
        name: before.centerName,
      },
      `正式认定，证书编号 ${certificateNo}`,
    )
    await recordEvent(tx, actor, id, 'inNotice', 'accredited', `证书编号 ${certificateNo}`)
    await audit(tx, actor, {
      action: 'accreditation.accredit',
      targetType: 'accreditation',
      targetId: accreditationId,
      after: row,
      detail: { applicationId: id, certificateNo, ruleVersionId: rule.id },
    })
  })
  await catchUp()
  return getApplication(actor, id)
}
