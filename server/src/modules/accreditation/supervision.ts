import { asc, eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { workdayCalendar } from '../calendar/service'
import { findOrganization } from '../organizations/service'
import { catchUp } from '../search/service'
import { endAccreditation, getAccreditation, standings } from './accreditations'
import { cityOf, requireOwnCity, today } from './areas'
import { barredUntil, changeReport } from './dynamic-management'
import { findAccreditation } from './records'
import type { ChangeKind, RevocationCause } from './rule-document'
import { describeVersion, requireAmount, requireSection } from './rule-params'
import { ruleInForce } from './rules'
import { accreditationChanges } from './schema'

export const changeKindLabels: Record<ChangeKind, string> = {
  split: '分立',
  merger: '合并',
  restructuring: '重组',
  businessChange: '经营业务发生变化',
}
const reassessmentLabels = {
  pending: '待审核',
  stillQualifies: '仍符合认定条件，资格不变',
  noLongerQualifies: '不再符合认定条件，取消资格',
}

async function activeAccreditation(id: string) {
  const row = await findAccreditation(id)
  const s = (await standings([row])).get(row.id)!
  if (s.status !== 'active')
    throw new AppError('STATE_INVALID', `该认定${s.because ? `：${s.because}` : '已撤销或终止'}`)
  return row
}

/**
 * 监督管理 (指引 六): revocation for fraud in the application, a major safety / quality / environmental accident or
 * serious research misconduct; the organization may not apply again for the rule's bar period (两年).
 */
export async function revokeAccreditation(actor: Actor, id: string, input: { cause: RevocationCause; note: string }) {
  requirePermission(actor, 'accreditation.manage')
  const row = await activeAccreditation(id)
  await requireOwnCity(actor, row.jurisdictionCode)
  const on = today()
  const rule = await ruleInForce(row.jurisdictionCode, row.carrierKind, on)
  const dynamic = requireSection(rule, 'dynamicManagement')
  const cause = dynamic.revocationCauses.find((c) => c.key === input.cause)
  if (!cause)
    throw new AppError('VALIDATION_FAILED', '该规则未列此撤销情形', {
      fields: [{ path: 'cause', message: '不是规则列明的撤销情形' }],
    })
  const years = requireAmount(rule, dynamic.reapplyBarYears)
  const until = barredUntil(on, years)
  await db.transaction(async (tx) => {
    await endAccreditation(tx, actor, row, {
      status: 'revoked',
      endedOn: on,
      reason: cause.label,
      cause: cause.key,
      barredUntil: until,
      steps: [
        { step: `${on} 撤销认定：${cause.label}`, because: `${input.note}（${describeVersion(rule)}，指引 六）` },
        { step: `${until} 前不得重新申报`, because: `${years} 年内不得重新申报认定（指引 六）` },
      ],
    })
  })
  await catchUp()
  return getAccreditation(actor, id)
}

/** 认定变更 (指引 五): reported by the center (or found by the city); a report after three months is flagged. */
export async function reportChange(
  actor: Actor,
  id: string,
  input: { kind: ChangeKind; occurredOn: string; description: string },
) {
  requirePermission(actor, 'accreditation.apply')
  const user = requireUser(actor)
  const row = await activeAccreditation(id)
  if (row.orgId !== user.orgId) throw new AppError('FORBIDDEN', '只能报告本单位认定中心的重大变化')
  const on = today()
  if (input.occurredOn > on)
    throw new AppError('VALIDATION_FAILED', '发生日期不能晚于今天', {
      fields: [{ path: 'occurredOn', message: '发生日期不能晚于今天' }],
    })
  const rule = await ruleInForce(row.jurisdictionCode, row.carrierKind, on)
  const dynamic = requireSection(rule, 'dynamicManagement')
  if (!dynamic.changeKinds.includes(input.kind))
    throw new AppError('VALIDATION_FAILED', '该规则未列此变化类型', {
      fields: [{ path: 'kind', message: '不是规则列明的重大变化' }],
    })
  const months = requireAmount(rule, dynamic.changeReportMonths)
  const calendar = await workdayCalendar()
  // A deadline in a year whose holidays are not published yet stays on its corresponding day (the report is never refused).
  const isWorkday = (day: string) => (calendar.hasYear(Number(day.slice(0, 4))) ? calendar.isWorkday(day) : true)
  const report = changeReport(input.occurredOn, on, months, isWorkday)
  const changeId = newId()
  await db.transaction(async (tx) => {
    await tx.insert(accreditationChanges).values({
      id: changeId,
      accreditationId: id,
      kind: input.kind,
      description: input.description,
      occurredOn: input.occurredOn,
      reportedOn: on,
      deadline: report.deadline,
      late: report.late,
      ruleVersionId: rule.id,
      reportedBy: user.userId,
      reassessment: 'pending',
      createdAt: now(),
    })
    await audit(tx, actor, {
      action: 'accreditation.change.report',
      targetType: 'accreditationChange',
      targetId: changeId,
      detail: { accreditationId: id, kind: input.kind, occurredOn: input.occurredOn, late: report.late },
    })
  })
  return (await listChanges(actor, id)).items.find((c) => c.id === changeId)!
}

/** 经审核仍符合认定条件的，其资格不变；不再符合的，自条件变化年度起取消其认定资格 (指引 五). */
export async function reassessChange(
  actor: Actor,
  changeId: string,
  input: { outcome: 'stillQualifies' | 'noLongerQualifies'; note: string },
) {
  requirePermission(actor, 'accreditation.manage')
  const [change] = await db.select().from(accreditationChanges).where(eq(accreditationChanges.id, changeId))
  if (!change) throw notFound('变更报告')
  const row = await findAccreditation(change.accreditationId)
  await requireOwnCity(actor, row.jurisdictionCode)
  if (change.reassessment !== 'pending') throw new AppError('STATE_INVALID', '该变更已审核')
  if (input.outcome === 'noLongerQualifies') await activeAccreditation(row.id)
  const on = today()
  const fromYear = change.occurredOn.slice(0, 4)
  await db.transaction(async (tx) => {
    await tx
      .update(accreditationChanges)
      .set({ reassessment: input.outcome, reassessedOn: on, reassessmentNote: input.note })
      .where(eq(accreditationChanges.id, changeId))
    if (input.outcome === 'noLongerQualifies')
      await endAccreditation(tx, actor, row, {
        status: 'revoked',
        endedOn: `${fromYear}-01-01`,
        reason: `${changeKindLabels[change.kind]}后不再符合认定条件`,
        cause: 'change',
        steps: [
          {
            step: `${on} 审核${changeKindLabels[change.kind]}（${change.occurredOn}）`,
            because: `不再符合认定条件，自 ${fromYear} 年度起取消认定资格（指引 五）：${input.note}`,
          },
        ],
      })
    await audit(tx, actor, {
      action: 'accreditation.change.reassess',
      targetType: 'accreditationChange',
      targetId: changeId,
      detail: { outcome: input.outcome },
    })
  })
  await catchUp()
  return (await listChanges(actor, row.id)).items.find((c) => c.id === changeId)!
}

/** The changes of an accreditation: for the center itself and the officers of its area. */
export async function listChanges(actor: Actor, id: string) {
  requirePermission(actor, 'accreditation.read')
  const row = await findAccreditation(id)
  const user = requireUser(actor)
  const area = (await findOrganization(row.orgId))?.jurisdictionCode
  const officer =
    (user.role === 'cityOfficer' && (await cityOf(user.jurisdictionCode)) === row.jurisdictionCode) ||
    (user.role === 'districtOfficer' && user.jurisdictionCode === area)
  if (!officer && user.orgId !== row.orgId) throw notFound('认定记录')
  const rows = await db
    .select()
    .from(accreditationChanges)
    .where(eq(accreditationChanges.accreditationId, id))
    .orderBy(asc(accreditationChanges.occurredOn))
  return {
    items: rows.map((c) => ({
      id: c.id,
      kind: c.kind,
      kindLabel: changeKindLabels[c.kind],
      description: c.description,
      occurredOn: c.occurredOn,
      reportedOn: c.reportedOn,
      deadline: c.deadline,
      late: c.late,
      lateLabel: c.late ? `逾期报告（应于 ${c.deadline} 前报告）` : '按期报告',
      reassessment: c.reassessment,
      reassessmentLabel: reassessmentLabels[c.reassessment],
      reassessedOn: c.reassessedOn,
      reassessmentNote: c.reassessmentNote,
    })),
  }
}
