import { asc, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { notFound } from '../../platform/errors/errors'
import { findCarriers } from '../carriers/service'
import { organizationNames } from '../organizations/service'
import { managesProject } from '../projects/access'
import { verificationTypeLabels } from '../projects/labels'
import { findProjects, visibleProject } from '../projects/service'
import { findStages } from '../verification/detail'
import { completionBlockers } from './completion'
import type { Handoff } from './contracts'
import { findingStatusLabels, handoffStatusLabels, severityLabels } from './labels'
import { handoffFindings, handoffs, pilotMilestones } from './schema'

export type HandoffRow = typeof handoffs.$inferSelect

export const isPlatformOf = (actor: Actor, row: HandoffRow) =>
  actor.kind === 'user' && actor.role === 'pilotPlatformOperator' && actor.orgId === row.platformOrgId

/**
 * Who sees a hand-off: the platform it was offered to and whoever sees the project (its center, applicant,
 * the city's centers and officers) — but not another pilot platform, which has no business with the offer.
 */
export async function canSeeHandoff(actor: Actor, row: HandoffRow): Promise<boolean> {
  if (isPlatformOf(actor, row)) return true
  if (actor.kind === 'user' && actor.role === 'pilotPlatformOperator') return false
  return visibleProject(actor, row.projectId).then(
    () => true,
    () => false,
  )
}

export async function visibleHandoff(actor: Actor, id: string): Promise<HandoffRow> {
  const [row] = await db.select().from(handoffs).where(eq(handoffs.id, id))
  if (!row || !(await canSeeHandoff(actor, row))) throw notFound('中试对接')
  return row
}

export async function presentHandoffs(actor: Actor, rows: readonly HandoffRow[]): Promise<Handoff[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const milestones = await db
    .select()
    .from(pilotMilestones)
    .where(inArray(pilotMilestones.handoffId, ids))
    .orderBy(asc(pilotMilestones.dueDate))
  const findings = await db
    .select()
    .from(handoffFindings)
    .where(inArray(handoffFindings.handoffId, ids))
    .orderBy(asc(handoffFindings.reportedAt))
  const stages = new Map((await findStages(findings.map((f) => f.stageId))).map((s) => [s.id, s]))
  const projects = new Map((await findProjects(rows.map((r) => r.projectId))).map((p) => [p.id, p]))
  const carriers = new Map((await findCarriers(rows.map((r) => r.platformCarrierId))).map((c) => [c.id, c]))
  const orgs = await organizationNames(rows.flatMap((r) => [r.centerOrgId, r.platformOrgId]))
  return rows.map((r) => {
    const project = projects.get(r.projectId)
    return {
      id: r.id,
      projectId: r.projectId,
      projectTitle: project?.title ?? '',
      centerOrgId: r.centerOrgId,
      centerOrgName: orgs.get(r.centerOrgId) ?? '',
      platformCarrierId: r.platformCarrierId,
      platformName: carriers.get(r.platformCarrierId)?.name ?? '',
      platformOrgId: r.platformOrgId,
      platformOrgName: orgs.get(r.platformOrgId) ?? '',
      message: r.message,
      status: r.status,
      statusLabel: handoffStatusLabels[r.status],
      offeredAt: r.offeredAt.toISOString(),
      respondedOn: r.respondedOn,
      responseReason: r.responseReason,
      completedOn: r.completedOn,
      completionNote: r.completionNote,
      milestones: milestones
        .filter((m) => m.handoffId === r.id)
        .map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate, doneDate: m.doneDate, note: m.note })),
      findings: findings
        .filter((f) => f.handoffId === r.id)
        .map((f) => {
          const stage = stages.get(f.stageId)
          return {
            id: f.id,
            description: f.description,
            severity: f.severity,
            severityLabel: severityLabels[f.severity],
            stageId: f.stageId,
            stageLabel: stage ? verificationTypeLabels[stage.stage] : '',
            status: f.status,
            statusLabel: findingStatusLabels[f.status],
            responseNote: f.responseNote,
            reportedAt: f.reportedAt.toISOString(),
            resolvedOn: f.resolvedOn,
          }
        }),
      canRespond: isPlatformOf(actor, r),
      canManage: !!project && managesProject(actor, project),
      completionBlockers:
        r.status === 'accepted' && project
          ? completionBlockers({
              projectStatus: project.status,
              milestones: milestones.filter((m) => m.handoffId === r.id),
              findings: findings.filter((f) => f.handoffId === r.id),
            })
          : [],
    }
  })
}
