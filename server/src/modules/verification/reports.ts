import { randomBytes } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { auditLog } from '../../platform/audit/schema'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { canonicalJson, sm3 } from '../../platform/crypto/digest'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { industryNames } from '../industries/service'
import { jurisdictionNames } from '../jurisdictions/service'
import { organizationNames } from '../organizations/service'
import { channelLabels, verificationTypeLabels } from '../projects/labels'
import { findProjects, moveProject, visibleProject } from '../projects/service'
import { centerDirectors, managedProject } from './access'
import type { IssueReport, ReportCheck, ReportQuery } from './contracts'
import { loadRecords, presentStages, roleLabel } from './detail'
import { reportKindLabels } from './labels'
import { parseReportCode, reportCode } from './report-code'
import { reportStanding } from './report-standing'
import { stageReopenings, verificationReports, verifications } from './schema'
import { verificationOfProject } from './service'
import { chooseSigner, reportKindOf } from './stages'

export const ISSUE_ACTION = 'verification.report.issue'
export const REPORT_FORMAT = 'firstmile/verification-report@1'

/** The report's content: what was verified, how each gate decided, the digests of the deliverables. */
async function reportContent(projectRow: Awaited<ReturnType<typeof managedProject>>, verificationId: string) {
  const records = await loadRecords(db, verificationId)
  const stages = await presentStages(records)
  const names = await organizationNames([projectRow.applicantOrgId, projectRow.centerOrgId])
  const areas = await jurisdictionNames([projectRow.jurisdictionCode])
  const industries = await industryNames(projectRow.industryCodes)
  const planned = stages.filter((s) => s.status !== 'notPlanned')
  const openConditions = planned.flatMap((s) =>
    (s.gates.at(-1)?.conditions ?? [])
      .filter((c) => c.resolvedOn === null)
      .map((c) => ({ stage: s.label, text: c.text, dueDate: c.dueDate })),
  )
  return {
    records,
    content: {
      project: {
        id: projectRow.id,
        title: projectRow.title,
        applicant: names.get(projectRow.applicantOrgId) ?? '',
        area: areas.get(projectRow.jurisdictionCode) ?? projectRow.jurisdictionCode,
        channel: channelLabels[projectRow.channel],
        industries: projectRow.industryCodes.map((c) => industries.get(c) ?? c),
      },
      center: { orgId: projectRow.centerOrgId, name: names.get(projectRow.centerOrgId) ?? '' },
      stages: planned.map((s) => ({
        stage: s.stage,
        label: s.label,
        status: s.statusLabel,
        skipReason: s.skipReason,
        budgetFen: s.budgetFen,
        spentFen: s.spentFen,
        milestones: s.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, doneDate: m.doneDate })),
        deliverables: s.deliverables.map((d) => ({
          title: d.title,
          fileName: d.fileName,
          sizeBytes: d.sizeBytes,
          sha256: d.sha256,
          sm3: d.sm3,
        })),
        delegations: s.delegations.map((d) => ({
          provider: d.providerOrgName,
          instrument: d.instrumentName,
          work: d.work,
          costFen: d.costFen,
          performedOn: d.performedOn,
        })),
        gates: s.gates.map((g) => ({
          round: g.round,
          decision: g.decisionLabel,
          reasons: g.reasons,
          director: `${g.directorName}（${g.directorRoleLabel}）`,
          decidedOn: g.decidedOn,
          conditions: g.conditions.map((c) => ({ text: c.text, dueDate: c.dueDate, resolvedOn: c.resolvedOn })),
        })),
      })),
      conclusion: planned.some((s) => s.status === 'conditionallyPassed') ? '有条件通过' : '通过',
      openConditions,
    },
  }
}

/**
 * The center issues the report once every planned gate has passed (seed 004 二(三) 结果互认): the content is
 * frozen with its SM3 digest, the code is derived from that digest, the issuance is audited with the digest
 * in the hash chain, an earlier report of the project is superseded, and the project becomes 验证完成 (or
 * goes back to 中试中 when a pilot finding had reopened it).
 */
