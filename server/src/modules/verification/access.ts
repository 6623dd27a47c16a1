import { and, eq } from 'drizzle-orm'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import type { Director } from '../carriers/schema'
import { carriersOfOrganization } from '../carriers/service'
import { isApplicant, managesProject } from '../projects/access'
import { projectAccess } from '../projects/schema'
import { visibleProject } from '../projects/service'

export type ProjectRow = Awaited<ReturnType<typeof visibleProject>>

/** The project as the caller may see it, and a refusal unless the caller runs its center. */
export async function managedProject(actor: Actor, projectId: string): Promise<ProjectRow> {
  const project = await visibleProject(actor, projectId)
  if (!managesProject(actor, project)) throw new AppError('FORBIDDEN', '只有负责该项目的概念验证中心可以操作')
  return project
}

/** The center's 主任 / 行政主任 / 技术主任, as its PoC-center carrier records them (载体库). */
export async function centerDirectors(centerOrgId: string): Promise<Director[]> {
  const rows = await carriersOfOrganization(centerOrgId)
  return rows.filter((r) => r.kind === 'pocCenter').flatMap((r) => r.directors)
}

/**
 * Deliverable files may hold trade secrets (seed 002 三(四)16): their bytes go to the project's own parties —
 * the center in charge, the applicant and organizations it was offered to — while every viewer of the
 * project (the city's other centers, officers) sees titles, sizes and digests.
 */
export async function canDownload(actor: Actor, project: ProjectRow): Promise<boolean> {
  if (managesProject(actor, project) || isApplicant(actor, project)) return true
  if (actor.kind !== 'user') return false
  // Read only: the projects module owns project_access and has no finder for it.
  const [grant] = await db
    .select({ orgId: projectAccess.orgId })
    .from(projectAccess)
    .where(and(eq(projectAccess.projectId, project.id), eq(projectAccess.orgId, actor.orgId)))
    .limit(1)
  return !!grant
}
