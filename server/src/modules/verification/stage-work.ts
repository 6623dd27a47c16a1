import { and, eq, ne, sum } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import type { Actor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { findInstruments } from '../instruments/service'
import { findOrganization } from '../organizations/service'
import { verificationTypeLabels } from '../projects/labels'
import type { AddDelegation, AddExpense, AddMilestone, CompleteMilestone, SetTranche } from './contracts'
import type { StageRow } from './detail'
import { stageDelegations, stageExpenses, stageMilestones, verificationStages } from './schema'
import { detailAfterChange, lockForChange, managedStage, requireStageStatus } from './service'
import { requireTranchesWithinBudget } from './tranches'

const yuan = (fen: bigint) => `${(Number(fen) / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`
const who = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null)

async function spentOn(tx: Transaction, stageId: string): Promise<bigint> {
  const [e] = await tx
    .select({ total: sum(stageExpenses.amountFen) })
    .from(stageExpenses)
    .where(eq(stageExpenses.stageId, stageId))
  const [d] = await tx
    .select({ total: sum(stageDelegations.costFen) })
    .from(stageDelegations)
    .where(eq(stageDelegations.stageId, stageId))
  return BigInt(e?.total ?? 0) + BigInt(d?.total ?? 0)
}

/** Spending stays within the stage's tranche; a larger need raises the tranche first, on the record. */
async function requireWithinTranche(tx: Transaction, stage: StageRow, amountFen: bigint): Promise<void> {
  const spent = await spentOn(tx, stage.id)
  if (spent + amountFen > stage.budgetFen) {
    throw new AppError(
      'RULE_VIOLATION',
      `超出“${verificationTypeLabels[stage.stage]}”阶段预算：预算 ${yuan(stage.budgetFen)}，已支出 ${yuan(spent)}，本次 ${yuan(amountFen)}`,
      { budgetFen: Number(stage.budgetFen), spentFen: Number(spent), amountFen: Number(amountFen) },
    )
  }
}

export async function setTranche(actor: Actor, stageId: string, input: z.infer<typeof SetTranche>) {
  const { project } = await managedStage(actor, stageId)
  await db.transaction(async (tx) => {
    const { stage } = await lockForChange(tx, stageId)
    requireStageStatus(stage, ['pending', 'active', 'passed', 'conditionallyPassed'], '调整预算')
    const spent = await spentOn(tx, stageId)
    if (BigInt(input.budgetFen) < spent)
      throw new AppError('RULE_VIOLATION', `预算不能低于已支出的 ${yuan(spent)}`, { spentFen: Number(spent) })
    // Only a raise is checked: lowering a tranche of a plan made before the rule always moves toward the budget.
    if (BigInt(input.budgetFen) > stage.budgetFen) {
      const [others] = await tx
        .select({ total: sum(verificationStages.budgetFen) })
        .from(verificationStages)
        .where(and(eq(verificationStages.verificationId, stage.verificationId), ne(verificationStages.id, stageId)))
      requireTranchesWithinBudget(project.budgetFen, BigInt(others?.total ?? 0) + BigInt(input.budgetFen))
    }
    await tx
      .update(verificationStages)
      .set({ budgetFen: BigInt(input.budgetFen) })
      .where(eq(verificationStages.id, stageId))
    await audit(tx, actor, {
      action: 'verification.tranche',
      targetType: 'verificationStage',
      targetId: stageId,
      detail: { fromFen: Number(stage.budgetFen), toFen: input.budgetFen },
    })
  })
  return detailAfterChange(actor, project.id)
}

export async function addMilestone(actor: Actor, stageId: string, input: z.infer<typeof AddMilestone>) {
  const { project } = await managedStage(actor, stageId)
  await db.transaction(async (tx) => {
    const { stage } = await lockForChange(tx, stageId)
    requireStageStatus(stage, ['pending', 'active'], '添加里程碑')
    const id = newId()
    await tx.insert(stageMilestones).values({
      id,
      stageId,
      verificationId: stage.verificationId,
      title: input.title,
      dueDate: input.dueDate,
      note: input.note ?? null,
      createdBy: who(actor),
      createdAt: now(),
    })
    await audit(tx, actor, {
      action: 'verification.milestone',
      targetType: 'stageMilestone',
      targetId: id,
      after: input,
    })
  })
  return detailAfterChange(actor, project.id)
}

