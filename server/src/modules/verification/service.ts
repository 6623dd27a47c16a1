import { eq, sql } from 'drizzle-orm'
import { db, type Transaction } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { cityOf } from '../projects/access'
import { verificationTypeLabels } from '../projects/labels'
import { moveProject, visibleProject } from '../projects/service'
import { managedProject, type ProjectRow } from './access'
import type { StartVerification, VerificationDetail } from './contracts'
import { presentVerification, type StageRow, type VerificationRow } from './detail'
import { stageStatusLabels } from './labels'
import { verificationStages, verifications } from './schema'
import { planStages } from './stages'
import { requireTranchesWithinBudget } from './tranches'

export async function verificationOfProject(projectId: string): Promise<VerificationRow | undefined> {
  const [row] = await db.select().from(verifications).where(eq(verifications.projectId, projectId))
  return row
}

async function detailOf(actor: Actor, projectId: string): Promise<VerificationDetail> {
  const project = await visibleProject(actor, projectId)
  const verification = await verificationOfProject(projectId)
  if (!verification) throw notFound('验证记录')
  return presentVerification(actor, project, verification)
}

/**
 * The center in charge starts verifying an admitted project at the stage that fits it (seed 002 三(二)8):
 * earlier stages are skipped with the reason given, the project moves to 验证中.
 */
export async function startVerification(
  actor: Actor,
  projectId: string,
  input: StartVerification,
): Promise<VerificationDetail> {
  requirePermission(actor, 'verification.manage')
  const project = await managedProject(actor, projectId)
  const cityCode = await cityOf(project.jurisdictionCode)
  const plan = planStages(input.firstStage, input.lastStage)
  const trancheOf = (s: (typeof plan)[number]) =>
    BigInt(s.status === 'skipped' || s.status === 'notPlanned' ? 0 : (input.tranches[s.stage] ?? 0))
  requireTranchesWithinBudget(
    project.budgetFen,
    plan.reduce((sum, s) => sum + trancheOf(s), 0n),
  )
  await db.transaction(async (tx) => {
    await moveProject(tx, actor, projectId, 'verifying', `从“${verificationTypeLabels[input.firstStage]}”开始验证`)
    const [existing] = await tx.select().from(verifications).where(eq(verifications.projectId, projectId))
    if (existing) throw new AppError('CONFLICT', '该项目已开始验证')
    const at = now()
    const id = newId()
    await tx.insert(verifications).values({
      id,
      projectId,
      centerOrgId: project.centerOrgId,
      cityCode,
      firstStage: input.firstStage,
      lastStage: input.lastStage,
      status: 'running',
      startedBy: actor.kind === 'user' ? actor.userId : null,
      startedAt: at,
      updatedAt: at,
    })
    await tx.insert(verificationStages).values(
      plan.map((s) => ({
        id: newId(),
        verificationId: id,
        projectId,
        stage: s.stage,
        ordinal: s.ordinal,
        status: s.status,
        skipReason: s.status === 'skipped' ? (input.skipReason ?? null) : null,
        budgetFen: trancheOf(s),
        startedAt: s.status === 'active' ? at : null,
      })),
    )
    await audit(tx, actor, {
      action: 'verification.start',
      targetType: 'project',
      targetId: projectId,
      detail: { verificationId: id, firstStage: input.firstStage, lastStage: input.lastStage },
    })
  })
  return detailOf(actor, projectId)
}

export async function getVerification(actor: Actor, projectId: string): Promise<VerificationDetail> {
  requirePermission(actor, 'verification.read')
  return detailOf(actor, projectId)
}

/** A stage the caller's center runs, with its project; 404 when the caller may not see the project. */
export async function managedStage(actor: Actor, stageId: string): Promise<{ stage: StageRow; project: ProjectRow }> {
  requirePermission(actor, 'verification.manage')
  const [stage] = await db.select().from(verificationStages).where(eq(verificationStages.id, stageId))
  if (!stage) throw notFound('验证阶段')
  return { stage, project: await managedProject(actor, stage.projectId) }
}

/**
 * Inside a change: the verification row locked (changes to one verification run one at a time), its
 * revision bumped, and the stage read again as it now is.
 */
export async function lockForChange(
  tx: Transaction,
  stageId: string,
): Promise<{ verification: VerificationRow; stage: StageRow }> {
  const [stage] = await tx.select().from(verificationStages).where(eq(verificationStages.id, stageId))
  if (!stage) throw notFound('验证阶段')
  const [verification] = await tx
    .update(verifications)
    .set({ revision: sql`${verifications.revision} + 1`, updatedAt: now() })
    .where(eq(verifications.id, stage.verificationId))
    .returning()
  const [current] = await tx.select().from(verificationStages).where(eq(verificationStages.id, stageId))
  return { verification: verification!, stage: current! }
}

export const detailAfterChange = (actor: Actor, projectId: string) => detailOf(actor, projectId)

export function requireStageStatus(stage: StageRow, allowed: readonly StageRow['status'][], doing: string): void {
  if (allowed.includes(stage.status)) return
  const label = verificationTypeLabels[stage.stage]
  throw new AppError('STATE_INVALID', `“${label}”阶段当前为“${stageStatusLabels[stage.status]}”，不能${doing}`, {
    status: stage.status,
  })
}
