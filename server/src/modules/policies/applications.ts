import { and, count, desc, eq, notInArray } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import {
  findVisible,
  presentComputation,
  statusLabelOf,
  toApplicationDetail,
  toApplications,
  visibility,
} from './application-view'
import { activePolicy } from './catalog'
import type { ApplicationQuery, Apply, Resubmit, Withdraw } from './contracts'
import { isOneApplicationPerYear } from './definition'
import type { Computation } from './engine'
import { computeWithLedger, gatherFacts, namingOf, recordEvent, subjectOfApplication } from './evaluate'
import type { Subject } from './fact-providers'
import { checkEvidence, factsFromInput } from './inputs'
import { claimCostItems, lockPolicy, releaseCostItems } from './ledger'
import { formatFen } from './money'
import { type PolicyApplicationRow, type PolicyRow, policyApplications } from './schema'
import { subjectOfUser } from './subjects'

type ApplyInput = z.output<typeof Apply>

/** Refuses what cannot go to review: not eligible, facts missing, or nothing left under the caps. */
export function assertSubmittable(c: Computation): void {
  if (c.status === 'ineligible')
    throw new AppError('RULE_VIOLATION', `不符合政策条件：${c.steps.filter((s) => s.startsWith('✗')).join('；')}`, {
      computation: presentComputation(c),
    })
  if (c.status === 'incomplete')
    throw new AppError(
      'RULE_VIOLATION',
      `缺少数据：${c.missing.map((m) => `${m.label}（${m.evidence ?? '证明材料'}）`).join('、')}`,
      {
        computation: presentComputation(c),
      },
    )
  if (c.status === 'computed' && c.amountFen === 0)
    throw new AppError('RULE_VIOLATION', `额度已用完：${c.summary}`, { computation: presentComputation(c) })
}

/** 每年申报一次: an entity with a live application (in review, approved or paid) for the year corrects or awaits it. */
async function refuseSecondApplication(tx: Transaction, subject: Subject, policy: PolicyRow, year: number) {
  const [live] = await tx
    .select()
    .from(policyApplications)
    .where(
      and(
        eq(policyApplications.subjectId, subject.id),
        eq(policyApplications.policyCode, policy.code),
        eq(policyApplications.year, year),
        notInArray(policyApplications.status, ['rejected', 'withdrawn']),
      ),
    )
    .orderBy(desc(policyApplications.createdAt))
    .limit(1)
  if (live)
    throw new AppError(
      'CONFLICT',
      `${subject.type === 'carrier' ? '该载体' : '本单位'}已有 ${year} 年度该政策的申请（${statusLabelOf(live)}），不能重复申报`,
      { applicationId: live.id, status: live.status, source: policy.definition.applications?.source ?? null },
    )
}

async function prepare(
  policy: PolicyRow,
  subject: Subject,
  year: number,
  input: Omit<ApplyInput, 'policyCode' | 'year' | 'carrierId'>,
) {
  const d = policy.definition
  if (d.kind === 'voucher') throw new AppError('RULE_VIOLATION', '创新券不通过申请发放，请联系主管部门在创新券模块办理')
  const given = factsFromInput(input.declared, input.costItems, 'declared')
  checkEvidence(d, input.evidence)
  const facts = await gatherFacts(subject, year, given)
  return { facts, naming: await namingOf(policy, facts) }
}

