import { asc, eq, inArray } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { db, type Queryable } from '../../db'
import type { Actor } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { directorRoleLabels } from '../carriers/labels'
import type { DirectorRole } from '../carriers/schema'
import { findInstruments } from '../instruments/service'
import { organizationNames } from '../organizations/service'
import { managesProject } from '../projects/access'
import { verificationTypeLabels } from '../projects/labels'
import { canDownload, centerDirectors, type ProjectRow } from './access'
import type { VerificationDetail } from './contracts'
import { gateDecisionLabels, reportKindLabels, stageStatusLabels, verificationStatusLabels } from './labels'
import { reportStanding } from './report-standing'
import {
  gateConditions,
  stageDelegations,
  stageDeliverables,
  stageExpenses,
  stageGates,
  stageMilestones,
  stageReopenings,
  verificationReports,
  verificationStages,
  type verifications,
} from './schema'
import { reportKindOf } from './stages'

export type VerificationRow = typeof verifications.$inferSelect
export type StageRow = typeof verificationStages.$inferSelect

const byStage = <T extends { stageId: string }>(rows: readonly T[]) => {
  const out = new Map<string, T[]>()
  for (const r of rows) out.set(r.stageId, [...(out.get(r.stageId) ?? []), r])
  return out
}

export const roleLabel = (role: string) => directorRoleLabels[role as DirectorRole] ?? role

/** Everything recorded about one verification, read in one place (the caller's transaction when given). */
export async function loadRecords(q: Queryable, verificationId: string) {
  const where = (table: { verificationId: AnyPgColumn }) => eq(table.verificationId, verificationId)
  const [stages, milestones, deliverables, expenses, delegations, gates, conditions, reopenings, reports] =
    await Promise.all([
      q.select().from(verificationStages).where(where(verificationStages)).orderBy(asc(verificationStages.ordinal)),
      q.select().from(stageMilestones).where(where(stageMilestones)).orderBy(asc(stageMilestones.dueDate)),
      q
        .select({
          id: stageDeliverables.id,
          stageId: stageDeliverables.stageId,
          title: stageDeliverables.title,
          fileName: stageDeliverables.fileName,
          mediaType: stageDeliverables.mediaType,
          sizeBytes: stageDeliverables.sizeBytes,
          sha256: stageDeliverables.sha256,
          sm3: stageDeliverables.sm3,
          uploadedAt: stageDeliverables.uploadedAt,
        })
        .from(stageDeliverables)
        .where(where(stageDeliverables))
        .orderBy(asc(stageDeliverables.uploadedAt)),
      q.select().from(stageExpenses).where(where(stageExpenses)).orderBy(asc(stageExpenses.spentOn)),
      q.select().from(stageDelegations).where(where(stageDelegations)).orderBy(asc(stageDelegations.performedOn)),
      q.select().from(stageGates).where(where(stageGates)).orderBy(asc(stageGates.decidedAt)),
      q.select().from(gateConditions).where(where(gateConditions)),
      q.select().from(stageReopenings).where(where(stageReopenings)).orderBy(asc(stageReopenings.reopenedAt)),
      q.select().from(verificationReports).where(where(verificationReports)).orderBy(asc(verificationReports.issuedAt)),
    ])
  return { stages, milestones, deliverables, expenses, delegations, gates, conditions, reopenings, reports }
}
export type Records = Awaited<ReturnType<typeof loadRecords>>

/** Money spent on a stage: its expenses and the cost of work delegated (代工) on it. */
export function spentByStage(records: Pick<Records, 'expenses' | 'delegations'>): Map<string, bigint> {
  const spent = new Map<string, bigint>()
  for (const e of records.expenses) spent.set(e.stageId, (spent.get(e.stageId) ?? 0n) + e.amountFen)
  for (const d of records.delegations) spent.set(d.stageId, (spent.get(d.stageId) ?? 0n) + d.costFen)
  return spent
}

