import { and, asc, eq } from 'drizzle-orm'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { type Actor, requirePermission, requireUser } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { AppError, notFound } from '../../platform/errors/errors'
import { newId } from '../../platform/ids/ids'
import { findOrganization } from '../organizations/service'
import { catchUp } from '../search/service'
import { endAccreditation, evaluableYear, standings } from './accreditations'
import { cityOf, requireOwnCity, today } from './areas'
import { evaluationConsequence, type YearOutcome } from './dynamic-management'
import { centerFacts } from './facts'
import { findAccreditation, findApplication } from './records'
import type { IndicatorMetric } from './rule-document'
import { amountOf, describeVersion, pendingParameters, requireAmount, requireSection } from './rule-params'
import { ruleInForce } from './rules'
import { performanceEvaluations } from './schema'
import { computeScorecard, type Figure, type Figures, type ScoreInput } from './scorecard'

export const metricLabels: Record<IndicatorMetric, string> = {
  projectsVerified: '完成验证项目数',
  samplesProducts: '样品化或产品化成果数',
  landings: '落地转化项目数',
  serviceRevenueFen: '概念验证服务收入（分）',
  serviceStaff: '专业化服务人员',
  specialFundsFenPerYear: '概念验证专项资金（分/年）',
}
const bandLabels = { excellent: '优秀', pass: '合格', fail: '不合格' } as const

/** The figures of a year the platform holds: the pipeline's records, and the center's declaration at 认定. */
async function platformFigures(row: Awaited<ReturnType<typeof findAccreditation>>, year: number): Promise<Figures> {
  const provider = centerFacts()
  const stats = await provider.centerStatistics(row.orgId, `${year}-01-01`, `${year}-12-31`)
  const fromRecords = (value: number | null): Figure =>
    value === null
      ? { value: null, source: '平台暂无此项记录，请录入经核实的数值' }
      : { value, source: `${provider.source}（${year} 年度）` }
  const application = row.applicationId ? await findApplication(row.applicationId) : undefined
  const declaredOn = application?.submittedAt ? application.submittedAt.toISOString().slice(0, 10) : null
  const fromDeclaration = (value: number | null | undefined): Figure =>
    value === null || value === undefined || !declaredOn
      ? { value: null, source: '无申报记录，请录入年度报告或第三方核实的数值' }
      : { value, source: `认定申报材料（${declaredOn}）` }
  return {
    projectsVerified: fromRecords(stats.projectsVerified),
    samplesProducts: fromRecords(stats.samplesProducts),
    landings: fromRecords(stats.landings),
    serviceRevenueFen: fromRecords(stats.serviceRevenueFen),
    serviceStaff: fromDeclaration(application?.declared.staff?.total),
    specialFundsFenPerYear: fromDeclaration(application?.declared.specialFundsFenPerYear),
  }
}

async function evaluable(actor: Actor, id: string, year: number) {
  const row = await findAccreditation(id)
  await requireOwnCity(actor, row.jurisdictionCode)
  const s = (await standings([row])).get(row.id)!
  if (s.status !== 'active') throw new AppError('STATE_INVALID', `该认定${s.because ?? '已撤销或终止'}，不再评价`)
  const problem = evaluableYear(row, year)
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: [{ path: 'year', message: problem }] })
  return row
}

/** The template for a year, filled where the platform has the numbers (seed 004 行动方案 三(三)). */
export async function evaluationDraft(actor: Actor, id: string, year: number) {
  requirePermission(actor, 'accreditation.manage')
  const row = await evaluable(actor, id, year)
  const rule = await ruleInForce(row.jurisdictionCode, row.carrierKind, today())
  const evaluation = requireSection(rule, 'evaluation')
  const figures = await platformFigures(row, year)
  return {
    accreditationId: row.id,
    year,
    ruleVersionId: rule.id,
    ruleVersion: describeVersion(rule),
    pending: pendingParameters(rule.document).map((p) => p.label),
    boundaryConvention: evaluation.boundaryConvention,
    indicators: evaluation.indicators.map((i) => ({
      key: i.key,
      label: i.label,
      dimension: evaluation.dimensions.find((d) => d.key === i.dimension)?.label ?? i.dimension,
      input: i.input,
      points: amountOf(rule.document, i.points),
      fullMarksAt: i.fullMarksAt === undefined ? null : amountOf(rule.document, i.fullMarksAt),
      metric: i.metric ?? null,
      figure: i.metric ? figures[i.metric] : null,
    })),
  }
}

type EvaluationInput = {
  year: number
  participation: 'participated' | 'skipped'
  skipReason?: string
  goodReason?: boolean
  figures?: Partial<Record<IndicatorMetric, Figure & { value: number }>>
  scores?: Record<string, ScoreInput>
}

/**
 * 年度绩效评价 (指引 四): the scorecard under the rules in force today, then 有进有出 — skipping without good
 * reason, or failing two years in a row, loses the accreditation.
 */
