import { and, eq, inArray } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { oversightScope } from '../jurisdictions/service'
import { activePolicy } from './catalog'
import { isWithin } from './conditions'
import type { Computation } from './engine'
import { computeWithLedger, gatherFacts, type Naming, namingOf, recordEvent } from './evaluate'
import type { Subject } from './fact-providers'
import { dispatch, notify } from './inbox'
import { lockPolicy } from './ledger'
import { formatFen } from './money'
import { type PolicyRow, policyApplications } from './schema'
import { candidateSubjects } from './subjects'

export type Assessment = {
  subject: Subject
  status: 'eligible' | 'nearlyEligible' | 'ineligible'
  reasons: string[]
  missing: string[]
  computation: Computation
}
const statusLabels = { eligible: '符合条件', nearlyEligible: '接近符合', ineligible: '不符合' } as const

/**
 * Eligible: every condition holds on platform data. Nearly eligible: what is missing can be declared with
 * evidence, or exactly one condition fails (the reason says which and what it takes). Otherwise not.
 */
export function classify(subject: Subject, c: Computation): Assessment {
  const reasons = c.conditions.map((x) => x.detail)
  const failed = c.conditions.filter((x) => x.outcome === 'fail')
  if (c.status === 'computed' || c.status === 'pending') {
    const amount =
      c.amountFen !== null
        ? `预计可获 ${formatFen(c.amountFen)}（${c.summary}）`
        : `金额待定：${c.pendingParameters.map((p) => p.label).join('、')}尚未设定`
    return { subject, status: 'eligible', reasons: [...reasons, amount], missing: [], computation: c }
  }
  if (c.status === 'incomplete')
    return {
      subject,
      status: 'nearlyEligible',
      reasons,
      missing: c.missing.map((m) => `${m.label}（需提供：${m.evidence ?? '证明材料'}）`),
      computation: c,
    }
  const hardStop = c.steps.some((s) => s.startsWith('✗') && !c.conditions.some((x) => x.detail === s))
  if (failed.length === 1 && !hardStop)
    return {
      subject,
      status: 'nearlyEligible',
      reasons,
      missing: [`尚需：${failed[0]!.label}（${failed[0]!.detail.slice(1)}）`],
      computation: c,
    }
  return { subject, status: 'ineligible', reasons, missing: [], computation: c }
}

async function permittedScope(actor: Actor, policy: PolicyRow): Promise<string[] | 'all'> {
  const scope = await oversightScope(actor)
  if (scope === 'all') return 'all'
  const ok =
    scope !== 'none' &&
    scope.some((code) => isWithin(code, policy.jurisdictionCode) || isWithin(policy.jurisdictionCode, code))
  if (!ok) throw new AppError('FORBIDDEN', '只能在本辖区推送或办理该政策', { policy: policy.code })
  return scope as string[]
}

/** Every entity in the policy's area (and the caller's), assessed on platform data only. */
export async function assessCandidates(actor: Actor, policy: PolicyRow, year: number): Promise<Assessment[]> {
  const scope = await permittedScope(actor, policy)
  const out: Assessment[] = []
  for (const subject of await candidateSubjects(policy.definition)) {
    if (scope !== 'all' && !scope.includes(subject.jurisdictionCode)) continue
    const facts = await gatherFacts(subject, year)
    const naming = await namingOf(policy, facts)
    out.push(classify(subject, await computeWithLedger(db, policy, subject, year, facts, naming)))
  }
  const order = { eligible: 0, nearlyEligible: 1, ineligible: 2 }
  return out.sort((a, b) => order[a.status] - order[b.status] || a.subject.name.localeCompare(b.subject.name, 'zh-CN'))
}

function present(a: Assessment, notified: boolean) {
  return {
    subjectType: a.subject.type,
    subjectId: a.subject.id,
    subjectName: a.subject.name,
    orgId: a.subject.orgId,
    jurisdictionCode: a.subject.jurisdictionCode,
    status: a.status,
    statusLabel: statusLabels[a.status],
    reasons: a.reasons,
    missing: a.missing,
    amountText: a.computation.amountFen === null ? null : formatFen(a.computation.amountFen),
    notified,
  }
}

/** 政策精准推送 (preview): who is eligible or nearly eligible, and why — nothing is sent. */
export async function listCandidates(actor: Actor, code: string, year: number) {
  requirePermission(actor, 'policy.push')
  const policy = await activePolicy(code)
  const items = await assessCandidates(actor, policy, year)
  return { policyCode: code, policyVersion: policy.version, year, items: items.map((a) => present(a, false)) }
}

function messageOf(policy: PolicyRow, a: Assessment, year: number): { title: string; body: string } {
  const d = policy.definition
  const next = d.automatic
    ? '本项政策免申即享，主管部门核实后将直接办理。'
    : `可在平台申报${d.evidence.length ? `，需提供：${d.evidence.map((e) => e.label).join('、')}` : ''}。`
  if (a.status === 'eligible')
    return {
      title: `政策推送：您可能符合《${d.title}》`,
      body: `根据平台数据，${a.subject.name}符合《${d.title}》${year} 年度条件。${a.reasons.at(-1)}。${next}依据：${d.document}。`,
    }
  return {
    title: `政策推送：您接近符合《${d.title}》`,
    body: `${a.subject.name}接近符合《${d.title}》${year} 年度条件。${a.missing.join('；')}。${next}依据：${d.document}。`,
  }
}