export async function issueReport(actor: Actor, projectId: string, input: z.infer<typeof IssueReport>) {
  requirePermission(actor, 'verification.manage')
  const project = await managedProject(actor, projectId)
  const verification = await verificationOfProject(projectId)
  if (!verification) throw notFound('验证记录')
  if (verification.status !== 'gatesPassed')
    throw new AppError('STATE_INVALID', '各阶段评审通过后才能出具验证报告', { status: verification.status })
  const choice = chooseSigner(await centerDirectors(project.centerOrgId), input.directorName, 'report')
  if (!choice.ok)
    throw new AppError('RULE_VIOLATION', choice.message, {
      fields: [{ path: 'directorName', message: choice.message }],
    })
  const { records, content: body } = await reportContent(project, verification.id)
  // Stages passed before every pass needed a deliverable: the report would certify stages with nothing to show.
  const bare = records.stages.filter(
    (s) =>
      (s.status === 'passed' || s.status === 'conditionallyPassed') &&
      !records.deliverables.some((d) => d.stageId === s.id),
  )
  if (bare.length)
    throw new AppError(
      'RULE_VIOLATION',
      `${bare.map((s) => `“${verificationTypeLabels[s.stage]}”`).join('、')}阶段没有交付成果，不能出具报告：请重新开启该阶段，上传交付成果后再次评审`,
      { stages: bare.map((s) => s.stage) },
    )
  const kind = reportKindOf(verification.lastStage)
  const at = now()
  const issuedOn = todayInShanghai(at)
  const code = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(verifications).where(eq(verifications.id, verification.id)).for('update')
    if (locked!.revision !== verification.revision || locked!.status !== 'gatesPassed')
      throw new AppError('CONFLICT', '验证记录刚刚有更新，请刷新后重新出具报告')
    const [previous] = await tx
      .select()
      .from(verificationReports)
      .where(and(eq(verificationReports.projectId, projectId), isNull(verificationReports.supersededBy)))
    const signedBy = { name: choice.director.name, role: roleLabel(choice.director.role) }
    let content: Record<string, unknown> = {}
    let digest = ''
    let reportCodeValue = ''
    // A fresh nonce per attempt: two reports never share a code even when their content is alike.
    for (let attempt = 0; attempt < 5 && !reportCodeValue; attempt++) {
      content = {
        format: REPORT_FORMAT,
        kind,
        title: reportKindLabels[kind],
        issuedOn,
        signedBy,
        supersedes: previous?.code ?? null,
        nonce: randomBytes(8).toString('hex'),
        ...body,
      }
      digest = sm3(canonicalJson(content))
      const candidate = reportCode(Number(issuedOn.slice(0, 4)), digest)
      const [clash] = await tx
        .select({ id: verificationReports.id })
        .from(verificationReports)
        .where(eq(verificationReports.code, candidate))
      if (!clash) reportCodeValue = candidate
    }
    if (!reportCodeValue) throw new AppError('CONFLICT', '验证码生成冲突，请重试')
    const id = newId()
    await tx.insert(verificationReports).values({
      id,
      code: reportCodeValue,
      verificationId: verification.id,
      projectId,
      centerOrgId: project.centerOrgId,
      cityCode: verification.cityCode,
      kind,
      issuedOn,
      content,
      digest,
      signedByName: choice.director.name,
      signedByRole: choice.director.role,
      issuedBy: actor.kind === 'user' ? actor.userId : null,
      issuedAt: at,
    })
    if (previous)
      await tx.update(verificationReports).set({ supersededBy: id }).where(eq(verificationReports.id, previous.id))
    await tx
      .update(verifications)
      .set({ status: 'reported', reopenedFrom: null, revision: locked!.revision + 1, updatedAt: at })
      .where(eq(verifications.id, verification.id))
    await moveProject(tx, actor, projectId, 'verified', `出具${reportKindLabels[kind]} ${reportCodeValue}`)
    if (locked!.reopenedFrom === 'handedOff')
      await moveProject(tx, actor, projectId, 'handedOff', `复核验证完成（${reportCodeValue}），继续中试`)
    await audit(tx, actor, {
      action: ISSUE_ACTION,
      targetType: 'verificationReport',
      targetId: id,
      after: content,
      detail: { code: reportCodeValue, digest, projectId, supersedes: previous?.code ?? null },
    })
    return reportCodeValue
  })
  return verifyReport(actor, code, {})
}

