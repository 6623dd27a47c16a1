import { and, desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { findVisible, presentComputation } from './application-view'
import { getApplication } from './applications'
import { activePolicy } from './catalog'
import type { Payment, Review } from './contracts'
import { financeLevelLabels } from './definition'
import type { Computation } from './engine'
import { computeWithLedger, gatherFacts, namingOf, recordEvent, subjectOfApplication } from './evaluate'
import { dispatch, notify } from './inbox'
import { factsFromInput, invalid } from './inputs'
import { applicationLedger, lockPolicy, releaseCostItems, writeCommitment, writePayment } from './ledger'
import { formatFen } from './money'
import { paymentProblems } from './payment-checks'
import {
  type PolicyApplicationRow,
  type PolicyApplicationStatus,
  policyApplicationEvents,
  policyApplications,
} from './schema'
import { cityStageRefusal, districtStageRefusal } from './who-decides'

type Notice = Awaited<ReturnType<typeof notify>>

async function tellApplicant(tx: Transaction, row: PolicyApplicationRow, title: string, body: string) {
  return notify(tx, {
    recipientOrgId: row.applicantOrgId,
    kind: 'policy.decision',
    title,
    body,
    link: `/policies/applications/${row.id}`,
    data: { applicationId: row.id, policyCode: row.policyCode, year: row.year },
  })
}

function refuseApproval(c: Computation, stage: 'district' | 'city'): void {
  const why =
    c.status === 'ineligible'
      ? `不符合政策条件：${c.steps.filter((s) => s.startsWith('✗')).join('；')}`
      : c.status === 'incomplete'
        ? `缺少数据：${c.missing.map((m) => m.label).join('、')}`
        : c.status === 'pending' && stage === 'city'
          ? `待定参数尚未设定：${c.pendingParameters.map((p) => `“${p.label}”`).join('、')}，须由市级主管部门设定后方可核定`
          : c.status === 'computed' && c.amountFen === 0 && stage === 'city'
            ? `额度已用完：${c.summary}`
            : null
  if (why) throw new AppError('RULE_VIOLATION', why, { computation: presentComputation(c) })
}

/**
 * 区县审核 then 市级审核: approve, return for correction, or reject — each with the computation redone on the
 * version in force and the ledger as it stands. City approval commits the amount to the ledger by level of finance.
 */
export async function reviewApplication(actor: Actor, id: string, input: z.output<typeof Review>) {
  requirePermission(actor, 'policy.review')
  const user = requireUser(actor)
  const row = await findVisible(actor, id)
  if (row.version !== input.version)
    throw new AppError('STALE_VERSION', '申请已被更新，请刷新后重试', { version: row.version })
  const stage = row.status === 'submitted' ? 'district' : row.status === 'districtApproved' ? 'city' : null
  if (!stage) throw new AppError('STATE_INVALID', `申请当前状态不能审核`, { status: row.status })
  const refusal = stage === 'district' ? districtStageRefusal(user, row) : cityStageRefusal(user, row)
  if (refusal)
    throw new AppError('FORBIDDEN', refusal, { stage, role: user.role, jurisdictionCode: row.jurisdictionCode })
  if (input.decision !== 'approve' && !input.note)
    throw new AppError('VALIDATION_FAILED', '退回或不予通过须说明理由', {
      fields: [{ path: 'note', message: '请说明理由' }],
    })
  if (input.amountFen !== undefined && (stage !== 'city' || input.decision !== 'approve'))
    throw new AppError('VALIDATION_FAILED', '只有市级核定时可以填写核定金额', {
      fields: [{ path: 'amountFen', message: '此时不能填写' }],
    })
  const policy = await activePolicy(row.policyCode)
  const subject = subjectOfApplication(row)
  const facts = await gatherFacts(subject, row.year, factsFromInput(row.declared, row.costItems, 'declared'))
  const naming = await namingOf(policy, facts)
  const notices: NonNullable<Notice>[] = []
  await db.transaction(async (tx) => {
    await lockPolicy(tx, policy.code)
    const computation = await computeWithLedger(tx, policy, subject, row.year, facts, naming, row.id)
    let to: PolicyApplicationStatus = input.decision === 'return' ? 'returned' : 'rejected'
    let approvedFen: number | null = null
    if (input.decision === 'approve') {
      refuseApproval(computation, stage)
      to = stage === 'district' ? 'districtApproved' : 'approved'
      if (stage === 'city') {
        if (!policy.definition.budget.split)
          throw new AppError(
            'RULE_VIOLATION',
            `资金分担比例待定（${policy.definition.budget.splitSource}），须先设定后方可核定`,
          )
        approvedFen = input.amountFen ?? computation.amountFen!
        if (approvedFen > computation.amountFen! || approvedFen < 1)
          throw new AppError('RULE_VIOLATION', `核定金额应在 1 分至测算金额 ${formatFen(computation.amountFen!)} 之间`)
        if (approvedFen < computation.amountFen! && !input.note)
          throw new AppError('VALIDATION_FAILED', '核减须说明理由', {
            fields: [{ path: 'note', message: '请说明核减理由' }],
          })
        await writeCommitment(tx, row, policy.definition, policy.version, approvedFen, user.userId)
      }
    }
    const [after] = await tx
      .update(policyApplications)
      .set({
        status: to,
        computation,
        policyVersion: policy.version,
        version: row.version + 1,
        updatedAt: now(),
        ...(stage === 'district' && to === 'districtApproved' ? { districtReviewerId: user.userId } : {}),
        ...(approvedFen !== null ? { approvedFen } : {}),
      })
      .where(and(eq(policyApplications.id, id), eq(policyApplications.version, row.version)))
      .returning()
    if (!after) throw new AppError('STALE_VERSION', '申请已被更新，请刷新后重试')
    if (to === 'rejected') await releaseCostItems(tx, id)
    const note =
      approvedFen !== null && approvedFen < computation.amountFen! ? `核减：${input.note}` : (input.note ?? null)
    await recordEvent(tx, actor, after, {
      action: `review.${stage}.${input.decision}`,
      from: row.status,
      to,
      note,
      amountFen: approvedFen,
      computation,
    })
    await audit(tx, actor, {
      action: `policy.review.${stage}`,
      targetType: 'policyApplication',
      targetId: id,
      before: row,
      after,
      detail: {
        decision: input.decision,
        to,
        approvedFen,
        policyVersion: policy.version,
        summary: computation.summary,
      },
    })
    const result = {
      districtApproved: '已通过区县审核，进入市级审核',
      approved: `已核定 ${approvedFen === null ? '' : formatFen(approvedFen)}（${computation.summary}）`,
      returned: `已退回修改：${input.note}`,
      rejected: `未通过：${input.note}`,
    } as Record<PolicyApplicationStatus, string>
    const notice = await tellApplicant(
      tx,
      after,
      `政策申请审核结果：${policy.title}`,
      `${after.subjectName} ${after.year} 年度《${policy.title}》申请${result[to]}。`,
    )
    if (notice) notices.push(notice)
  })
  await dispatch(notices)
  return getApplication(actor, id)
}

/** The day (Asia/Shanghai) the city approved the application: its 核定 decision in the history. */
async function approvedOn(tx: Transaction, applicationId: string): Promise<string | null> {
  const E = policyApplicationEvents
  const [approval] = await tx
    .select({ at: E.createdAt })
    .from(E)
    .where(and(eq(E.applicationId, applicationId), eq(E.fromStatus, 'districtApproved'), eq(E.toStatus, 'approved')))
    .orderBy(desc(E.createdAt))
    .limit(1)
  return approval ? todayInShanghai(approval.at) : null
}

/**
 * 拨付: a payment by one level of finance, never more than that level has committed and not yet paid, dated between
 * the approval and today, with a 凭证号 of its own.
 */
export async function payApplication(actor: Actor, id: string, input: z.output<typeof Payment>) {
  requirePermission(actor, 'policy.pay')
  const user = requireUser(actor)
  const row = await findVisible(actor, id)
  if (row.version !== input.version)
    throw new AppError('STALE_VERSION', '申请已被更新，请刷新后重试', { version: row.version })
  if (row.status !== 'approved') throw new AppError('STATE_INVALID', '只有已核定的申请可以拨付', { status: row.status })
  const notices: NonNullable<Notice>[] = []
  await db.transaction(async (tx) => {
    const problems = paymentProblems(input, {
      today: todayInShanghai(now()),
      approvedOn: await approvedOn(tx, row.id),
      references: (await applicationLedger(tx, row.id)).flatMap((e) =>
        e.kind === 'payment' && e.reference ? [e.reference] : [],
      ),
    })
    if (problems.length) throw invalid(problems)
    await writePayment(tx, row, input, user.userId)
    const paidFen = row.paidFen + input.amountFen
    const to: PolicyApplicationStatus = paidFen >= (row.approvedFen ?? 0) ? 'paid' : 'approved'
    const [after] = await tx
      .update(policyApplications)
      .set({ paidFen, status: to, version: row.version + 1, updatedAt: now() })
      .where(and(eq(policyApplications.id, id), eq(policyApplications.version, row.version)))
      .returning()
    if (!after) throw new AppError('STALE_VERSION', '申请已被更新，请刷新后重试')
    const note = `${financeLevelLabels[input.financeLevel]}拨付 ${formatFen(input.amountFen)}（${input.paidOn}，凭证 ${input.reference}）`
    await recordEvent(tx, actor, after, { action: 'pay', from: row.status, to, note, amountFen: input.amountFen })
    await audit(tx, actor, {
      action: 'policy.pay',
      targetType: 'policyApplication',
      targetId: id,
      before: row,
      after,
      detail: {
        financeLevel: input.financeLevel,
        amountFen: input.amountFen,
        paidOn: input.paidOn,
        reference: input.reference,
      },
    })
    const notice = await tellApplicant(
      tx,
      after,
      `政策资金拨付：${after.subjectName}`,
      `${after.year} 年度${note}，累计已拨付 ${formatFen(paidFen)}。`,
    )
    if (notice) notices.push(notice)
  })
  await dispatch(notices)
  return getApplication(actor, id)
}
