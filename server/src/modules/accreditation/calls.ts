import { and, desc, eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { type CarrierKindAccredited, cityOf, kindLabels, requireOwnCity, shortName, today } from './areas'
import { findCall } from './records'
import { describeVersion, requireAmount, requireSection } from './rule-params'
import { getRuleVersion, ruleInForce } from './rules'
import { accreditationCalls } from './schema'

type CallInput = {
  carrierKind: CarrierKindAccredited
  title: string
  description: string
  openedOn?: string
  deadline: string
}

function refuse(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })
}

/** 通知发布 (seed 004 三(一)): under the rules in force on the day it opens, which must leave nothing 待定 for the procedure. */
export async function openCall(actor: Actor, input: CallInput) {
  requirePermission(actor, 'accreditation.manage')
  const user = requireUser(actor)
  const city = await cityOf(user.jurisdictionCode)
  await requireOwnCity(actor, city)
  const openedOn = input.openedOn ?? today()
  if (openedOn < today()) refuse('openedOn', '发布日期不能早于今天')
  if (input.deadline < openedOn) refuse('deadline', '申报截止日期不能早于发布日期')
  const version = await ruleInForce(city, input.carrierKind, openedOn)
  requireSection(version, 'conditions')
  requireAmount(version, requireSection(version, 'procedure').noticeWorkdays)
  const id = newId()
  await db.transaction(async (tx) => {
    const at = now()
    const [row] = await tx
      .insert(accreditationCalls)
      .values({
        id,
        jurisdictionCode: city,
        carrierKind: input.carrierKind,
        ruleVersionId: version.id,
        title: input.title,
        description: input.description,
        openedOn,
        deadline: input.deadline,
        status: 'open',
        createdBy: user.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await audit(tx, actor, {
      action: 'accreditation.call.open',
      targetType: 'accreditationCall',
      targetId: id,
      after: row,
      detail: { ruleVersionId: version.id, deadline: input.deadline },
    })
  })
  return getCall(actor, id)
}

export async function closeCall(actor: Actor, id: string) {
  requirePermission(actor, 'accreditation.manage')
  const call = await findCall(id)
  await requireOwnCity(actor, call.jurisdictionCode)
  if (call.status === 'closed') throw new AppError('STATE_INVALID', '该通知已截止')
  await db.transaction(async (tx) => {
    await tx.update(accreditationCalls).set({ status: 'closed', updatedAt: now() }).where(eq(accreditationCalls.id, id))
    await audit(tx, actor, { action: 'accreditation.call.close', targetType: 'accreditationCall', targetId: id })
  })
  return getCall(actor, id)
}

/** Whether a call takes first submissions today. */
export function isAccepting(call: { status: string; openedOn: string; deadline: string }, on = today()): boolean {
  return call.status === 'open' && call.openedOn <= on && on <= call.deadline
}

async function present(row: typeof accreditationCalls.$inferSelect) {
  const version = await getRuleVersion(row.ruleVersionId)
  return {
    id: row.id,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: await shortName(row.jurisdictionCode),
    carrierKind: row.carrierKind,
    carrierKindLabel: kindLabels[row.carrierKind],
    title: row.title,
    description: row.description,
    openedOn: row.openedOn,
    deadline: row.deadline,
    status: row.status,
    accepting: isAccepting(row),
    ruleVersionId: row.ruleVersionId,
    ruleVersion: describeVersion(version),
    namePattern: version.document.namePattern?.template ?? null,
    conditions: (version.document.conditions ?? []).map((c) => ({ id: c.id, label: c.label, cite: c.cite })),
  }
}

export async function getCall(_actor: Actor, id: string) {
  return present(await findCall(id))
}

export async function listCalls(_actor: Actor, city?: string) {
  const rows = await db
    .select()
    .from(accreditationCalls)
    .where(city ? and(eq(accreditationCalls.jurisdictionCode, city)) : undefined)
    .orderBy(desc(accreditationCalls.openedOn))
  return { items: await Promise.all(rows.map(present)) }
}
