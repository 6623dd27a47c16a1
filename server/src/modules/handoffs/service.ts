import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { getCarrier } from '../carriers/service'
import { findOrganization } from '../organizations/service'
import { cityOf, managesProject } from '../projects/access'
import { projectAccess } from '../projects/schema'
import { moveProject, visibleProject } from '../projects/service'
import type { HandoffQuery, OfferInput, RespondInput, WithdrawInput } from './contracts'
import { handoffs } from './schema'
import { type HandoffRow, isPlatformOf, presentHandoffs, visibleHandoff } from './view'

const accessReason = (handoffId: string) => `handoff:${handoffId}`

/** The projects module owns project_access and has no writer for it; a hand-off grants and revokes its own row. */
async function grantSight(tx: Transaction, projectId: string, orgId: string, handoffId: string) {
  await tx.insert(projectAccess).values({ projectId, orgId, reason: accessReason(handoffId), grantedAt: now() })
}
async function revokeSight(tx: Transaction, handoff: HandoffRow) {
  await tx
    .delete(projectAccess)
    .where(and(eq(projectAccess.projectId, handoff.projectId), eq(projectAccess.reason, accessReason(handoff.id))))
}

export async function managedProjectForHandoff(actor: Actor, projectId: string) {
  const project = await visibleProject(actor, projectId)
  if (!managesProject(actor, project)) throw new AppError('FORBIDDEN', '只有负责该项目的概念验证中心可以推送中试')
  return project
}

/**
 * 验证-中试联动 (seed 004 三(六)): the center offers a verified project to pilot platforms; each offer lets the
 * platform's organization see the project.
 */
export async function offerProject(actor: Actor, projectId: string, input: z.infer<typeof OfferInput>) {
  requirePermission(actor, 'handoff.manage')
  const project = await managedProjectForHandoff(actor, projectId)
  if (project.status !== 'verified' && project.status !== 'handedOff')
    throw new AppError('STATE_INVALID', '只有验证完成的项目可以推送至中试平台', { status: project.status })
  const platforms: { carrier: Awaited<ReturnType<typeof getCarrier>>; cityCode: string }[] = []
  for (const carrierId of input.carrierIds) {
    const carrier = await getCarrier(actor, carrierId).catch(() => undefined)
    const org = carrier ? await findOrganization(carrier.ownerOrgId) : undefined
    if (carrier?.kind !== 'pilotPlatform' || carrier.archived || org?.status !== 'active')
      throw new AppError('VALIDATION_FAILED', '所选载体不是有效的中试平台', {
        fields: [{ path: 'carrierIds', message: `${carrierId} 不是有效的中试平台` }],
      })
    platforms.push({ carrier, cityCode: await cityOf(carrier.jurisdictionCode) })
  }
  const created = await db.transaction(async (tx) => {
    const open = await tx
      .select({ carrierId: handoffs.platformCarrierId })
      .from(handoffs)
      .where(and(eq(handoffs.projectId, projectId), inArray(handoffs.status, ['offered', 'accepted'])))
      .for('update')
    const rows: HandoffRow[] = []
    for (const { carrier, cityCode } of platforms) {
      if (open.some((o) => o.carrierId === carrier.id))
        throw new AppError('CONFLICT', `已向“${carrier.name}”推送过该项目`, { carrierId: carrier.id })
      const [row] = await tx
        .insert(handoffs)
        .values({
          id: newId(),
          projectId,
          centerOrgId: project.centerOrgId,
          platformCarrierId: carrier.id,
          platformOrgId: carrier.ownerOrgId,
          platformCityCode: cityCode,
          message: input.message,
          status: 'offered',
          offeredBy: actor.kind === 'user' ? actor.userId : null,
          offeredAt: now(),
        })
        .returning()
      await grantSight(tx, projectId, carrier.ownerOrgId, row!.id)
      await audit(tx, actor, {
        action: 'handoff.offer',
        targetType: 'handoff',
        targetId: row!.id,
        after: row,
        detail: { projectId, platform: carrier.name },
      })
      rows.push(row!)
    }
    return rows
  })
  return { items: await presentHandoffs(actor, created) }
}

async function platformHandoff(actor: Actor, id: string): Promise<HandoffRow> {
  const row = await visibleHandoff(actor, id)
  if (!isPlatformOf(actor, row)) throw new AppError('FORBIDDEN', '只有受邀的中试平台可以答复')
  return row
}