export async function recordEvaluation(actor: Actor, id: string, input: EvaluationInput) {
  requirePermission(actor, 'accreditation.manage')
  const user = requireUser(actor)
  const row = await evaluable(actor, id, input.year)
  const on = today()
  const rule = await ruleInForce(row.jurisdictionCode, row.carrierKind, on)
  const dynamic = requireSection(rule, 'dynamicManagement')
  const failedYearsInARow = requireAmount(rule, dynamic.failedYearsInARow)
  const earlier = await db
    .select()
    .from(performanceEvaluations)
    .where(eq(performanceEvaluations.accreditationId, id))
    .orderBy(asc(performanceEvaluations.year))
  if (earlier.some((e) => e.year === input.year)) throw new AppError('ALREADY_EXISTS', `${input.year} 年度已评价`)

  let scorecard = null
  if (input.participation === 'participated') {
    const figures = await platformFigures(row, input.year)
    for (const [metric, given] of Object.entries(input.figures ?? {}) as [IndicatorMetric, Figure][]) {
      if (figures[metric].value !== null && !figures[metric].source.startsWith('认定申报'))
        throw new AppError('VALIDATION_FAILED', `“${metricLabels[metric]}”平台已有记录，不能另填`, {
          fields: [{ path: `figures.${metric}`, message: '平台已有记录' }],
        })
      figures[metric] = given
    }
    scorecard = computeScorecard(rule, figures, input.scores ?? {})
  }
  const history: YearOutcome[] = [
    ...earlier.map((e) => ({ year: e.year, participation: e.participation, band: e.band, goodReason: e.goodReason })),
    {
      year: input.year,
      participation: input.participation,
      band: scorecard?.band ?? null,
      goodReason: input.participation === 'skipped' ? (input.goodReason ?? false) : null,
    },
  ]
  const consequence = evaluationConsequence(history, input.year, {
    failedYearsInARow,
    skipWithoutGoodReasonRevokes: dynamic.skipWithoutGoodReasonRevokes,
  })
  const steps = [
    ...(scorecard ? [{ step: `${input.year} 年度总分`, because: scorecard.because }] : []),
    ...consequence.steps,
  ]
  const evaluationId = newId()
  await db.transaction(async (tx) => {
    await tx.insert(performanceEvaluations).values({
      id: evaluationId,
      accreditationId: id,
      year: input.year,
      ruleVersionId: rule.id,
      evaluatedOn: on,
      participation: input.participation,
      skipReason: input.skipReason ?? null,
      goodReason: input.participation === 'skipped' ? (input.goodReason ?? false) : null,
      totalCenti: scorecard?.totalCenti ?? null,
      band: scorecard?.band ?? null,
      scorecard,
      consequence: steps,
      createdBy: user.userId,
      createdAt: now(),
    })
    if (consequence.revoke)
      await endAccreditation(tx, actor, row, {
        status: 'revoked',
        endedOn: on,
        reason:
          consequence.reason === 'failedInARow'
            ? `连续 ${failedYearsInARow} 年绩效评价不合格`
            : '无正当理由不参加年度绩效评价',
        cause: consequence.reason,
        steps: consequence.steps,
      })
    await audit(tx, actor, {
      action: 'accreditation.evaluate',
      targetType: 'performanceEvaluation',
      targetId: evaluationId,
      detail: {
        accreditationId: id,
        year: input.year,
        totalCenti: scorecard?.totalCenti ?? null,
        band: scorecard?.band ?? null,
        revoked: consequence.revoke,
        ruleVersionId: rule.id,
      },
    })
  })
  await catchUp()
  return (await listEvaluations(actor, id)).items.find((e) => e.id === evaluationId)!
}

/** A center's evaluations: for the center itself and the officers of its area. */
export async function listEvaluations(actor: Actor, id: string) {
  requirePermission(actor, 'accreditation.read')
  const row = await findAccreditation(id)
  const user = requireUser(actor)
  const area = (await findOrganization(row.orgId))?.jurisdictionCode
  const allowed =
    user.orgId === row.orgId ||
    (user.role === 'cityOfficer' && (await cityOf(user.jurisdictionCode)) === row.jurisdictionCode) ||
    (user.role === 'districtOfficer' && user.jurisdictionCode === area)
  if (!allowed) throw notFound('认定记录')
  const rows = await db
    .select()
    .from(performanceEvaluations)
    .where(and(eq(performanceEvaluations.accreditationId, id)))
    .orderBy(asc(performanceEvaluations.year))
  return {
    items: rows.map((e) => ({
      id: e.id,
      year: e.year,
      evaluatedOn: e.evaluatedOn,
      participation: e.participation,
      skipReason: e.skipReason,
      goodReason: e.goodReason,
      total: e.totalCenti === null ? null : e.totalCenti / 100,
      band: e.band,
      bandLabel: e.band ? bandLabels[e.band] : '未参加评价',
      scorecard: e.scorecard,
      consequence: e.consequence,
    })),
  }
}
