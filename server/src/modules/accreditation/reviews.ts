import { eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { findCarrier } from '../carriers/service'
import { catchUp } from '../search/service'
import { assertMove } from './application-flow'
import { checkApplication, requireAllMet } from './applications'
import { requireOwnCity, today } from './areas'
import { findApplication, findCall, lockApplication, mayReview, recordEvent, restoreCarrier } from './records'
import { type ApplicationStatus, accreditationApplications, type CheckSnapshot } from './schema'
import { getApplication } from './view'

const reviewMoves = { return: 'returned', recommend: 'recommended', notRecommend: 'notRecommended' } as const
const proposeMoves = { propose: 'proposed', notPropose: 'notProposed' } as const

async function reviewable(actor: Actor, id: string) {
  const app = await findApplication(id)
  if (!app) throw notFound('认定申报')
  const call = await findCall(app.callId)
  if (!(await mayReview(actor, app, call.jurisdictionCode)))
    throw new AppError('FORBIDDEN', '由申报单位所在县(市、区)、功能区科技管理部门审核推荐', { id })
  return { app, call }
}

async function move(
  actor: Actor,
  id: string,
  version: number,
  to: ApplicationStatus,
  note: string | null,
  action: string,
  checks?: CheckSnapshot,
) {
  await db.transaction(async (tx) => {
    const before = await lockApplication(tx, id, version)
    assertMove(before.status, to)
    await tx
      .update(accreditationApplications)
      .set({
        status: to,
        decisionNote: note,
        version: before.version + 1,
        updatedAt: now(),
        ...(checks ? { checks } : {}),
      })
      .where(eq(accreditationApplications.id, id))
    if (to === 'notRecommended' || to === 'notProposed') await restoreCarrier(tx, actor, before, note ?? to)
    await recordEvent(tx, actor, id, before.status, to, note)
    await audit(tx, actor, {
      action,
      targetType: 'accreditationApplication',
      targetId: id,
      detail: { from: before.status, to, note },
    })
  })
  await catchUp()
}

/**
 * 审核推荐 (seed 004 三(三)): the district checks operating status, credit and the truth of the materials; it
 * may return the application for correction, or recommend it — only when every condition still holds today.
 */
export async function reviewApplication(
  actor: Actor,
  id: string,
  input: { decision: keyof typeof reviewMoves; note?: string; version: number },
) {
  requirePermission(actor, 'accreditation.review')
  const { app, call } = await reviewable(actor, id)
  assertMove(app.status, reviewMoves[input.decision])
  let checks: CheckSnapshot | undefined
  if (input.decision === 'recommend') {
    const carrier = await findCarrier(app.carrierId)
    if (!carrier) throw notFound('载体')
    checks = await checkApplication(call, carrier, app, today())
    requireAllMet(checks, '推荐')
  }
  const note = input.note ?? null
  await move(
    actor,
    id,
    input.version,
    reviewMoves[input.decision],
    note,
    `accreditation.review.${input.decision}`,
    checks,
  )
  return getApplication(actor, id)
}

/** 必要时进行现场考察: recorded on the application while it is under review. */
export async function recordSiteVisit(
  actor: Actor,
  id: string,
  input: { visitedOn: string; findings: string; version: number },
) {
  requirePermission(actor, 'accreditation.review')
  const { app } = await reviewable(actor, id)
  if (app.status !== 'submitted') throw new AppError('STATE_INVALID', '只有待审核的申报可以记录现场考察')
  if (input.visitedOn > today())
    throw new AppError('VALIDATION_FAILED', '考察日期不能晚于今天', {
      fields: [{ path: 'visitedOn', message: '考察日期不能晚于今天' }],
    })
  const user = requireUser(actor)
  await db.transaction(async (tx) => {
    const before = await lockApplication(tx, id, input.version)
    const visit = {
      visitedOn: input.visitedOn,
      findings: input.findings,
      byUserId: user.userId,
      byName: user.displayName,
    }
    await tx
      .update(accreditationApplications)
      .set({ siteVisits: [...before.siteVisits, visit], version: before.version + 1, updatedAt: now() })
      .where(eq(accreditationApplications.id, id))
    await audit(tx, actor, {
      action: 'accreditation.siteVisit',
      targetType: 'accreditationApplication',
      targetId: id,
      detail: { visitedOn: input.visitedOn },
    })
  })
  return getApplication(actor, id)
}

/** 市科技局汇总推荐名单，确定拟认定名单 (seed 004 三(三)). */
export async function proposeApplication(
  actor: Actor,
  id: string,
  input: { decision: keyof typeof proposeMoves; note?: string; version: number },
) {
  requirePermission(actor, 'accreditation.manage')
  const app = await findApplication(id)
  if (!app) throw notFound('认定申报')
  const call = await findCall(app.callId)
  await requireOwnCity(actor, call.jurisdictionCode)
  await move(
    actor,
    id,
    input.version,
    proposeMoves[input.decision],
    input.note ?? null,
    `accreditation.${input.decision}`,
  )
  return getApplication(actor, id)
}
