import { createHash, randomBytes } from 'node:crypto'
import { and, like, ne } from 'drizzle-orm'
import { instruments } from '../../modules/instruments/schema'
import { verificationTypeLabels } from '../../modules/projects/labels'
import { gateDecisionLabels, reportKindLabels, stageStatusLabels } from '../../modules/verification/labels'
import { reportCode } from '../../modules/verification/report-code'
import { ISSUE_ACTION, REPORT_FORMAT } from '../../modules/verification/reports'
import {
  type GateDecision,
  gateConditions,
  type StageStatus,
  stageDelegations,
  stageDeliverables,
  stageExpenses,
  stageGates,
  stageMilestones,
  verificationReports,
  verificationStages,
  verifications,
} from '../../modules/verification/schema'
import { planStages, reportKindOf } from '../../modules/verification/stages'
import { audit } from '../../platform/audit/audit'
import type { systemActor } from '../../platform/auth/actor'
import { canonicalJson, sm3 } from '../../platform/crypto/digest'
import { newId } from '../../platform/ids/ids'
import type { Transaction } from '../client'
import type { DemoProject } from './verification-data'

export const GATE_STATUS = {
  passed: 'passed',
  conditional: 'conditionallyPassed',
  terminated: 'terminated',
} as const satisfies Record<GateDecision, StageStatus>
export const fen = (yuan: number) => BigInt(Math.round(yuan * 100))
const digests = (text: string) => ({
  sha256: createHash('sha256').update(text).digest('hex'),
  sm3: createHash('sm3').update(text).digest('hex'),
})
// GB/T 2260: a district's city shares its first four digits.
export const cityOfArea = (area: string) => `${area.slice(0, 4)}00`

export type Center = { orgId: string; area: string; name: string; technical: string; administrative: string }

export type StageContext = {
  spec: DemoProject
  projectId: string
  center: Center
  applicantName: string
  day: (offset: number) => string
  at: (offset: number, hour?: number) => Date
}