export async function completeMilestone(actor: Actor, milestoneId: string, input: z.infer<typeof CompleteMilestone>) {
  const [milestone] = await db.select().from(stageMilestones).where(eq(stageMilestones.id, milestoneId))
  if (!milestone) throw notFound('里程碑')
  const { project } = await managedStage(actor, milestone.stageId)
  await db.transaction(async (tx) => {
    const { stage } = await lockForChange(tx, milestone.stageId)
    requireStageStatus(stage, ['active'], '完成里程碑')
    const [current] = await tx.select().from(stageMilestones).where(eq(stageMilestones.id, milestoneId))
    if (current!.doneDate)
      throw new AppError('STATE_INVALID', `里程碑“${current!.title}”已于 ${current!.doneDate} 完成`)
    await tx
      .update(stageMilestones)
      .set({ doneDate: input.doneDate, note: input.note ?? current!.note })
      .where(eq(stageMilestones.id, milestoneId))
    await audit(tx, actor, {
      action: 'verification.milestone.done',
      targetType: 'stageMilestone',
      targetId: milestoneId,
      detail: { doneDate: input.doneDate },
    })
  })
  return detailAfterChange(actor, project.id)
}

export async function addExpense(actor: Actor, stageId: string, input: z.infer<typeof AddExpense>) {
  const { project } = await managedStage(actor, stageId)
  await db.transaction(async (tx) => {
    const { stage } = await lockForChange(tx, stageId)
    requireStageStatus(stage, ['active', 'passed', 'conditionallyPassed', 'terminated'], '登记支出')
    await requireWithinTranche(tx, stage, BigInt(input.amountFen))
    const id = newId()
    await tx.insert(stageExpenses).values({
      id,
      stageId,
      verificationId: stage.verificationId,
      spentOn: input.spentOn,
      item: input.item,
      amountFen: BigInt(input.amountFen),
      payee: input.payee ?? null,
      createdBy: who(actor),
      createdAt: now(),
    })
    await audit(tx, actor, { action: 'verification.expense', targetType: 'stageExpense', targetId: id, after: input })
  })
  return detailAfterChange(actor, project.id)
}

/**
 * 代工 (seed 004 三(七)): specialized testing or trial production done by another organization, on an
 * instrument of its own from the registry when one was used; its cost counts against the stage's tranche.
 */
export async function addDelegation(actor: Actor, stageId: string, input: z.infer<typeof AddDelegation>) {
  const { project } = await managedStage(actor, stageId)
  const provider = await findOrganization(input.providerOrgId)
  if (provider?.status !== 'active')
    throw new AppError('VALIDATION_FAILED', '承担代工的机构不存在', {
      fields: [{ path: 'providerOrgId', message: '机构不存在或已注销' }],
    })
  if (provider.id === project.centerOrgId)
    throw new AppError('VALIDATION_FAILED', '代工应委托其他机构实施；本中心自己的工作请登记为支出', {
      fields: [{ path: 'providerOrgId', message: '不能是本中心' }],
    })
  if (input.instrumentId) {
    const [instrument] = await findInstruments([input.instrumentId])
    if (!instrument || instrument.archivedAt)
      throw new AppError('VALIDATION_FAILED', '仪器设备不存在', {
        fields: [{ path: 'instrumentId', message: '仪器设备库中没有该仪器' }],
      })
    if (instrument.ownerOrgId !== provider.id)
      throw new AppError('VALIDATION_FAILED', `仪器“${instrument.name}”不属于“${provider.name}”`, {
        fields: [{ path: 'instrumentId', message: '仪器不属于承担代工的机构' }],
      })
  }
  await db.transaction(async (tx) => {
    const { stage } = await lockForChange(tx, stageId)
    requireStageStatus(stage, ['active'], '登记代工')
    await requireWithinTranche(tx, stage, BigInt(input.costFen))
    const id = newId()
    await tx.insert(stageDelegations).values({
      id,
      stageId,
      verificationId: stage.verificationId,
      providerOrgId: provider.id,
      instrumentId: input.instrumentId ?? null,
      work: input.work,
      costFen: BigInt(input.costFen),
      performedOn: input.performedOn,
      createdBy: who(actor),
      createdAt: now(),
    })
    await audit(tx, actor, {
      action: 'verification.delegation',
      targetType: 'stageDelegation',
      targetId: id,
      after: input,
    })
  })
  return detailAfterChange(actor, project.id)
}
