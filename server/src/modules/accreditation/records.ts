import { eq } from 'drizzle-orm'
import { db, type Queryable, type Transaction } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { setCarrierAccreditation } from '../carriers/service'
import { cityOf } from './areas'
import {
  type ApplicationStatus,
  accreditationApplications,
  accreditationCalls,
  accreditationEvents,
  accreditations,
  type CarrierStanding,
} from './schema'

export type CallRow = typeof accreditationCalls.$inferSelect
export type ApplicationRow = typeof accreditationApplications.$inferSelect
export type AccreditationRow = typeof accreditations.$inferSelect

export async function findCall(id: string, q: Queryable = db): Promise<CallRow> {
  const [row] = await q.select().from(accreditationCalls).where(eq(accreditationCalls.id, id))
  if (!row) throw notFound('认定通知')
  return row
}

export async function findApplication(id: string, q: Queryable = db): Promise<ApplicationRow | undefined> {
  const [row] = await q.select().from(accreditationApplications).where(eq(accreditationApplications.id, id))
  return row
}

/** Locks the application for a change and checks the caller saw its current version. */
export async function lockApplication(tx: Transaction, id: string, version?: number): Promise<ApplicationRow> {
  const [row] = await tx
    .select()
    .from(accreditationApplications)
    .where(eq(accreditationApplications.id, id))
    .for('update')
  if (!row) throw notFound('认定申报')
  if (version !== undefined && row.version !== version)
    throw new AppError('STALE_VERSION', '该申报已被他人更新，请刷新后再操作', { current: row.version })
  return row
}

export async function findAccreditation(id: string, q: Queryable = db): Promise<AccreditationRow> {
  const [row] = await q.select().from(accreditations).where(eq(accreditations.id, id))
  if (!row) throw notFound('认定记录')
  return row
}

export type Reader = { kind: 'applicant' | 'district' | 'city' | 'none' }

/**
 * Who may read an application: the applicant organization, the district officers of its area (审核推荐),
 * the city officers of its city. Anyone else gets 404, as if it did not exist.
 */
export async function readerOf(
  actor: Actor,
  app: Pick<ApplicationRow, 'applicantOrgId' | 'jurisdictionCode'>,
  city: string,
): Promise<Reader> {
  if (actor.kind === 'system') return { kind: 'city' }
  if (actor.kind !== 'user') return { kind: 'none' }
  if (actor.role === 'cityOfficer' && (await cityOf(actor.jurisdictionCode)) === city) return { kind: 'city' }
  if (actor.role === 'districtOfficer' && actor.jurisdictionCode === app.jurisdictionCode) return { kind: 'district' }
  if (actor.orgId === app.applicantOrgId) return { kind: 'applicant' }
  return { kind: 'none' }
}

/** 审核推荐 is the district's (seed 004 三(三)); an applicant registered at city level is reviewed by the city. */
export async function mayReview(
  actor: Actor,
  app: Pick<ApplicationRow, 'jurisdictionCode'>,
  city: string,
): Promise<boolean> {
  if (actor.kind !== 'user') return false
  if (actor.role === 'districtOfficer') return actor.jurisdictionCode === app.jurisdictionCode
  return (
    actor.role === 'cityOfficer' && app.jurisdictionCode === city && (await cityOf(actor.jurisdictionCode)) === city
  )
}

export async function recordEvent(
  tx: Transaction,
  actor: Actor,
  applicationId: string,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  note: string | null,
) {
  await tx.insert(accreditationEvents).values({
    id: newId(),
    applicationId,
    from,
    to,
    note,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorName: actor.kind === 'user' ? actor.displayName : '系统',
    at: now(),
  })
}

/** An application that ends without accreditation puts the carrier back where it stood before. */
export async function restoreCarrier(tx: Transaction, actor: Actor, app: ApplicationRow, note: string) {
  const before: CarrierStanding | null = app.carrierBefore
  if (!before) return
  await setCarrierAccreditation(
    tx,
    actor,
    app.carrierId,
    {
      accreditationStatus: before.status,
      level: before.level as 'municipal' | 'provincial' | 'national' | null,
      accreditationYear: before.year,
    },
    note,
  )
}