/** The stages as a report and the detail page show them. */
export async function presentStages(records: Records) {
  const today = todayInShanghai(now())
  const orgNames = await organizationNames(records.delegations.map((d) => d.providerOrgId))
  const instrumentIds = records.delegations.flatMap((d) => (d.instrumentId ? [d.instrumentId] : []))
  const instruments = new Map((await findInstruments(instrumentIds)).map((i) => [i.id, i.name]))
  const spent = spentByStage(records)
  const milestones = byStage(records.milestones)
  const deliverables = byStage(records.deliverables)
  const expenses = byStage(records.expenses)
  const delegations = byStage(records.delegations)
  const gates = byStage(records.gates)
  const reopenings = byStage(records.reopenings)
  const conditionsOf = (gateId: string) => records.conditions.filter((c) => c.gateId === gateId)
  return records.stages.map((s) => ({
    id: s.id,
    stage: s.stage,
    label: verificationTypeLabels[s.stage],
    ordinal: s.ordinal,
    status: s.status,
    statusLabel: stageStatusLabels[s.status],
    skipReason: s.skipReason,
    budgetFen: Number(s.budgetFen),
    spentFen: Number(spent.get(s.id) ?? 0n),
    startedAt: s.startedAt?.toISOString() ?? null,
    closedAt: s.closedAt?.toISOString() ?? null,
    milestones: (milestones.get(s.id) ?? []).map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: m.dueDate,
      doneDate: m.doneDate,
      note: m.note,
      overdue: m.doneDate === null && m.dueDate < today,
    })),
    deliverables: (deliverables.get(s.id) ?? []).map((d) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() })),
    expenses: (expenses.get(s.id) ?? []).map((e) => ({
      id: e.id,
      spentOn: e.spentOn,
      item: e.item,
      amountFen: Number(e.amountFen),
      payee: e.payee,
    })),
    delegations: (delegations.get(s.id) ?? []).map((d) => ({
      id: d.id,
      providerOrgId: d.providerOrgId,
      providerOrgName: orgNames.get(d.providerOrgId) ?? '',
      instrumentId: d.instrumentId,
      instrumentName: d.instrumentId ? (instruments.get(d.instrumentId) ?? null) : null,
      work: d.work,
      costFen: Number(d.costFen),
      performedOn: d.performedOn,
    })),
    gates: (gates.get(s.id) ?? []).map((g) => ({
      id: g.id,
      round: g.round,
      decision: g.decision,
      decisionLabel: gateDecisionLabels[g.decision],
      reasons: g.reasons,
      directorName: g.directorName,
      directorRole: g.directorRole,
      directorRoleLabel: roleLabel(g.directorRole),
      decidedOn: g.decidedOn,
      conditions: conditionsOf(g.id).map((c) => ({
        id: c.id,
        text: c.text,
        dueDate: c.dueDate,
        resolvedOn: c.resolvedOn,
        resolution: c.resolution,
      })),
    })),
    reopenings: (reopenings.get(s.id) ?? []).map((r) => ({
      reason: r.reason,
      findingId: r.findingId,
      at: r.reopenedAt.toISOString(),
    })),
  }))
}

export async function presentVerification(
  actor: Actor,
  project: ProjectRow,
  verification: VerificationRow,
): Promise<VerificationDetail> {
  const records = await loadRecords(db, verification.id)
  const stages = await presentStages(records)
  const kind = reportKindOf(verification.lastStage)
  const names = await organizationNames([verification.centerOrgId])
  return {
    id: verification.id,
    projectId: project.id,
    projectTitle: project.title,
    projectStatus: project.status,
    centerOrgId: verification.centerOrgId,
    centerOrgName: names.get(verification.centerOrgId) ?? '',
    status: verification.status,
    statusLabel: verificationStatusLabels[verification.status],
    firstStage: verification.firstStage,
    lastStage: verification.lastStage,
    reportKind: kind,
    reportKindLabel: reportKindLabels[kind],
    projectBudgetFen: Number(project.budgetFen),
    trancheTotalFen: stages.reduce((sum, s) => sum + s.budgetFen, 0),
    spentTotalFen: stages.reduce((sum, s) => sum + s.spentFen, 0),
    stages,
    reports: records.reports.map((r) => ({
      code: r.code,
      kind: r.kind,
      kindLabel: reportKindLabels[r.kind],
      issuedOn: r.issuedOn,
      digest: r.digest,
      signedByName: r.signedByName,
      signedByRole: r.signedByRole,
      ...reportStanding(r, verification.status, records.reopenings),
      supersededBy: records.reports.find((x) => x.id === r.supersededBy)?.code ?? null,
    })),
    directors: (await centerDirectors(verification.centerOrgId)).map((d) => ({
      name: d.name,
      role: d.role,
      roleLabel: roleLabel(d.role),
    })),
    canManage: managesProject(actor, project),
    canDownload: await canDownload(actor, project),
  }
}

/** For other modules: the stages of projects' verifications (a pilot finding names the one it concerns). */
export async function findStages(ids: readonly string[]): Promise<StageRow[]> {
  const unique = [...new Set(ids)]
  return unique.length ? db.select().from(verificationStages).where(inArray(verificationStages.id, unique)) : []
}
