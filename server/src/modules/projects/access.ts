import { eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { Actor } from '../../platform/auth/actor'
import { recordGrants } from '../../platform/registry/schema'
import { descendantsOf, getJurisdiction } from '../jurisdictions/service'
import { projectAccess, projects } from './schema'

export const PROJECT_RECORD = 'project'

/** The city a jurisdiction belongs to (itself for a city). */
export async function cityOf(code: string): Promise<string> {
  const area = await getJurisdiction(code)
  return area?.level === 'district' && area.parentCode ? area.parentCode : code
}

/**
 * Who sees a project (the pool is 1+N, seed 004 二(三)): its applicant and its center; every PoC center and
 * the city officers of the pool's city (centers build on each other's results); district officers of its
 * district; organizations it was offered to (a pilot platform); experts granted it for review.
 */
export async function projectVisibility(actor: Actor): Promise<SQL> {
  if (actor.kind === 'system') return sql`true`
  if (actor.kind !== 'user') return sql`false`
  const parts: (SQL | undefined)[] = [
    eq(projects.applicantOrgId, actor.orgId),
    eq(projects.centerOrgId, actor.orgId),
    sql`exists (select 1 from ${projectAccess} where ${projectAccess.projectId} = ${projects.id} and ${projectAccess.orgId} = ${actor.orgId})`,
    sql`exists (select 1 from ${recordGrants} where ${recordGrants.recordType} = ${PROJECT_RECORD} and ${recordGrants.recordId} = ${projects.id} and ${recordGrants.userId} = ${actor.userId})`,
  ]
  if (actor.role === 'centerOperator' || actor.role === 'cityOfficer') {
    parts.push(inArray(projects.jurisdictionCode, await descendantsOf(await cityOf(actor.jurisdictionCode))))
  }
  if (actor.role === 'districtOfficer') parts.push(eq(projects.jurisdictionCode, actor.jurisdictionCode))
  return or(...parts)!
}

/** The center in charge manages the project: its operators move it through evaluation and verification. */
export function managesProject(actor: Actor, project: { centerOrgId: string }): boolean {
  return (
    actor.kind === 'system' ||
    (actor.kind === 'user' && actor.role === 'centerOperator' && actor.orgId === project.centerOrgId)
  )
}

export function isApplicant(actor: Actor, project: { applicantOrgId: string }): boolean {
  return actor.kind === 'user' && actor.orgId === project.applicantOrgId
}
