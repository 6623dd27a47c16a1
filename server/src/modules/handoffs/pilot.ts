import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { verificationTypeLabels } from '../projects/labels'
import { findProjects } from '../projects/service'
import { findStages } from '../verification/detail'
import { reopenStage, stagesOfProject } from '../verification/gates'
import { completionBlockers } from './completion'
import type {
  AddFinding,
  AddPilotMilestone,
  CompleteHandoff,
  CompletePilotMilestone,
  FindingResponse,
} from './contracts'
import { handoffFindings, handoffs, pilotMilestones } from './schema'
import { managedProjectForHandoff } from './service'
import { type HandoffRow, isPlatformOf, presentHandoffs, visibleHandoff } from './view'

/** The platform running the pilot: the hand-off must be accepted and be the caller's. */
async function runningPilot(actor: Actor, id: string): Promise<HandoffRow> {
  requirePermission(actor, 'handoff.respond')
  const row = await visibleHandoff(actor, id)
  if (!isPlatformOf(actor, row)) throw new AppError('FORBIDDEN', '只有承接的中试平台可以记录中试进展')
  if (row.status !== 'accepted') throw new AppError('STATE_INVALID', '只有已承接、尚未完成的中试可以记录进展')
  return row
}

const present = async (actor: Actor, id: string) => {
  const [row] = await db.select().from(handoffs).where(eq(handoffs.id, id))
  return (await presentHandoffs(actor, [row!]))[0]!
}

export async function addPilotMilestone(actor: Actor, id: string, input: z.infer<typeof AddPilotMilestone>) {
  await runningPilot(actor, id)
  await db.transaction(async (tx) => {
    const milestoneId = newId()
    await tx.insert(pilotMilestones).values({
      id: milestoneId,
      handoffId: id,
      title: input.title,
      dueDate: input.dueDate,
      note: input.note ?? null,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now(),
    })
    await audit(tx, actor, {
      action: 'handoff.milestone',
      targetType: 'pilotMilestone',
      targetId: milestoneId,
      after: input,
    })
  })
  return present(actor, id)
}

export async function completePilotMilestone(
  actor: Actor,
  milestoneId: string,
  input: z.infer<typeof CompletePilotMilestone>,
) {
  requirePermission(actor, 'handoff.respond')
  const [milestone] = await db.select().from(pilotMilestones).where(eq(pilotMilestones.id, milestoneId))
  if (!milestone) throw notFound('中试节点')
  await runningPilot(actor, milestone.handoffId)
  await db.transaction(async (tx) => {
    const [done] = await tx
      .update(pilotMilestones)
      .set({ doneDate: input.doneDate, note: input.note ?? milestone.note })
      .where(and(eq(pilotMilestones.id, milestoneId), isNull(pilotMilestones.doneDate)))
      .returning()
    if (!done) throw new AppError('STATE_INVALID', `中试节点“${milestone.title}”已完成`)
    await audit(tx, actor, {
      action: 'handoff.milestone.done',
      targetType: 'pilotMilestone',
      targetId: milestoneId,
      detail: { doneDate: input.doneDate },
    })
  })
  return present(actor, milestone.handoffId)
}

/** 反向反馈 (seed 004 三(六)): what the pilot found, tied to the verification stage it concerns. */
export async function addFinding(actor: Actor, id: string, input: z.infer<typeof AddFinding>) {
  const handoff = await runningPilot(actor, id)
  const [stage] = await stagesOfProject(handoff.projectId, [input.stageId])
  if (!stage || !['passed', 'conditionallyPassed', 'active'].includes(stage.status))
    throw new AppError('VALIDATION_FAILED', '请选择该项目已开展的验证阶段', {
      fields: [{ path: 'stageId', message: '不是该项目已开展的验证阶段' }],
    })
  await db.transaction(async (tx) => {
    const findingId = newId()
    await tx.insert(handoffFindings).values({
      id: findingId,
      handoffId: id,
      projectId: handoff.projectId,
      stageId: stage.id,
      description: input.description,
      severity: input.severity,
      status: 'open',
      reportedBy: actor.kind === 'user' ? actor.userId : null,
      reportedAt: now(),
    })
    await audit(tx, actor, {
      action: 'handoff.finding',
      targetType: 'handoffFinding',
      targetId: findingId,
      after: input,
      detail: { stage: stage.stage, severity: input.severity },
    })
  })
  return present(actor, id)
}

