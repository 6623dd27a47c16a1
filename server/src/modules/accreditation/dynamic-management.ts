import { addDays } from '../../platform/calendar/workdays'
import type { BandKey } from './bands'

/**
 * 有进有出 (seed 004 指引 四、五、六) as pure rules: data in, decision out, with the why in Chinese.
 * Periods follow 《民法典》第二百零一至二百零三条: the start day is not counted, a period in months or years
 * ends on the corresponding day (the month's last day when there is none), and a last day that is a rest
 * day moves to the next working day.
 */
export type Step = { step: string; because: string }

export type YearOutcome = {
  year: number
  participation: 'participated' | 'skipped'
  band: BandKey | null
  goodReason: boolean | null
}
export type EvaluationConsequence = {
  revoke: boolean
  reason: 'skippedWithoutGoodReason' | 'failedInARow' | null
  steps: Step[]
}

/**
 * After year `year` is recorded: skipping without good reason, or failing `failedYearsInARow` consecutive
 * calendar years, loses the accreditation (指引 四). A year without a result breaks the run.
 */
export function evaluationConsequence(
  history: readonly YearOutcome[],
  year: number,
  rule: { failedYearsInARow: number; skipWithoutGoodReasonRevokes: boolean },
): EvaluationConsequence {
  const byYear = new Map(history.map((h) => [h.year, h]))
  const current = byYear.get(year)
  if (!current) throw new Error(`no outcome for ${year}`)
  if (current.participation === 'skipped') {
    if (current.goodReason === true)
      return {
        revoke: false,
        reason: null,
        steps: [{ step: `${year} 年度未参加评价`, because: '有正当理由，不取消认定资格' }],
      }
    return {
      revoke: rule.skipWithoutGoodReasonRevokes,
      reason: rule.skipWithoutGoodReasonRevokes ? 'skippedWithoutGoodReason' : null,
      steps: [
        {
          step: `${year} 年度无正当理由不参加绩效评价`,
          because: rule.skipWithoutGoodReasonRevokes ? '取消认定资格（指引 四）' : '规则未规定取消',
        },
      ],
    }
  }
  const run: number[] = []
  for (let y = year; byYear.get(y)?.band === 'fail'; y--) run.push(y)
  if (run.length >= rule.failedYearsInARow) {
    const years = run.slice(0, rule.failedYearsInARow).reverse()
    return {
      revoke: true,
      reason: 'failedInARow',
      steps: [
        {
          step: `${years.join('、')} 年度绩效评价均为不合格`,
          because: `连续 ${rule.failedYearsInARow} 年不合格，取消认定资格（指引 四）`,
        },
      ],
    }
  }
  const because = run.length
    ? `连续不合格 ${run.length} 年，未达 ${rule.failedYearsInARow} 年，保留认定资格`
    : '保留认定资格'
  return { revoke: false, reason: null, steps: [{ step: `${year} 年度评价已记录`, because }] }
}

/** The corresponding day `months` later, or that month's last day (民法典 第二百零二条). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const total = m - 1 + months
  const year = y + Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** A period's last day moved past rest days (民法典 第二百零三条). */
export function nextWorkdayOnOrAfter(iso: string, isWorkday: (day: string) => boolean): string {
  let day = iso
  while (!isWorkday(day)) day = addDays(day, 1)
  return day
}

export type ChangeReport = { deadline: string; late: boolean; steps: Step[] }

/** 认定变更 must be reported within three months (指引 五); a later report is flagged late, never refused. */
export function changeReport(
  occurredOn: string,
  reportedOn: string,
  months: number,
  isWorkday: (day: string) => boolean,
): ChangeReport {
  const corresponding = addMonths(occurredOn, months)
  const deadline = nextWorkdayOnOrAfter(corresponding, isWorkday)
  const late = reportedOn > deadline
  const moved = deadline !== corresponding ? `（对应日 ${corresponding} 为休息日，顺延）` : ''
  return {
    deadline,
    late,
    steps: [
      { step: `重大变化发生于 ${occurredOn}`, because: `应在 ${months} 个月内报告，截止 ${deadline}${moved}` },
      { step: `${reportedOn} 报告`, because: late ? '逾期报告，已标记' : '按期报告' },
    ],
  }
}

/** 两年内不得重新申报认定 (指引 六): barred through the corresponding day two years on. */
export function barredUntil(revokedOn: string, years: number): string {
  return addMonths(revokedOn, years * 12)
}

/** Refusal text when an organization or carrier is still barred on `on`, else null. */
export function reapplyBar(bars: readonly { barredUntil: string; endReason: string }[], on: string): string | null {
  const active = bars.filter((b) => b.barredUntil >= on).sort((a, b) => b.barredUntil.localeCompare(a.barredUntil))[0]
  if (!active) return null
  return `因“${active.endReason}”被取消认定资格，${active.barredUntil} 前不得重新申报认定（指引 六）`
}

/** 注销法人登记的，其认定资格自动终止 (指引 五): the standing a reader sees, whether or not a sweep has run. */
export function standing(
  status: 'active' | 'revoked' | 'terminated',
  organizationActive: boolean,
): { status: 'active' | 'revoked' | 'terminated'; because: string | null } {
  if (status === 'active' && !organizationActive)
    return { status: 'terminated', because: '建设单位已注销法人登记，认定资格自动终止（指引 五）' }
  return { status, because: null }
}
