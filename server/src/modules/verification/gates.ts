import { and, count, eq, inArray, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { verificationTypeLabels } from '../projects/labels'
import { projects } from '../projects/schema'
import { moveProject } from '../projects/service'
import { centerDirectors } from './access'
import type { GateInput, ResolveCondition } from './contracts'
import { gateDecisionLabels } from './labels'
import {
  gateConditions,
  stageDeliverables,
  stageGates,
  stageMilestones,
  stageReopenings,
  verificationStages,
  verifications,
} from './schema'
import { detailAfterChange, lockForChange, managedStage, requireStageStatus } from './service'
import { chooseSigner, nextPending } from './stages'

/**
 * The gate of the active stage (seed 002 三(二)8): 通过 opens the next stage, 有条件通过 does too and keeps
 * its conditions for follow-up, 终止 ends the verification and the project. The director the 双主任制 rule
 * names signs it (stages.ts).
 */
export async function decideGate(actor: Actor, stageId: string, input: GateInput) {
  const { stage: before, project } = await managedStage(actor, stageId)
  const choice = chooseSigner(await centerDirectors(project.centerOrgId), input.directorName, before.stage)
  if (!choice.ok)
    throw new AppError('RULE_VIOLATION', choice.message, {
      fields: [{ path: 'directorName', message: choice.message }],
    })
  const label = verificationTypeLabels[before.stage]
  await db.transaction(async (tx) => {
    const { stage } = await lockForChange(tx, stageId)
    requireStageStatus(stage, ['active'], '作出评审结论')
    if (input.decision !== 'terminated') {
      const open = await tx
        .select({ title: stageMilestones.title })
        .from(stageMilestones)
        .where(and(eq(stageMilestones.stageId, stageId), isNull(stageMilestones.doneDate)))
      if (open.length)
        throw new AppError('RULE_VIOLATION', `尚有未完成的里程碑：${open.map((m) => m.title).join('、')}`, {
          milestones: open.map((m) => m.title),
        })
      // A stage passes on the record of what it produced (seed 002 三(二)8: 原型制造、性能测评 … leave reports, data).
      const [files] = await tx
        .select({ n: count() })
        .from(stageDeliverables)
        .where(eq(stageDeliverables.stageId, stageId))
      if (!Number(files?.n ?? 0))
        throw new AppError(
          'RULE_VIOLATION',
          `“${label}”阶段尚未上传交付成果，请先上传至少一份交付成果（如测评报告、样件数据）再作出通过结论`,
          { stage: stage.stage },
        )
    }
    const [rounds] = await tx.select({ n: count() }).from(stageGates).where(eq(stageGates.stageId, stageId))
    const at = now()
    const gateId = newId()
    await tx.insert(stageGates).values({
      id: gateId,
      stageId,
      verificationId: stage.verificationId,
      round: Number(rounds?.n ?? 0) + 1,
      decision: input.decision,
      reasons: input.reasons,
      directorName: choice.director.name,
      directorRole: choice.director.role,
      decidedOn: todayInShanghai(at),
      decidedBy: actor.kind === 'user' ? actor.userId : null,
      decidedAt: at,
    })
    if (input.conditions.length)
      await tx.insert(gateConditions).values(
        input.conditions.map((c) => ({
          id: newId(),
          gateId,
          stageId,
          verificationId: stage.verificationId,
          text: c.text,
          dueDate: c.dueDate ?? null,
        })),
      )
    const status = { passed: 'passed', conditional: 'conditionallyPassed', terminated: 'terminated' } as const
    await tx
      .update(verificationStages)
      .set({ status: status[input.decision], closedAt: at })
      .where(eq(verificationStages.id, stageId))
    const stages = await tx
      .select()
      .from(verificationStages)
      .where(eq(verificationStages.verificationId, stage.verificationId))
    if (input.decision === 'terminated') {
      await tx
        .update(verificationStages)
        .set({ status: 'cancelled' })
        .where(
          and(eq(verificationStages.verificationId, stage.verificationId), eq(verificationStages.status, 'pending')),
        )
      await tx.update(verifications).set({ status: 'terminated' }).where(eq(verifications.id, stage.verificationId))
      await moveProject(tx, actor, project.id, 'terminated', `${label}评审终止：${input.reasons}`)
    } else {
      const next = nextPending(stages, stage.ordinal)
      if (next)
        await tx
          .update(verificationStages)
          .set({ status: 'active', startedAt: at })
          .where(eq(verificationStages.id, next.id))
      else
        await tx.update(verifications).set({ status: 'gatesPassed' }).where(eq(verifications.id, stage.verificationId))
    }
    await audit(tx, actor, {
      action: 'verification.gate',
      targetType: 'verificationStage',
      targetId: stageId,
      detail: {
        stage: stage.stage,
        decision: input.decision,
        decisionLabel: gateDecisionLabels[input.decision],
        director: choice.director.name,
        directorRole: choice.director.role,
        conditions: input.conditions.length,
      },
    })
  })
  return detailAfterChange(actor, project.id)
}

/** 有条件通过 follow-up: a condition is recorded as met, with how. */
export async function resolveCondition(actor: Actor, conditionId: string, input: z.infer<typeof ResolveCondition>) {
  requirePermission(actor, 'verification.manage')
  const [condition] = await db.select().from(gateConditions).where(eq(gateConditions.id, conditionId))
  if (!condition) throw notFound('评审条件')
  const { project } = await managedStage(actor, condition.stageId)
  await db.transaction(async (tx) => {
    await lockForChange(tx, condition.stageId)
    const [current] = await tx.select().from(gateConditions).where(eq(gateConditions.id, conditionId))
    if (current!.resolvedOn) throw new AppError('STATE_INVALID', `该条件已于 ${current!.resolvedOn} 落实`)
    await tx
      .update(gateConditions)
      .set({
        resolvedOn: input.resolvedOn,
        resolution: input.resolution,
        resolvedBy: actor.kind === 'user' ? actor.userId : null,
      })
      .where(eq(gateConditions.id, conditionId))
    await audit(tx, actor, {
      action: 'verification.condition.resolve',
      targetType: 'gateCondition',
      targetId: conditionId,
      detail: { resolvedOn: input.resolvedOn },
    })
  })
  return detailAfterChange(actor, project.id)
}

/**
 * Reopens a passed stage inside the caller's transaction (a pilot finding sends the project back, seed 004
 * 三(六) 反向反馈至验证环节). A verified or handed-off project returns to 验证中; once re-verified it goes back
 * where it was. The caller has checked that the actor runs the project's center.
 */
export async function reopenStage(
  tx: Transaction,
  actor: Actor,
  stageId: string,
  reason: string,
  findingId: string | null = null,
): Promise<void> {
  const { verification, stage } = await lockForChange(tx, stageId)
  if (verification.status === 'running')
    throw new AppError('STATE_INVALID', '当前已有进行中的验证阶段，请先完成该阶段评审再重新开启其他阶段')
  if (verification.status === 'terminated') throw new AppError('STATE_INVALID', '验证已终止，不能重新开启')
  requireStageStatus(stage, ['passed', 'conditionallyPassed'], '重新开启（只能重新开启已通过的阶段）')
  let reopenedFrom = verification.reopenedFrom
  if (verification.status === 'reported') {
    // Read under lock in this transaction: the status the project returns to after re-verification.
    const [project] = await tx
      .select({ status: projects.status })
      .from(projects)
      .where(eq(projects.id, stage.projectId))
      .for('update')
    reopenedFrom = project!.status
    await moveProject(
      tx,
      actor,
      stage.projectId,
      'verifying',
      `重新开启“${verificationTypeLabels[stage.stage]}”：${reason}`,
    )
  }
  const at = now()
  await tx
    .update(verificationStages)
    .set({ status: 'active', closedAt: null })
    .where(eq(verificationStages.id, stageId))
  await tx.update(verifications).set({ status: 'running', reopenedFrom }).where(eq(verifications.id, verification.id))
  await tx.insert(stageReopenings).values({
    id: newId(),
    stageId,
    verificationId: verification.id,
    reason,
    findingId,
    reopenedBy: actor.kind === 'user' ? actor.userId : null,
    reopenedAt: at,
  })
  await audit(tx, actor, {
    action: 'verification.reopen',
    targetType: 'verificationStage',
    targetId: stageId,
    detail: { stage: stage.stage, reason, findingId },
  })
}

export async function reopenStageByCenter(actor: Actor, stageId: string, reason: string) {
  const { project } = await managedStage(actor, stageId)
  await db.transaction((tx) => reopenStage(tx, actor, stageId, reason))
  return detailAfterChange(actor, project.id)
}

/** For hand-offs: whether stages belong to the project (a finding names the verification item it concerns). */
export async function stagesOfProject(projectId: string, stageIds: readonly string[]) {
  if (stageIds.length === 0) return []
  return db
    .select()
    .from(verificationStages)
    .where(and(eq(verificationStages.projectId, projectId), inArray(verificationStages.id, [...stageIds])))
}