/** The platform accepts (the project goes 中试中) or declines with a reason (and no longer sees it). */
export async function respondToOffer(actor: Actor, id: string, input: RespondInput) {
  requirePermission(actor, 'handoff.respond')
  const before = await platformHandoff(actor, id)
  const at = now()
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(handoffs)
      .set({
        status: input.decision === 'accept' ? 'accepted' : 'declined',
        respondedBy: actor.kind === 'user' ? actor.userId : null,
        respondedAt: at,
        respondedOn: todayInShanghai(at),
        responseReason: input.reason ?? null,
        version: before.version + 1,
      })
      .where(and(eq(handoffs.id, id), eq(handoffs.status, 'offered')))
      .returning()
    if (!row) throw new AppError('STATE_INVALID', '该推送已答复或已撤回')
    if (input.decision === 'accept') await moveProject(tx, actor, row.projectId, 'handedOff', '中试平台承接')
    else await revokeSight(tx, row)
    await audit(tx, actor, {
      action: input.decision === 'accept' ? 'handoff.accept' : 'handoff.decline',
      targetType: 'handoff',
      targetId: id,
      before,
      after: row,
      detail: { reason: input.reason ?? null },
    })
    return row
  })
  return (await presentHandoffs(actor, [row]))[0]!
}

export async function withdrawOffer(actor: Actor, id: string, input: z.infer<typeof WithdrawInput>) {
  requirePermission(actor, 'handoff.manage')
  const before = await visibleHandoff(actor, id)
  await managedProjectForHandoff(actor, before.projectId)
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(handoffs)
      .set({ status: 'withdrawn', responseReason: input.reason, version: before.version + 1 })
      .where(and(eq(handoffs.id, id), eq(handoffs.status, 'offered')))
      .returning()
    if (!row) throw new AppError('STATE_INVALID', '只能撤回尚未答复的推送')
    await revokeSight(tx, row)
    await audit(tx, actor, {
      action: 'handoff.withdraw',
      targetType: 'handoff',
      targetId: id,
      detail: { reason: input.reason },
    })
    return row
  })
  return (await presentHandoffs(actor, [row]))[0]!
}

export async function getHandoff(actor: Actor, id: string) {
  requirePermission(actor, 'handoff.read')
  return (await presentHandoffs(actor, [await visibleHandoff(actor, id)]))[0]!
}

/** A project's hand-offs: all of them for those who see the project, its own for a pilot platform. */
export async function projectHandoffs(actor: Actor, projectId: string) {
  requirePermission(actor, 'handoff.read')
  await visibleProject(actor, projectId)
  const rows = await db
    .select()
    .from(handoffs)
    .where(eq(handoffs.projectId, projectId))
    .orderBy(desc(handoffs.offeredAt))
  const isPlatform = actor.kind === 'user' && actor.role === 'pilotPlatformOperator'
  return { items: await presentHandoffs(actor, isPlatform ? rows.filter((r) => isPlatformOf(actor, r)) : rows) }
}

/** 我的中试对接: offers to the caller's platform, or from the caller's center. */
export async function myHandoffs(actor: Actor, query: z.infer<typeof HandoffQuery>) {
  requirePermission(actor, 'handoff.read')
  if (actor.kind !== 'user') return { items: [] }
  const conditions: (SQL | undefined)[] = [
    or(eq(handoffs.platformOrgId, actor.orgId), eq(handoffs.centerOrgId, actor.orgId)),
    query.status ? eq(handoffs.status, query.status) : undefined,
  ]
  const rows = await db
    .select()
    .from(handoffs)
    .where(and(...conditions))
    .orderBy(desc(handoffs.offeredAt))
    .limit(200)
  return { items: await presentHandoffs(actor, rows) }
}

/** For statistics: accepted hand-offs (中试服务项目) by the platform's or the center's organization, or by city. */
export async function acceptedHandoffs(by: {
  platformOrgId?: string
  centerOrgId?: string
  platformCityCode?: string
}) {
  const conditions = [
    inArray(handoffs.status, ['accepted', 'completed']),
    by.platformOrgId ? eq(handoffs.platformOrgId, by.platformOrgId) : undefined,
    by.centerOrgId ? eq(handoffs.centerOrgId, by.centerOrgId) : undefined,
    by.platformCityCode ? eq(handoffs.platformCityCode, by.platformCityCode) : undefined,
  ]
  return db
    .select({ projectId: handoffs.projectId, respondedOn: handoffs.respondedOn })
    .from(handoffs)
    .where(and(...conditions))
}
