import { and, desc, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { assertIndustryCodes } from '../industries/service'
import { descendantsOf } from '../jurisdictions/service'
import { organizationNames } from '../organizations/service'
import { cityOf } from './access'
import type { CreateSolicitation } from './contracts'
import { solicitations } from './schema'

type Row = typeof solicitations.$inferSelect

async function present(rows: Row[]) {
  const names = await organizationNames(rows.map((r) => r.issuerOrgId))
  const today = todayInShanghai(now())
  return rows.map((r) => ({
    id: r.id,
    issuerOrgId: r.issuerOrgId,
    issuerOrgName: names.get(r.issuerOrgId) ?? '',
    jurisdictionCode: r.jurisdictionCode,
    title: r.title,
    description: r.description,
    industryCodes: r.industryCodes,
    requirements: r.requirements,
    deadline: r.deadline,
    // A call past its deadline is closed whatever was stored.
    status: r.status === 'open' && r.deadline >= today ? ('open' as const) : ('closed' as const),
    createdAt: r.createdAt.toISOString(),
  }))
}

/** 征集: a center or a bureau publishes a call for projects (苗圃计划, seed 002 item 11). */
export async function createSolicitation(actor: Actor, input: z.infer<typeof CreateSolicitation>) {
  requirePermission(actor, 'solicitation.manage')
  const user = requireUser(actor)
  if (input.deadline < todayInShanghai(now())) {
    throw new AppError('VALIDATION_FAILED', '截止日期不能早于今天', {
      fields: [{ path: 'deadline', message: '截止日期不能早于今天' }],
    })
  }
  await assertIndustryCodes(user.jurisdictionCode, input.industryCodes)
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(solicitations)
      .values({
        ...input,
        id: newId(),
        issuerOrgId: user.orgId,
        jurisdictionCode: user.jurisdictionCode,
        status: 'open',
        createdBy: user.userId,
        createdAt: now(),
        updatedAt: now(),
      })
      .returning()
    await audit(tx, actor, {
      action: 'solicitation.create',
      targetType: 'solicitation',
      targetId: created!.id,
      after: created,
    })
    return created!
  })
  return (await present([row]))[0]!
}

export async function closeSolicitation(actor: Actor, id: string) {
  requirePermission(actor, 'solicitation.manage')
  const user = requireUser(actor)
  const row = await db.transaction(async (tx) => {
    const [call] = await tx.select().from(solicitations).where(eq(solicitations.id, id)).for('update')
    if (!call) throw notFound('征集通知')
    if (call.issuerOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有发布单位可以关闭征集')
    const [updated] = await tx
      .update(solicitations)
      .set({ status: 'closed', updatedAt: now() })
      .where(eq(solicitations.id, id))
      .returning()
    await audit(tx, actor, { action: 'solicitation.close', targetType: 'solicitation', targetId: id })
    return updated!
  })
  return (await present([row]))[0]!
}

/** Public calls of a city (open ones first). */
export async function listSolicitations(_actor: Actor, cityCode?: string) {
  const where = cityCode
    ? inArray(solicitations.jurisdictionCode, await descendantsOf(await cityOf(cityCode)))
    : undefined
  const rows = await db.select().from(solicitations).where(and(where)).orderBy(desc(solicitations.deadline)).limit(200)
  return { items: await present(rows) }
}

export async function getSolicitation(_actor: Actor, id: string) {
  const [row] = await db.select().from(solicitations).where(eq(solicitations.id, id))
  if (!row) throw notFound('征集通知')
  return (await present([row]))[0]!
}
