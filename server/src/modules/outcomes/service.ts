import { asc, eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { descendantsOf, jurisdictionNames } from '../jurisdictions/service'
import { agreementFromLanding } from '../matching/service'
import { cityOf, isApplicant, managesProject } from '../projects/access'
import type { ProjectStatus } from '../projects/schema'
import { moveProject, visibleProject } from '../projects/service'
import type { RecordOutcome } from './contracts'
import { fundingRoundLabels, outcomeKindLabels, relayLegLabels } from './labels'
import { landingKinds, type OutcomeKind, projectOutcomes } from './schema'

type Row = typeof projectOutcomes.$inferSelect
const yuan = (fen: bigint | null) =>
  fen === null ? '' : `${(Number(fen) / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`
const isLanding = (kind: OutcomeKind) => (landingKinds as readonly OutcomeKind[]).includes(kind)

/** The project statuses in which each kind of outcome can happen (a landing itself moves the project to 已落地转化). */
const STATUSES_FOR: Record<'made' | 'money' | 'fee', readonly ProjectStatus[]> = {
  made: ['verifying', 'verified', 'handedOff', 'landed'],
  money: ['admitted', 'verifying', 'verified', 'handedOff', 'landed'],
  fee: ['admitted', 'verifying', 'verified', 'handedOff', 'landed', 'terminated'],
}
const statusGroup = (kind: OutcomeKind) =>
  kind === 'serviceFee' ? 'fee' : kind === 'sample' || kind === 'product' ? 'made' : 'money'

function summaryOf(row: Pick<Row, 'kind' | 'details' | 'amountFen'>): string {
  const d = row.details
  const amount = yuan(row.amountFen)
  switch (row.kind) {
    case 'sample':
    case 'product':
      return String(d.name)
    case 'company':
      return `${d.companyName}（${d.uscc}）${amount ? `，注册资本 ${amount}` : ''}`
    case 'license':
    case 'transfer':
      return `${d.counterparty}，${amount}`
    case 'equity':
      return `${d.companyName}，作价 ${amount}${d.sharePercent ? `，持股 ${d.sharePercent}%` : ''}`
    case 'funding':
      return `${d.investor} ${fundingRoundLabels[d.round as keyof typeof fundingRoundLabels] ?? d.round}（${relayLegLabels[d.relay as keyof typeof relayLegLabels] ?? d.relay}阶段），${amount}`
    case 'serviceFee':
      return `${d.payer}：${d.item}，${amount}`
  }
}

const present = (row: Row) => ({
  id: row.id,
  projectId: row.projectId,
  kind: row.kind,
  kindLabel: outcomeKindLabels[row.kind],
  occurredOn: row.occurredOn,
  amountFen: row.amountFen === null ? null : Number(row.amountFen),
  details: row.details,
  summary: summaryOf(row),
  recordedAt: row.recordedAt.toISOString(),
})

/** A company founded in the project's city (落地): its area in the city, its code issued there. */
async function requireLocalCompany(projectArea: string, input: Extract<RecordOutcome, { kind: 'company' }>) {
  const city = await cityOf(projectArea)
  const areas = await descendantsOf(city)
  const cityName = (await jurisdictionNames([city])).get(city) ?? city
  const problems: { path: string; message: string }[] = []
  if (!areas.includes(input.jurisdictionCode))
    problems.push({ path: 'jurisdictionCode', message: `企业所在地不在${cityName}辖区内` })
  // 统一社会信用代码 3–8 位: the registering authority's area code (GB 32100-2015).
  if (input.uscc.slice(2, 6) !== city.slice(0, 4))
    problems.push({ path: 'uscc', message: `统一社会信用代码的登记机关不在${cityName}，不能计为本地落地` })
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), { fields: problems })
}

/**
 * Records an outcome of a project (转化落地, seed 004 三(五)): its center, its applicant or the officers over
 * its area record outcomes; 服务收入 only the center itself. A landing moves the project to 已落地转化.
 */
export async function recordOutcome(actor: Actor, projectId: string, input: RecordOutcome) {
  requirePermission(actor, 'outcome.record')
  const project = await visibleProject(actor, projectId)
  const isOfficer = actor.kind === 'user' && (actor.role === 'cityOfficer' || actor.role === 'districtOfficer')
  if (
    input.kind === 'serviceFee'
      ? !managesProject(actor, project)
      : !(managesProject(actor, project) || isApplicant(actor, project) || isOfficer)
  )
    throw new AppError(
      'FORBIDDEN',
      input.kind === 'serviceFee' ? '服务收入由负责的概念验证中心登记' : '您无权登记该项目的转化成果',
    )
  if (input.kind === 'company') await requireLocalCompany(project.jurisdictionCode, input)
  const group = statusGroup(input.kind)
  if (!isLanding(input.kind) && !STATUSES_FOR[group].includes(project.status))
    throw new AppError('STATE_INVALID', `项目当前状态下不能登记“${outcomeKindLabels[input.kind]}”`, {
      status: project.status,
    })
  const { kind, occurredOn, note, ...rest } = input
  const amountFen = 'amountFen' in rest && rest.amountFen !== undefined ? BigInt(rest.amountFen) : null
  const { amountFen: _amount, ...details } = rest as typeof rest & { amountFen?: number }
  const cityCode = await cityOf(project.jurisdictionCode)
  const row = await db.transaction(async (tx) => {
    if (isLanding(kind))
      await moveProject(tx, actor, projectId, 'landed', `${outcomeKindLabels[kind]}（${occurredOn}）`)
    const [created] = await tx
      .insert(projectOutcomes)
      .values({
        id: newId(),
        projectId,
        centerOrgId: project.centerOrgId,
        jurisdictionCode: project.jurisdictionCode,
        cityCode,
        kind,
        occurredOn,
        amountFen,
        details: { ...details, note: note ?? null },
        recordedBy: actor.kind === 'user' ? actor.userId : null,
        recordedByOrgId: actor.kind === 'user' ? actor.orgId : null,
        recordedAt: now(),
      })
      .returning()
    await audit(tx, actor, {
      action: 'outcome.record',
      targetType: 'projectOutcome',
      targetId: created!.id,
      after: created,
      detail: { projectId, kind },
    })
    return created!
  })
  // A signed 许可 / 转让 with a known enterprise teaches 成果找企业 (after the commit: it never fails the landing).
  if ((kind === 'license' || kind === 'transfer') && 'counterpartyUscc' in details && details.counterpartyUscc)
    await agreementFromLanding(actor, {
      achievementIds: project.achievementIds,
      counterpartyUscc: details.counterpartyUscc,
    }).catch(() => 0)
  return present(row)
}

export async function listOutcomes(actor: Actor, projectId: string) {
  requirePermission(actor, 'outcome.read')
  const project = await visibleProject(actor, projectId)
  const rows = await db
    .select()
    .from(projectOutcomes)
    .where(eq(projectOutcomes.projectId, projectId))
    .orderBy(asc(projectOutcomes.occurredOn), asc(projectOutcomes.recordedAt))
  const total = (kind: OutcomeKind) =>
    rows.filter((r) => r.kind === kind).reduce((sum, r) => sum + Number(r.amountFen ?? 0n), 0)
  return {
    items: rows.map(present),
    landed: project.status === 'landed',
    serviceRevenueFen: total('serviceFee'),
    fundingFen: total('funding'),
  }
}