/** 申报: an entity applies for a year; computed at once with the version in force, so it knows what to expect. */
export async function applyForPolicy(actor: Actor, input: ApplyInput) {
  requirePermission(actor, 'policy.apply')
  const user = requireUser(actor)
  const policy = await activePolicy(input.policyCode)
  const subject = await subjectOfUser(user, policy.definition, input.carrierId)
  const { facts, naming } = await prepare(policy, subject, input.year, input)
  const id = newId()
  await db.transaction(async (tx) => {
    await lockPolicy(tx, policy.code)
    if (isOneApplicationPerYear(policy.definition)) await refuseSecondApplication(tx, subject, policy, input.year)
    const computation = await computeWithLedger(tx, policy, subject, input.year, facts, naming)
    assertSubmittable(computation)
    const at = now()
    const [row] = await tx
      .insert(policyApplications)
      .values({
        id,
        policyCode: policy.code,
        policyVersion: policy.version,
        subjectType: subject.type,
        subjectId: subject.id,
        subjectName: subject.name,
        applicantOrgId: subject.orgId,
        applicantUserId: user.userId,
        jurisdictionCode: subject.jurisdictionCode,
        year: input.year,
        mode: 'applied',
        status: 'submitted',
        declared: input.declared as PolicyApplicationRow['declared'],
        costItems: input.costItems,
        evidence: input.evidence,
        note: input.note ?? null,
        computation,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await claimCostItems(tx, row!, input.costItems)
    await recordEvent(tx, actor, row!, { action: 'submit', from: null, to: 'submitted', computation })
    await audit(tx, actor, {
      action: 'policy.apply',
      targetType: 'policyApplication',
      targetId: id,
      after: row,
      detail: {
        policy: policy.code,
        version: policy.version,
        year: input.year,
        computed: computation.amountFen,
        status: computation.status,
      },
    })
  })
  return getApplication(actor, id)
}

async function ownRow(actor: Actor, id: string, version: number): Promise<PolicyApplicationRow> {
  const user = requireUser(actor)
  const row = await findVisible(actor, id)
  if (row.applicantOrgId !== user.orgId) throw new AppError('FORBIDDEN', '只有申报单位可以修改或撤回申请')
  if (row.version !== version)
    throw new AppError('STALE_VERSION', '申请已被更新，请刷新后重试', { version: row.version })
  return row
}

/** 退回后重新提交: the applicant corrects what was asked and the computation is redone. */
export async function resubmitApplication(actor: Actor, id: string, input: z.output<typeof Resubmit>) {
  requirePermission(actor, 'policy.apply')
  const row = await ownRow(actor, id, input.version)
  if (row.status !== 'returned')
    throw new AppError('STATE_INVALID', '只有被退回的申请可以重新提交', { status: row.status })
  const policy = await activePolicy(row.policyCode)
  const subject = subjectOfApplication(row)
  const { facts, naming } = await prepare(policy, subject, row.year, input)
  await db.transaction(async (tx) => {
    await lockPolicy(tx, policy.code)
    const computation = await computeWithLedger(tx, policy, subject, row.year, facts, naming, row.id)
    assertSubmittable(computation)
    const [after] = await tx
      .update(policyApplications)
      .set({
        declared: input.declared as PolicyApplicationRow['declared'],
        costItems: input.costItems,
        evidence: input.evidence,
        note: input.note ?? row.note,
        computation,
        policyVersion: policy.version,
        status: 'submitted',
        version: row.version + 1,
        updatedAt: now(),
      })
      .where(and(eq(policyApplications.id, id), eq(policyApplications.version, row.version)))
      .returning()
    if (!after) throw new AppError('STALE_VERSION', '申请已被更新，请刷新后重试')
    await claimCostItems(tx, after, input.costItems)
    await recordEvent(tx, actor, after, { action: 'resubmit', from: 'returned', to: 'submitted', computation })
    await audit(tx, actor, {
      action: 'policy.resubmit',
      targetType: 'policyApplication',
      targetId: id,
      before: row,
      after,
    })
  })
  return getApplication(actor, id)
}

export async function withdrawApplication(actor: Actor, id: string, input: z.output<typeof Withdraw>) {
  requirePermission(actor, 'policy.apply')
  const row = await ownRow(actor, id, input.version)
  if (!['submitted', 'returned', 'districtApproved'].includes(row.status))
    throw new AppError('STATE_INVALID', '已核定或已办结的申请不能撤回', { status: row.status })
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(policyApplications)
      .set({ status: 'withdrawn', version: row.version + 1, updatedAt: now() })
      .where(and(eq(policyApplications.id, id), eq(policyApplications.version, row.version)))
      .returning()
    if (!after) throw new AppError('STALE_VERSION', '申请已被更新，请刷新后重试')
    await releaseCostItems(tx, id)
    await recordEvent(tx, actor, after, { action: 'withdraw', from: row.status, to: 'withdrawn' })
    await audit(tx, actor, {
      action: 'policy.withdraw',
      targetType: 'policyApplication',
      targetId: id,
      before: row,
      after,
    })
  })
  return getApplication(actor, id)
}

export async function listApplications(actor: Actor, query: z.output<typeof ApplicationQuery>) {
  requirePermission(actor, 'policy.application.read')
  const visible = await visibility(actor)
  if (visible === 'none') return { items: [], total: 0 }
  const where = and(
    visible,
    query.status ? eq(policyApplications.status, query.status) : undefined,
    query.policy ? eq(policyApplications.policyCode, query.policy) : undefined,
    query.year ? eq(policyApplications.year, query.year) : undefined,
  )
  const [total] = await db.select({ n: count() }).from(policyApplications).where(where)
  const rows = await db
    .select()
    .from(policyApplications)
    .where(where)
    .orderBy(desc(policyApplications.updatedAt), desc(policyApplications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return { items: await toApplications(rows), total: Number(total?.n ?? 0) }
}

export async function getApplication(actor: Actor, id: string) {
  requirePermission(actor, 'policy.application.read')
  return toApplicationDetail(actor, await findVisible(actor, id))
}

export const amountText = (fen: number | null) => (fen === null ? '待定' : formatFen(fen))