/** 政策精准推送: notifies the eligible and nearly eligible in their inbox (and by the message provider), once per policy version. */
export async function pushPolicy(actor: Actor, code: string, year: number) {
  requirePermission(actor, 'policy.push')
  const policy = await activePolicy(code)
  const assessed = await assessCandidates(actor, policy, year)
  const notified = new Set<string>()
  const rows: NonNullable<Awaited<ReturnType<typeof notify>>>[] = []
  await db.transaction(async (tx) => {
    for (const a of assessed) {
      if (a.status === 'ineligible') continue
      const { title, body } = messageOf(policy, a, year)
      const row = await notify(tx, {
        recipientOrgId: a.subject.orgId,
        kind: 'policy.push',
        title,
        body,
        link: `/policies/${code}`,
        data: {
          policyCode: code,
          policyVersion: policy.version,
          year,
          subjectId: a.subject.id,
          status: a.status,
          missing: a.missing,
        },
        dedupeKey: `policy-push:${code}:v${policy.version}:${year}:${a.subject.id}:${a.status}`,
      })
      if (row) {
        rows.push(row)
        notified.add(a.subject.id)
      }
    }
    await audit(tx, actor, {
      action: 'policy.push',
      targetType: 'policy',
      targetId: policy.id,
      detail: { code, version: policy.version, year, assessed: assessed.length, notified: notified.size },
    })
  })
  await dispatch(rows)
  return {
    policyCode: code,
    policyVersion: policy.version,
    year,
    items: assessed.map((a) => present(a, notified.has(a.subject.id))),
  }
}

/** 免申即享: for a policy whose inputs are all on the platform, officers create the applications; nobody applies. */
export async function grantEntitlements(actor: Actor, code: string, year: number) {
  requirePermission(actor, 'policy.manage')
  const policy = await activePolicy(code)
  if (!policy.definition.automatic) throw new AppError('RULE_VIOLATION', '本项政策需要申报材料，不适用免申即享')
  const assessed = (await assessCandidates(actor, policy, year)).filter((a) => a.status === 'eligible')
  const facts = new Map<string, { facts: Awaited<ReturnType<typeof gatherFacts>>; naming: Naming }>()
  for (const a of assessed) {
    const gathered = await gatherFacts(a.subject, year)
    facts.set(a.subject.id, { facts: gathered, naming: await namingOf(policy, gathered) })
  }
  const created: { applicationId: string; subjectName: string; amountText: string | null }[] = []
  const skipped: { subjectName: string; reason: string }[] = []
  const notices: NonNullable<Awaited<ReturnType<typeof notify>>>[] = []
  await db.transaction(async (tx) => {
    await lockPolicy(tx, code)
    for (const a of assessed) {
      const open = await tx
        .select({ id: policyApplications.id })
        .from(policyApplications)
        .where(
          and(
            eq(policyApplications.subjectId, a.subject.id),
            eq(policyApplications.policyCode, code),
            eq(policyApplications.year, year),
            inArray(policyApplications.status, ['submitted', 'returned', 'districtApproved', 'approved', 'paid']),
          ),
        )
      if (open.length) {
        skipped.push({ subjectName: a.subject.name, reason: '已有同年度申请' })
        continue
      }
      const { facts: known, naming } = facts.get(a.subject.id)!
      const computation = await computeWithLedger(tx, policy, a.subject, year, known, naming)
      if (computation.status !== 'computed' || !computation.amountFen) {
        skipped.push({ subjectName: a.subject.name, reason: computation.summary || computation.status })
        continue
      }
      const id = newId()
      const [row] = await tx
        .insert(policyApplications)
        .values({
          id,
          policyCode: code,
          policyVersion: policy.version,
          subjectType: a.subject.type,
          subjectId: a.subject.id,
          subjectName: a.subject.name,
          applicantOrgId: a.subject.orgId,
          jurisdictionCode: a.subject.jurisdictionCode,
          year,
          mode: 'automatic',
          status: 'submitted',
          declared: {},
          costItems: [],
          evidence: [],
          computation,
          createdAt: now(),
          updatedAt: now(),
        })
        .returning()
      await recordEvent(tx, actor, row!, {
        action: 'entitle',
        from: null,
        to: 'submitted',
        note: '免申即享：依平台数据生成',
        computation,
      })
      await audit(tx, actor, {
        action: 'policy.entitle',
        targetType: 'policyApplication',
        targetId: id,
        after: row,
        detail: { code, year },
      })
      const notice = await notify(tx, {
        recipientOrgId: a.subject.orgId,
        kind: 'policy.entitled',
        title: `免申即享：《${policy.title}》`,
        body: `根据平台数据，${a.subject.name}符合《${policy.title}》${year} 年度条件，已自动生成申请，无需提交材料。测算：${computation.summary}。`,
        link: `/policies/applications/${id}`,
        data: { applicationId: id, policyCode: code, year },
      })
      if (notice) notices.push(notice)
      created.push({ applicationId: id, subjectName: a.subject.name, amountText: formatFen(computation.amountFen) })
    }
  })
  await dispatch(notices)
  return { created, skipped }
}
