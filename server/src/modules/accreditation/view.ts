import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { db } from '../../db'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { notFound } from '../../platform/errors/errors'
import { findCarrier } from '../carriers/service'
import { descendantsOf } from '../jurisdictions/service'
import { organizationNames } from '../organizations/service'
import { applicationStatusLabels } from './application-flow'
import { areaName, cityOf } from './areas'
import { conditionStatusLabels } from './conditions'
import { type ApplicationRow, findApplication, findCall, mayReview, readerOf } from './records'
import { describeVersion } from './rule-params'
import { getRuleVersion } from './rules'
import {
  type ApplicationStatus,
  accreditationApplications,
  accreditationCalls,
  accreditationEvents,
  accreditations,
  noticeObjections,
  publicNotices,
} from './schema'

async function present(actor: Actor, row: ApplicationRow, reader: Awaited<ReturnType<typeof readerOf>>) {
  const call = await findCall(row.callId)
  const carrier = await findCarrier(row.carrierId)
  const orgs = await organizationNames([row.applicantOrgId])
  const events = await db
    .select()
    .from(accreditationEvents)
    .where(eq(accreditationEvents.applicationId, row.id))
    .orderBy(asc(accreditationEvents.at))
  const [notice] = row.noticeId ? await db.select().from(publicNotices).where(eq(publicNotices.id, row.noticeId)) : []
  const objections = await db
    .select({ status: noticeObjections.status })
    .from(noticeObjections)
    .where(eq(noticeObjections.applicationId, row.id))
  const [certificate] = await db
    .select({
      id: accreditations.id,
      certificateNo: accreditations.certificateNo,
      accreditedOn: accreditations.accreditedOn,
    })
    .from(accreditations)
    .where(eq(accreditations.applicationId, row.id))
  const checkVersion = row.checks ? await getRuleVersion(row.checks.ruleVersionId) : undefined
  const applicant = reader.kind === 'applicant'
  return {
    id: row.id,
    callId: row.callId,
    callTitle: call.title,
    carrierKind: call.carrierKind,
    carrierId: row.carrierId,
    carrierName: carrier?.name ?? '',
    applicantOrgId: row.applicantOrgId,
    applicantOrgName: orgs.get(row.applicantOrgId) ?? '',
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: await areaName(row.jurisdictionCode),
    centerName: row.centerName,
    status: row.status,
    statusLabel: applicationStatusLabels[row.status],
    declared: row.declared,
    attachments: row.attachments,
    checks: row.checks
      ? {
          ruleVersionId: row.checks.ruleVersionId,
          ruleVersion: checkVersion ? describeVersion(checkVersion) : '',
          on: row.checks.on,
          met: row.checks.results.filter((r) => r.status === 'met').length,
          total: row.checks.results.length,
          results: row.checks.results.map((r) => ({ ...r, statusLabel: conditionStatusLabels[r.status] })),
        }
      : null,
    siteVisits: row.siteVisits.map((v) => ({ visitedOn: v.visitedOn, findings: v.findings, byName: v.byName })),
    notice: notice ? { id: notice.id, startOn: notice.startOn, endOn: notice.endOn } : null,
    objections: { total: objections.length, open: objections.filter((o) => o.status === 'open').length },
    certificate: certificate ?? null,
    decisionNote: row.decisionNote,
    events: events.map((e) => ({
      from: e.from,
      to: e.to,
      toLabel: applicationStatusLabels[e.to as ApplicationStatus] ?? e.to,
      note: e.note,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    can: {
      edit: applicant && (row.status === 'draft' || row.status === 'returned'),
      review: row.status === 'submitted' && (await mayReview(actor, row, call.jurisdictionCode)),
      propose: reader.kind === 'city' && row.status === 'recommended',
      accredit: reader.kind === 'city' && row.status === 'inNotice',
    },
  }
}
export type ApplicationView = Awaited<ReturnType<typeof present>>

export async function getApplication(actor: Actor, id: string) {
  requirePermission(actor, 'accreditation.read')
  const row = await findApplication(id)
  if (!row) throw notFound('认定申报')
  const call = await findCall(row.callId)
  const reader = await readerOf(actor, row, call.jurisdictionCode)
  if (reader.kind === 'none') throw notFound('认定申报')
  return present(actor, row, reader)
}

/** The applications a caller may see: their own organization's, their district's, or their city's. */
export async function listApplications(
  actor: Actor,
  query: { status?: ApplicationStatus; callId?: string; page: number; pageSize: number },
) {
  requirePermission(actor, 'accreditation.read')
  const conditions: (SQL | undefined)[] = []
  if (actor.kind === 'user') {
    if (actor.role === 'cityOfficer') {
      const city = await cityOf(actor.jurisdictionCode)
      conditions.push(inArray(accreditationApplications.jurisdictionCode, await descendantsOf(city)))
      conditions.push(
        inArray(
          accreditationApplications.callId,
          db
            .select({ id: accreditationCalls.id })
            .from(accreditationCalls)
            .where(eq(accreditationCalls.jurisdictionCode, city)),
        ),
      )
    } else if (actor.role === 'districtOfficer')
      conditions.push(eq(accreditationApplications.jurisdictionCode, actor.jurisdictionCode))
    else conditions.push(eq(accreditationApplications.applicantOrgId, actor.orgId))
  }
  if (query.status) conditions.push(eq(accreditationApplications.status, query.status))
  if (query.callId) conditions.push(eq(accreditationApplications.callId, query.callId))
  const where = and(...conditions)
  const [total] = await db.select({ n: count() }).from(accreditationApplications).where(where)
  const rows = await db
    .select()
    .from(accreditationApplications)
    .where(where)
    .orderBy(desc(accreditationApplications.updatedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const items = []
  for (const row of rows) {
    const call = await findCall(row.callId)
    items.push(await present(actor, row, await readerOf(actor, row, call.jurisdictionCode)))
  }
  return { items, total: Number(total?.n ?? 0) }
}