/**
 * 结果互认: anyone checks a report by its code. The stored content must still hash to the digest registered at
 * issuance — in the report row, in the code itself and in the audit chain — and a copy in hand must carry
 * the same digest. Any PoC center (and whoever may see the project) gets the whole report; others the facts.
 */
export async function verifyReport(
  actor: Actor,
  codeInput: string,
  query: z.infer<typeof ReportQuery>,
): Promise<ReportCheck> {
  requirePermission(actor, 'report.verify')
  const parsed = parseReportCode(codeInput)
  if (!parsed.ok)
    throw new AppError('VALIDATION_FAILED', parsed.message, { fields: [{ path: 'code', message: parsed.message }] })
  const [row] = await db.select().from(verificationReports).where(eq(verificationReports.code, parsed.code))
  if (!row) throw notFound('验证报告')
  const recomputed = sm3(canonicalJson(row.content))
  const [issued] = await db
    .select({ afterDigest: auditLog.afterDigest })
    .from(auditLog)
    .where(and(eq(auditLog.action, ISSUE_ACTION), eq(auditLog.targetId, row.id)))
  const problems: string[] = []
  if (recomputed !== row.digest) problems.push('报告内容与签发时登记的摘要不一致，报告已被改动')
  if (reportCode(Number(row.issuedOn.slice(0, 4)), recomputed) !== row.code) problems.push('报告内容与验证码不符')
  if (!issued) problems.push('审计链中没有该报告的签发记录')
  else if (issued.afterDigest !== recomputed) problems.push('报告内容与审计链中登记的摘要不一致')
  if (query.digest && query.digest.toLowerCase() !== row.digest)
    problems.push('所持报告的摘要与登记的不一致，所持报告可能已被改动')
  const authentic = problems.length === 0
  const [verification] = await db
    .select({ status: verifications.status })
    .from(verifications)
    .where(eq(verifications.id, row.verificationId))
  const reopenings = await db
    .select({ reopenedAt: stageReopenings.reopenedAt })
    .from(stageReopenings)
    .where(eq(stageReopenings.verificationId, row.verificationId))
  const standing = reportStanding(row, verification?.status ?? 'running', reopenings)
  const [successor] = row.supersededBy
    ? await db
        .select({ code: verificationReports.code })
        .from(verificationReports)
        .where(eq(verificationReports.id, row.supersededBy))
    : []
  const names = await organizationNames([row.centerOrgId])
  const [project] = await findProjects([row.projectId])
  const full = authentic && (await seesWholeReport(actor, row.projectId))
  return {
    code: row.code,
    valid: authentic && standing.current,
    authentic,
    current: standing.current,
    supersededBy: successor?.code ?? null,
    reopenedOn: standing.reopenedOn,
    conclusion: authentic && typeof row.content.conclusion === 'string' ? row.content.conclusion : null,
    problems,
    kind: row.kind,
    kindLabel: reportKindLabels[row.kind],
    projectTitle: project?.title ?? '',
    centerName: names.get(row.centerOrgId) ?? '',
    issuedOn: row.issuedOn,
    digest: row.digest,
    report: full ? { ...row.content, code: row.code, digest: row.digest } : null,
  }
}

async function seesWholeReport(actor: Actor, projectId: string): Promise<boolean> {
  if (actor.kind === 'system') return true
  if (actor.kind !== 'user') return false
  if (actor.role === 'centerOperator') return true
  return visibleProject(actor, projectId).then(
    () => true,
    () => false,
  )
}