/**
 * The center answers a finding: it reopens the stage the finding concerns (the project goes back to 验证中)
 * or closes it as resolved — a reopened one only after the stage has passed its gate again.
 */
export async function respondToFinding(actor: Actor, findingId: string, input: z.infer<typeof FindingResponse>) {
  requirePermission(actor, 'handoff.manage')
  const [finding] = await db.select().from(handoffFindings).where(eq(handoffFindings.id, findingId))
  if (!finding) throw notFound('中试反馈')
  await visibleHandoff(actor, finding.handoffId)
  await managedProjectForHandoff(actor, finding.projectId)
  if (input.action === 'resolve') {
    const [stage] = await findStages([finding.stageId])
    if (finding.status === 'reopened' && stage?.status === 'active')
      throw new AppError(
        'STATE_INVALID',
        `重新开启的“${verificationTypeLabels[stage.stage]}”尚未通过评审，暂不能关闭该反馈`,
      )
  }
  await db.transaction(async (tx) => {
    const allowed = input.action === 'reopen' ? (['open'] as const) : (['open', 'reopened'] as const)
    const at = now()
    const [row] = await tx
      .update(handoffFindings)
      .set({
        status: input.action === 'reopen' ? 'reopened' : 'resolved',
        responseNote: input.note,
        respondedBy: actor.kind === 'user' ? actor.userId : null,
        respondedAt: at,
        resolvedOn: input.action === 'resolve' ? todayInShanghai(at) : null,
      })
      .where(and(eq(handoffFindings.id, findingId), inArray(handoffFindings.status, [...allowed])))
      .returning()
    if (!row) throw new AppError('STATE_INVALID', input.action === 'reopen' ? '该反馈已处理' : '该反馈已关闭')
    if (input.action === 'reopen') await reopenStage(tx, actor, finding.stageId, `中试反馈：${input.note}`, findingId)
    await audit(tx, actor, {
      action: `handoff.finding.${input.action}`,
      targetType: 'handoffFinding',
      targetId: findingId,
      detail: { note: input.note },
    })
  })
  return present(actor, finding.handoffId)
}

/** The platform concludes the pilot, once nothing stands in its way (completion.ts). */
export async function completeHandoff(actor: Actor, id: string, input: z.infer<typeof CompleteHandoff>) {
  const before = await runningPilot(actor, id)
  const [project] = await findProjects([before.projectId])
  await db.transaction(async (tx) => {
    // Locked: a finding reopened by the center meanwhile is seen here, not after the pilot is closed.
    const findings = await tx.select().from(handoffFindings).where(eq(handoffFindings.handoffId, id)).for('update')
    const milestones = await tx.select().from(pilotMilestones).where(eq(pilotMilestones.handoffId, id))
    const blockers = completionBlockers({ projectStatus: project!.status, milestones, findings })
    if (blockers.length) throw new AppError('STATE_INVALID', `暂不能完成中试：${blockers.join('；')}`, { blockers })
    const [row] = await tx
      .update(handoffs)
      .set({
        status: 'completed',
        completedOn: input.completedOn,
        completionNote: input.note,
        version: before.version + 1,
      })
      .where(and(eq(handoffs.id, id), eq(handoffs.status, 'accepted')))
      .returning()
    if (!row) throw new AppError('STATE_INVALID', '该中试已完成')
    await audit(tx, actor, { action: 'handoff.complete', targetType: 'handoff', targetId: id, before, after: row })
  })
  return present(actor, id)
}
