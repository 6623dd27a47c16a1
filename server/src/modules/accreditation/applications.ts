import { and, eq, isNotNull, or } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser, type UserActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { type CarrierRow, findCarrier, setCarrierAccreditation } from '../carriers/service'
import { findOrganization } from '../organizations/service'
import { catchUp } from '../search/service'
import { gatherApplicantFacts } from './applicant-facts'
import { applicationStatusLabels, assertMove, isOpen } from './application-flow'
import { isInCity, kindLabels, today } from './areas'
import { isAccepting } from './calls'
import { checkConditions, conditionStatusLabels, nameProblem } from './conditions'
import type { AttachmentInput, DeclaredFacts } from './declared'
import { reapplyBar } from './dynamic-management'
import { type CallRow, findCall, lockApplication, recordEvent, restoreCarrier } from './records'
import { requireSection } from './rule-params'
import { ruleInForce } from './rules'
import { type Attachment, accreditationApplications, accreditations, type CheckSnapshot } from './schema'
import { getApplication } from './view'

type Content = { centerName: string; declared: DeclaredFacts; attachments: AttachmentInput[] }

const attachmentsOf = (input: AttachmentInput[]): Attachment[] => input.map((a) => ({ ...a, note: a.note ?? null }))

function refuse(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })
}

/** Checks every condition under the rules in force on `on` (seed 004 二) and records which version was used. */
export async function checkApplication(
  call: CallRow,
  carrier: CarrierRow,
  content: Content,
  on: string,
): Promise<CheckSnapshot> {
  const version = await ruleInForce(call.jurisdictionCode, call.carrierKind, on)
  requireSection(version, 'conditions')
  const problem = nameProblem(version.document, content.centerName)
  if (problem) refuse('centerName', problem)
  const facts = await gatherApplicantFacts(call.jurisdictionCode, carrier, content.declared.advisoryExpertIds, on)
  const results = checkConditions(version.document, facts, {
    declared: content.declared,
    attachments: content.attachments,
  })
  return { ruleVersionId: version.id, on, results }
}

/** Refused (nothing written) while any condition is not met: every failing condition is named. */
export function requireAllMet(snapshot: CheckSnapshot, doing: string): void {
  const failing = snapshot.results.filter((r) => r.status !== 'met')
  if (!failing.length) return
  throw new AppError(
    'RULE_VIOLATION',
    `${doing}需满足全部认定条件，尚有 ${failing.length} 项未满足：${failing.map((r) => `${r.label}（${conditionStatusLabels[r.status]}）`).join('；')}`,
    { fields: failing.map((r) => ({ path: `conditions.${r.id}`, message: r.because })) },
  )
}