/** A verification with its stages, gates and records as the spec describes, and its report. */
export async function seedStages(tx: Transaction, actor: ReturnType<typeof systemActor>, c: StageContext) {
  const { spec, projectId, center, day, at } = c
  const verificationId = newId()
  const verificationStatus =
    spec.status === 'terminated' ? 'terminated' : spec.status === 'verifying' ? 'running' : 'reported'
  await tx.insert(verifications).values({
    id: verificationId,
    projectId,
    centerOrgId: center.orgId,
    cityCode: cityOfArea(center.area),
    firstStage: spec.first!,
    lastStage: spec.last!,
    status: verificationStatus,
    startedAt: at(spec.admittedOn + 5),
    updatedAt: at(-1),
  })
  const [provider] = await tx
    .select()
    .from(instruments)
    .where(
      and(ne(instruments.ownerOrgId, center.orgId), like(instruments.jurisdictionCode, `${center.area.slice(0, 4)}%`)),
    )
    .limit(1)
  let activeSeen = false
  let stopped = false
  const reportStages: Record<string, unknown>[] = []
  for (const planned of planStages(spec.first!, spec.last!)) {
    const s = spec.stages!.find((x) => x.stage === planned.stage)
    const decision = s?.gate?.decision
    let status: StageStatus = planned.status
    if (planned.status === 'pending' || planned.status === 'active') {
      if (stopped) status = 'cancelled'
      else if (decision) status = GATE_STATUS[decision]
      else status = activeSeen ? 'pending' : 'active'
      if (status === 'active') activeSeen = true
      if (decision === 'terminated') stopped = true
    }
    const stageId = newId()
    await tx.insert(verificationStages).values({
      id: stageId,
      verificationId,
      projectId,
      stage: planned.stage,
      ordinal: planned.ordinal,
      status,
      skipReason: planned.status === 'skipped' ? (spec.skipReason ?? null) : null,
      budgetFen: fen(s?.budgetYuan ?? 0),
      startedAt: s ? at(s.milestones?.[0]?.[1] ?? spec.admittedOn + 5) : null,
      closedAt: s?.gate ? at(s.gate.on) : null,
    })
    if (!s) continue
    let spent = 0
    for (const [title, due, done] of s.milestones ?? [])
      await tx.insert(stageMilestones).values({
        id: newId(),
        stageId,
        verificationId,
        title,
        dueDate: day(due),
        doneDate: done === null ? null : day(done),
        createdAt: at(due - 20),
      })
    const deliverables: Record<string, unknown>[] = []
    if (s.deliverable) {
      const [title, fileName, text] = s.deliverable
      const d = digests(text)
      await tx.insert(stageDeliverables).values({
        id: newId(),
        stageId,
        verificationId,
        title,
        fileName,
        mediaType: 'text/plain',
        sizeBytes: Buffer.byteLength(text),
        ...d,
        content: Buffer.from(text),
        uploadedAt: at(s.gate?.on ?? -1, 9),
      })
      deliverables.push({ title, fileName, sizeBytes: Buffer.byteLength(text), ...d })
    }
    for (const [item, yuan, on] of s.expenses ?? []) {
      spent += yuan
      await tx.insert(stageExpenses).values({
        id: newId(),
        stageId,
        verificationId,
        spentOn: day(on),
        item,
        amountFen: fen(yuan),
        createdAt: at(on),
      })
    }
    const delegations: Record<string, unknown>[] = []
    if (s.delegation && provider) {
      const [work, yuan, on] = s.delegation
      spent += yuan
      await tx.insert(stageDelegations).values({
        id: newId(),
        stageId,
        verificationId,
        providerOrgId: provider.ownerOrgId,
        instrumentId: provider.id,
        work,
        costFen: fen(yuan),
        performedOn: day(on),
        createdAt: at(on),
      })
      delegations.push({ provider: '', instrument: provider.name, work, costFen: yuan * 100, performedOn: day(on) })
    }
    const gates: Record<string, unknown>[] = []
    if (s.gate) {
      const gateId = newId()
      const role = planned.stage === 'commercial' ? 'administrative' : 'technical'
      const director = center[role]
      await tx.insert(stageGates).values({
        id: gateId,
        stageId,
        verificationId,
        round: 1,
        decision: s.gate.decision,
        reasons: s.gate.reasons,
        directorName: director,
        directorRole: role,
        decidedOn: day(s.gate.on),
        decidedAt: at(s.gate.on, 15),
      })
      for (const [text, resolved] of s.gate.conditions ?? [])
        await tx.insert(gateConditions).values({
          id: newId(),
          gateId,
          stageId,
          verificationId,
          text,
          dueDate: day(s.gate.on + 30),
          resolvedOn: resolved === null ? null : day(resolved),
          resolution: resolved === null ? null : '已完成改型并复测合格',
        })
      gates.push({
        round: 1,
        decision: gateDecisionLabels[s.gate.decision],
        reasons: s.gate.reasons,
        director: `${director}（${role === 'technical' ? '技术主任' : '行政主任'}）`,
        decidedOn: day(s.gate.on),
        conditions: (s.gate.conditions ?? []).map(([text, resolved]) => ({
          text,
          dueDate: day(s.gate!.on + 30),
          resolvedOn: resolved === null ? null : day(resolved),
        })),
      })
    }
    reportStages.push({
      stage: planned.stage,
      label: verificationTypeLabels[planned.stage],
      status: stageStatusLabels[status],
      skipReason: null,
      budgetFen: (s.budgetYuan ?? 0) * 100,
      spentFen: spent * 100,
      milestones: (s.milestones ?? []).map(([title, due, done]) => ({
        title,
        dueDate: day(due),
        doneDate: done === null ? null : day(done),
      })),
      deliverables,
      delegations,
      gates,
    })
  }
  if (spec.report) await seedReport(tx, actor, c, verificationId, reportStages)
}

async function seedReport(
  tx: Transaction,
  actor: ReturnType<typeof systemActor>,
  c: StageContext,
  verificationId: string,
  stages: Record<string, unknown>[],
) {
  const { spec, projectId, center, day, at } = c
  const kind = reportKindOf(spec.last!)
  const issuedOn = day(spec.report!.on)
  const signer = spec.report!.by
  const content = {
    format: REPORT_FORMAT,
    kind,
    title: reportKindLabels[kind],
    issuedOn,
    signedBy: { name: center[signer], role: signer === 'technical' ? '技术主任' : '行政主任' },
    supersedes: null,
    nonce: randomBytes(8).toString('hex'),
    project: {
      id: projectId,
      title: spec.title,
      applicant: c.applicantName,
      area: center.area,
      channel: '科研人员申报',
      industries: spec.industries,
    },
    center: { orgId: center.orgId, name: center.name },
    stages,
    conclusion: spec.stages!.some((s) => s.gate?.decision === 'conditional') ? '有条件通过' : '通过',
    openConditions: [],
  }
  const digest = sm3(canonicalJson(content))
  const id = newId()
  const code = reportCode(Number(issuedOn.slice(0, 4)), digest)
  await tx.insert(verificationReports).values({
    id,
    code,
    verificationId,
    projectId,
    centerOrgId: center.orgId,
    cityCode: cityOfArea(center.area),
    kind,
    issuedOn,
    content,
    digest,
    signedByName: center[signer],
    signedByRole: signer,
    issuedAt: at(spec.report!.on, 16),
  })
  await audit(tx, actor, {
    action: ISSUE_ACTION,
    targetType: 'verificationReport',
    targetId: id,
    after: content,
    detail: { code, digest, projectId, supersedes: null, demo: true },
  })
}
