import { AppError } from '../../platform/errors/errors'
import { type BandKey, evaluateBand, points } from './bands'
import { yuan } from './conditions'
import type { IndicatorMetric } from './rule-document'
import { describeVersion, type RuleVersion, requireAmounts, requireSection } from './rule-params'

/** A figure the platform (or the center's declaration) holds for the evaluated year, with where it came from. */
export type Figure = { value: number | null; source: string }
export type Figures = Record<IndicatorMetric, Figure>
/** An expert's or third party's score for an indicator, 0–100 of its points. */
export type ScoreInput = { score: number; scorer: 'expert' | 'thirdParty'; scorerName: string; note?: string | null }

export type ScorecardLine = {
  indicator: string
  label: string
  dimension: string
  dimensionLabel: string
  source: string
  value: number | null
  valueLabel: string
  maxPoints: number
  pointsCenti: number
  because: string
}
export type Scorecard = {
  ruleVersionId: string
  ruleVersion: string
  lines: ScorecardLine[]
  dimensions: { key: string; label: string; maxPoints: number; pointsCenti: number }[]
  totalCenti: number
  band: BandKey
  bandLabel: string
  because: string
  boundaryConvention: string
}

const scorerLabels = { expert: '专家评分', thirdParty: '第三方机构评分' }
const show = (value: number, unit: string | undefined) =>
  unit?.startsWith('分（') ? yuan(value) : `${value.toLocaleString('zh-CN')} ${unit ?? ''}`.trim()

/**
 * Fills the evaluation template (seed 004 行动方案 三(三): 能力建设、服务水平、规范管理、综合效益): figures
 * score linearly up to their full-marks value, the rest by expert or third-party score; every line says its
 * source, value and points. Refused while a weight or full-marks value is 待定, or a figure or score is missing.
 */
export function computeScorecard(
  version: RuleVersion,
  figures: Figures,
  scores: Readonly<Record<string, ScoreInput>>,
): Scorecard {
  const evaluation = requireSection(version, 'evaluation')
  const name = describeVersion(version)
  const maxima = requireAmounts(
    version,
    evaluation.indicators.map((i) => i.points),
  )
  const fulls = requireAmounts(
    version,
    evaluation.indicators.flatMap((i) => (i.fullMarksAt === undefined ? [] : [i.fullMarksAt])),
  )
  const bandMins = requireAmounts(
    version,
    evaluation.bands.flatMap((b) => (b.min === null ? [] : [b.min])),
  )
  const sum = maxima.reduce((a, b) => a + b, 0)
  if (Math.abs(sum - 100) > 1e-9)
    throw new AppError('STATE_INVALID', `${name}各指标分值合计为 ${sum}，应为 100，请先修正规则`, { sum })

  const dimensionLabel = new Map(evaluation.dimensions.map((d) => [d.key, d.label]))
  const missing: string[] = []
  let fullIndex = 0
  const lines = evaluation.indicators.map((indicator, i): ScorecardLine => {
    const maxPoints = maxima[i]!
    const common = {
      indicator: indicator.key,
      label: indicator.label,
      dimension: indicator.dimension,
      dimensionLabel: dimensionLabel.get(indicator.dimension) ?? indicator.dimension,
      maxPoints,
    }
    if (indicator.input === 'scored') {
      const given = scores[indicator.key]
      if (!given) {
        missing.push(`“${indicator.label}”的专家或第三方评分`)
        return { ...common, source: '待评分', value: null, valueLabel: '—', pointsCenti: 0, because: '' }
      }
      const pointsCenti = Math.round(maxPoints * given.score)
      return {
        ...common,
        source: `${scorerLabels[given.scorer]}（${given.scorerName}）`,
        value: given.score,
        valueLabel: `${given.score} / 100`,
        pointsCenti,
        because: `${maxPoints} × ${given.score}% = ${points(pointsCenti)}${given.note ? `；${given.note}` : ''}`,
      }
    }
    const full = fulls[fullIndex++]!
    const figure = figures[indicator.metric!]
    if (figure.value === null) {
      missing.push(`“${indicator.label}”的数值（${figure.source}）`)
      return { ...common, source: figure.source, value: null, valueLabel: '—', pointsCenti: 0, because: '' }
    }
    const ratio = full > 0 ? Math.min(1, figure.value / full) : 1
    const pointsCenti = Math.round(maxPoints * 100 * ratio)
    return {
      ...common,
      source: figure.source,
      value: figure.value,
      valueLabel: show(figure.value, indicator.unit),
      pointsCenti,
      because: `${show(figure.value, indicator.unit)} ÷ 满分值 ${show(full, indicator.unit)}${ratio === 1 && figure.value > full ? '（超过按满分）' : ''} × ${maxPoints} 分 = ${points(pointsCenti)}`,
    }
  })
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', `评分表尚缺：${missing.join('；')}`, {
      fields: missing.map((message) => ({ path: 'scores', message })),
    })

  const totalCenti = lines.reduce((a, l) => a + l.pointsCenti, 0)
  let minIndex = 0
  const bands = evaluation.bands.map((b) => ({
    key: b.key,
    label: b.label,
    min: b.min === null ? null : bandMins[minIndex++]!,
  }))
  const decision = evaluateBand(totalCenti, bands, name)
  return {
    ruleVersionId: version.id,
    ruleVersion: name,
    lines,
    dimensions: evaluation.dimensions.map((d) => {
      const own = lines.filter((l) => l.dimension === d.key)
      return {
        key: d.key,
        label: d.label,
        maxPoints: own.reduce((a, l) => a + l.maxPoints, 0),
        pointsCenti: own.reduce((a, l) => a + l.pointsCenti, 0),
      }
    }),
    totalCenti,
    band: decision.band,
    bandLabel: decision.label,
    because: `总分 ${decision.because}`,
    boundaryConvention: evaluation.boundaryConvention,
  }
}