async function ownCarrier(user: UserActor, call: CallRow, carrierId: string): Promise<CarrierRow> {
  const carrier = await findCarrier(carrierId)
  if (!carrier || carrier.archivedAt) refuse('carrierId', '载体不存在或已归档')
  if (carrier.ownerOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只能为本单位运营的载体申报认定')
  if (carrier.kind !== call.carrierKind) refuse('carrierId', `该通知受理${kindLabels[call.carrierKind]}的申报`)
  return carrier
}

/** Before any application: in the city, not barred (指引 六), not already accredited, not applying elsewhere. */
async function assertMayApply(call: CallRow, carrier: CarrierRow, exceptId?: string) {
  const org = await findOrganization(carrier.ownerOrgId)
  if (!org || !(await isInCity(org.jurisdictionCode, call.jurisdictionCode)))
    throw new AppError('RULE_VIOLATION', '申报单位不在本市注册登记，不能申报本市认定')
  const bars = await db
    .select({ barredUntil: accreditations.barredUntil, endReason: accreditations.endReason })
    .from(accreditations)
    .where(
      and(
        or(eq(accreditations.orgId, org.id), eq(accreditations.carrierId, carrier.id)),
        isNotNull(accreditations.barredUntil),
      ),
    )
  const bar = reapplyBar(
    bars.map((b) => ({ barredUntil: b.barredUntil!, endReason: b.endReason ?? '撤销认定' })),
    today(),
  )
  if (bar) throw new AppError('RULE_VIOLATION', bar)
  const [active] = await db
    .select({ id: accreditations.id })
    .from(accreditations)
    .where(and(eq(accreditations.carrierId, carrier.id), eq(accreditations.status, 'active')))
  if (active || carrier.accreditationStatus === 'accredited')
    throw new AppError('STATE_INVALID', '该载体已获认定，无需重复申报')
  const others = await db
    .select({ id: accreditationApplications.id, status: accreditationApplications.status })
    .from(accreditationApplications)
    .where(eq(accreditationApplications.carrierId, carrier.id))
  if (others.some((o) => o.id !== exceptId && isOpen(o.status)))
    throw new AppError('ALREADY_EXISTS', '该载体已有办理中的认定申报')
}

/** The carrier shows 申报中 from submission; what it was before is kept to restore if the application ends. */
async function markApplying(
  tx: Transaction,
  actor: Actor,
  carrier: CarrierRow,
  level: 'municipal' | 'provincial' | 'national',
) {
  await setCarrierAccreditation(
    tx,
    actor,
    carrier.id,
    { accreditationStatus: 'applying', level, accreditationYear: null },
    '提交认定申报',
  )
  return { status: carrier.accreditationStatus, level: carrier.level, year: carrier.accreditationYear }
}

/** 自主申报 (seed 004 三(二)): saved as a draft or submitted at once; the conditions are checked either way. */
export async function createApplication(
  actor: Actor,
  input: Content & { callId: string; carrierId: string; submit: boolean },
) {
  requirePermission(actor, 'accreditation.apply')
  const user = requireUser(actor)
  const call = await findCall(input.callId)
  if (!isAccepting(call))
    throw new AppError('STATE_INVALID', `“${call.title}”不在申报期内（${call.openedOn} 至 ${call.deadline}）`)
  const carrier = await ownCarrier(user, call, input.carrierId)
  await assertMayApply(call, carrier)
  const checks = await checkApplication(call, carrier, input, today())
  if (input.submit) requireAllMet(checks, '提交申报')
  const level = (await ruleInForce(call.jurisdictionCode, call.carrierKind, today())).document.level
  const area = (await findOrganization(carrier.ownerOrgId))!.jurisdictionCode
  const id = newId()
  await db.transaction(async (tx) => {
    const at = now()
    const status = input.submit ? 'submitted' : 'draft'
    const carrierBefore = input.submit ? await markApplying(tx, actor, carrier, level) : null
    const [row] = await tx
      .insert(accreditationApplications)
      .values({
        id,
        callId: call.id,
        carrierId: carrier.id,
        applicantOrgId: carrier.ownerOrgId,
        jurisdictionCode: area,
        centerName: input.centerName,
        status,
        declared: input.declared,
        attachments: attachmentsOf(input.attachments),
        checks,
        siteVisits: [],
        carrierBefore,
        createdBy: user.userId,
        submittedAt: input.submit ? at : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await recordEvent(tx, actor, id, null, status, null)
    await audit(tx, actor, {
      action: 'accreditation.apply',
      targetType: 'accreditationApplication',
      targetId: id,
      after: row,
      detail: { callId: call.id, carrierId: carrier.id, status, ruleVersionId: checks.ruleVersionId },
    })
  })
  await catchUp()
  return getApplication(actor, id)
}

async function ownApplication(actor: Actor, id: string, version: number) {
  const user = requireUser(actor)
  const [row] = await db.select().from(accreditationApplications).where(eq(accreditationApplications.id, id))
  if (!row || row.applicantOrgId !== user.orgId) throw notFound('认定申报')
  if (row.version !== version) throw new AppError('STALE_VERSION', '该申报已被他人更新，请刷新后再操作')
  return row
}

/** 退回修改 or a draft: the applicant edits; the conditions are checked again. */
export async function updateApplication(actor: Actor, id: string, input: Partial<Content> & { version: number }) {
  requirePermission(actor, 'accreditation.apply')
  const current = await ownApplication(actor, id, input.version)
  if (current.status !== 'draft' && current.status !== 'returned')
    throw new AppError('STATE_INVALID', `申报为“${applicationStatusLabels[current.status]}”，不能修改`)
  const call = await findCall(current.callId)
  const carrier = (await findCarrier(current.carrierId))!
  const content: Content = {
    centerName: input.centerName ?? current.centerName,
    declared: input.declared ?? current.declared,
    attachments: input.attachments ?? current.attachments,
  }
  const checks = await checkApplication(call, carrier, content, today())
  await db.transaction(async (tx) => {
    const before = await lockApplication(tx, id, input.version)
    const [after] = await tx
      .update(accreditationApplications)
      .set({
        centerName: content.centerName,
        declared: content.declared,
        attachments: attachmentsOf(content.attachments),
        checks,
        version: before.version + 1,
        updatedAt: now(),
      })
      .where(eq(accreditationApplications.id, id))
      .returning()
    await audit(tx, actor, {
      action: 'accreditation.update',
      targetType: 'accreditationApplication',
      targetId: id,
      before,
      after,
    })
  })
  return getApplication(actor, id)
}

/** Submits a draft (while the call is open) or resubmits after 退回修改; every condition must be met. */
export async function submitApplication(actor: Actor, id: string, version: number) {
  requirePermission(actor, 'accreditation.apply')
  const current = await ownApplication(actor, id, version)
  assertMove(current.status, 'submitted')
  const call = await findCall(current.callId)
  if (current.status === 'draft' && !isAccepting(call))
    throw new AppError('STATE_INVALID', `“${call.title}”不在申报期内（${call.openedOn} 至 ${call.deadline}）`)
  const carrier = (await findCarrier(current.carrierId))!
  if (current.status === 'draft') await assertMayApply(call, carrier, current.id)
  const checks = await checkApplication(call, carrier, current, today())
  requireAllMet(checks, '提交申报')
  const level = (await ruleInForce(call.jurisdictionCode, call.carrierKind, today())).document.level
  await db.transaction(async (tx) => {
    const before = await lockApplication(tx, id, version)
    const carrierBefore = before.carrierBefore ?? (await markApplying(tx, actor, carrier, level))
    await tx
      .update(accreditationApplications)
      .set({
        status: 'submitted',
        checks,
        carrierBefore,
        submittedAt: now(),
        version: before.version + 1,
        updatedAt: now(),
      })
      .where(eq(accreditationApplications.id, id))
    await recordEvent(tx, actor, id, before.status, 'submitted', null)
    await audit(tx, actor, {
      action: 'accreditation.submit',
      targetType: 'accreditationApplication',
      targetId: id,
      detail: { from: before.status, ruleVersionId: checks.ruleVersionId },
    })
  })
  await catchUp()
  return getApplication(actor, id)
}

export async function withdrawApplication(actor: Actor, id: string, input: { version: number; note?: string }) {
  requirePermission(actor, 'accreditation.apply')
  const current = await ownApplication(actor, id, input.version)
  assertMove(current.status, 'withdrawn')
  await db.transaction(async (tx) => {
    const before = await lockApplication(tx, id, input.version)
    await tx
      .update(accreditationApplications)
      .set({ status: 'withdrawn', decisionNote: input.note ?? null, version: before.version + 1, updatedAt: now() })
      .where(eq(accreditationApplications.id, id))
    await restoreCarrier(tx, actor, before, '撤回认定申报')
    await recordEvent(tx, actor, id, before.status, 'withdrawn', input.note ?? null)
    await audit(tx, actor, { action: 'accreditation.withdraw', targetType: 'accreditationApplication', targetId: id })
  })
  await catchUp()
  return getApplication(actor, id)
}
