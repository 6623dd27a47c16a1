import { and, asc, eq, inArray, type SQL } from 'drizzle-orm'
import { db } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { notFound } from '../../platform/errors/errors'
import { oversightScope } from '../jurisdictions/service'
import { financeLevelLabels } from './definition'
import { type Computation, computationStatusLabels } from './engine'
import { applicationLedger } from './ledger'
import { formatFen } from './money'
import {
  type PolicyApplicationRow,
  type PolicyApplicationStatus,
  policies,
  policyApplicationEvents,
  policyApplications,
} from './schema'
import { applicationActions } from './who-decides'

export const applicationStatusLabels: Record<PolicyApplicationStatus, string> = {
  submitted: '待区县审核',
  returned: '已退回修改',
  districtApproved: '待市级审核',
  approved: '已核定待拨付',
  paid: '已拨付',
  rejected: '未通过',
  withdrawn: '已撤回',
}

/** 部分拨付: approved, and some of it paid. */
export const statusLabelOf = (r: Pick<PolicyApplicationRow, 'status' | 'paidFen'>): string =>
  r.status === 'approved' && r.paidFen > 0 ? '部分拨付' : applicationStatusLabels[r.status]

export function presentComputation(c: Computation) {
  return {
    ...c,
    statusLabel: computationStatusLabels[c.status],
    amountText: c.amountFen === null ? null : formatFen(c.amountFen),
  }
}

/** Who sees an application: its organization, and officers over its area. */
export async function visibility(actor: Actor): Promise<SQL | undefined | 'none'> {
  if (actor.kind === 'system') return undefined
  if (actor.kind !== 'user') return 'none'
  const scope = await oversightScope(actor)
  if (actor.role === 'cityOfficer' || actor.role === 'districtOfficer')
    return scope === 'all' ? undefined : scope === 'none' ? 'none' : inArray(policyApplications.jurisdictionCode, scope)
  return eq(policyApplications.applicantOrgId, actor.orgId)
}

export async function findVisible(actor: Actor, id: string): Promise<PolicyApplicationRow> {
  const visible = await visibility(actor)
  if (visible === 'none') throw notFound('政策申请')
  const [row] = await db
    .select()
    .from(policyApplications)
    .where(and(eq(policyApplications.id, id), visible))
  if (!row) throw notFound('政策申请')
  return row
}

async function titles(codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map()
  const rows = await db
    .select({ code: policies.code, title: policies.title, version: policies.version })
    .from(policies)
    .where(inArray(policies.code, [...new Set(codes)]))
  const out = new Map<string, string>()
  for (const r of rows.sort((a, b) => a.version - b.version)) out.set(r.code, r.title)
  return out
}

export async function toApplications(rows: readonly PolicyApplicationRow[]) {
  const names = await titles(rows.map((r) => r.policyCode))
  return rows.map((r) => ({
    id: r.id,
    policyCode: r.policyCode,
    policyTitle: names.get(r.policyCode) ?? r.policyCode,
    policyVersion: r.policyVersion,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    applicantOrgId: r.applicantOrgId,
    jurisdictionCode: r.jurisdictionCode,
    year: r.year,
    mode: r.mode,
    modeLabel: r.mode === 'automatic' ? '免申即享' : '主动申报',
    status: r.status,
    statusLabel: statusLabelOf(r),
    computedFen: r.computation.amountFen,
    approvedFen: r.approvedFen,
    paidFen: r.paidFen,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }))
}

export async function toApplicationDetail(actor: Actor, row: PolicyApplicationRow) {
  const [base] = await toApplications([row])
  const events = await db
    .select()
    .from(policyApplicationEvents)
    .where(eq(policyApplicationEvents.applicationId, row.id))
    .orderBy(asc(policyApplicationEvents.createdAt))
  const ledger = await applicationLedger(db, row.id)
  return {
    ...base!,
    declared: row.declared,
    costItems: row.costItems,
    evidence: row.evidence,
    note: row.note,
    computation: presentComputation(row.computation),
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      // A payment that leaves the application approved paid part of it.
      toStatusLabel: e.action === 'pay' && e.toStatus === 'approved' ? '部分拨付' : applicationStatusLabels[e.toStatus],
      note: e.note,
      amountFen: e.amountFen,
      policyVersion: e.computation?.policyVersion ?? null,
      explanation: e.computation ? [...e.computation.steps] : [],
      actorRole: e.actorRole,
      createdAt: e.createdAt.toISOString(),
    })),
    ledger: ledger.map((l) => ({
      kind: l.kind,
      financeLevel: l.financeLevel,
      financeLevelLabel: l.financeLevel ? financeLevelLabels[l.financeLevel] : '分担比例待定',
      amountFen: l.amountFen,
      paidOn: l.paidOn,
      reference: l.reference,
      policyVersion: l.policyVersion,
      createdAt: l.createdAt.toISOString(),
    })),
    can: applicationActions(actor, row),
  }
}
