import { type ConditionResult, evaluateConditions, missingFact } from './conditions'
import { type Compute, type Parameter, type PolicyDefinition, pendingParameters, type Stage } from './definition'
import { describeValue, type FactKey, type FactSet, factSpec } from './facts'
import { applyRate, formatFen, formatPercent, percentToBasisPoints } from './money'

/** What the ledger already holds for this entity and policy (other applications than the one computed). */
export type LedgerState = {
  yearCommittedFen: number
  totalCommittedFen: number
  /** What this entity's other applications still in review were estimated at: the caps count them as taken. */
  yearReservedFen: number
  totalReservedFen: number
  firstSupportYear: number | null
  grants: number
  /** All entities under this policy in the claim year: checked against the annual budget when one is set. */
  budgetCommittedFen: number
}
export const EMPTY_LEDGER: LedgerState = {
  yearCommittedFen: 0,
  totalCommittedFen: 0,
  yearReservedFen: 0,
  totalReservedFen: 0,
  firstSupportYear: null,
  grants: 0,
  budgetCommittedFen: 0,
}

export type ComputationStatus = 'computed' | 'pending' | 'incomplete' | 'ineligible'
export const computationStatusLabels: Record<ComputationStatus, string> = {
  computed: '可核定',
  pending: '待定参数尚未设定',
  incomplete: '缺少数据',
  ineligible: '不符合条件',
}

export type Computation = {
  policyCode: string
  policyVersion: number
  policyTitle: string
  year: number
  status: ComputationStatus
  /** The amount before caps and the ledger, and the amount 核定 after them (null unless computed). */
  grossFen: number | null
  amountFen: number | null
  supportYear: number | null
  conditions: ConditionResult[]
  /** Every step in Chinese, in order; `summary` is the arithmetic in one line. */
  steps: string[]
  summary: string
  pendingParameters: { key: string; label: string; note: string | null }[]
  missing: { fact: FactKey; label: string; evidence: string | null }[]
  /** The inputs, each with where it came from (平台数据 / 申报 / 测算假设). */
  facts: { fact: FactKey; label: string; value: string; origin: string; source: string }[]
}

export type EngineInput = {
  definition: PolicyDefinition
  version: number
  year: number
  facts: FactSet
  ledger: LedgerState
  /** The policy area's name for explanations (湖州市). */
  areaName: string
  /** Names of the region and industry codes the facts hold, so explanations read 湖里区, not 350206. */
  names?: ReadonlyMap<string, string>
}

type Work = {
  steps: string[]
  arithmetic: string[]
  pending: Map<string, { key: string; label: string; note: string | null }>
  missing: Map<FactKey, { fact: FactKey; label: string; evidence: string | null }>
  ineligible: boolean
}

function parameter(d: PolicyDefinition, key: string, w: Work): { p: Parameter; value: number | null } {
  const p = d.parameters[key]!
  if (p.value === null) w.pending.set(key, { key, label: p.label, note: p.note ?? null })
  return { p, value: p.value }
}

const shownParam = (p: Parameter, value: number | null): string =>
  value === null
    ? `${p.label}（待定）`
    : p.unit === 'percent'
      ? formatPercent(value)
      : p.unit === 'fen' || p.unit === 'fenPerUnit'
        ? formatFen(value)
        : String(value)

function factAmount(facts: FactSet, key: FactKey, w: Work): number | null {
  const f = facts[key]
  if (f === undefined || typeof f.value !== 'number') {
    w.missing.set(key, missingFact(key))
    return null
  }
  return f.value
}

function computeGross(d: PolicyDefinition, c: Compute, facts: FactSet, w: Work): number | null {
  if (c.kind === 'fixed') {
    const { p, value } = parameter(d, c.amount, w)
    w.arithmetic.push(`${p.label} ${shownParam(p, value)}`)
    return value
  }
  const parts: (number | null)[] = []
  const terms = c.kind === 'rate' ? [{ fact: c.base, rate: c.rate }] : c.terms
  for (const t of terms) {
    const base = factAmount(facts, t.fact, w)
    const key = 'rate' in t ? t.rate : t.perUnit
    const { p, value } = parameter(d, key, w)
    const shownBase =
      base === null
        ? `${factSpec(t.fact).label}（缺少数据）`
        : `${factSpec(t.fact).label} ${describeValue(t.fact, base)}`
    const part =
      base === null || value === null ? null : 'rate' in t ? applyRate(base, percentToBasisPoints(value)) : base * value
    parts.push(part)
    w.arithmetic.push(`${shownBase} × ${shownParam(p, value)}${part === null ? '' : ` = ${formatFen(part)}`}`)
  }
  if (parts.some((x) => x === null)) return null
  const sum = (parts as number[]).reduce((a, b) => a + b, 0)
  if (parts.length > 1) w.arithmetic.push(`合计 ${formatFen(sum)}`)
  return sum
}

function stageFor(d: PolicyDefinition, supportYear: number | null): Stage | undefined {
  const stages = d.formula!.stages
  if (supportYear === null) return stages[0]
  return stages.find((s) => !s.years || (supportYear >= s.years.from && supportYear <= s.years.to))
}

function validityProblem(d: PolicyDefinition, year: number): string | null {
  const { from, to } = d.validity
  if (from && `${year}-12-31` < from) return `政策自 ${from} 起施行，${year} 年度不在有效期内`
  if (to && `${year}-01-01` > to) return `政策有效期至 ${to}，${year} 年度不在有效期内`
  return null
}

function supportYearOf(d: PolicyDefinition, input: EngineInput, w: Work): number | null {
  const schedule = d.formula!.schedule
  if (!schedule) return null
  let first: number
  if (schedule.anchor === 'establishedYear') {
    const founded = input.facts['organization.establishedYear']
    if (!founded || typeof founded.value !== 'number') {
      w.missing.set('organization.establishedYear', missingFact('organization.establishedYear'))
      return null
    }
    first = founded.value
    w.steps.push(`机构成立于 ${first} 年（${founded.source}），${input.year} 年为第 ${input.year - first + 1} 年`)
  } else {
    first = Math.min(input.ledger.firstSupportYear ?? input.year, input.year)
    w.steps.push(
      input.ledger.firstSupportYear === null
        ? `${input.year} 年为首个支持年度`
        : `首个支持年度为 ${first} 年，${input.year} 年为第 ${input.year - first + 1} 个支持年度`,
    )
  }
  const index = input.year - first + 1
  const { p, value: max } = parameter(d, schedule.maxYears, w)
  if (index < 1) {
    w.steps.push(`✗ ${input.year} 年早于机构成立年份，不能申请`)
    w.ineligible = true
  } else if (max !== null && index > max) {
    w.steps.push(`✗ 第 ${index} 年超过${p.label} ${max} 年`)
    w.ineligible = true
  }
  return index
}

/** Applies a cap: returns the capped amount and says in Chinese what happened. */
function cap(amount: number, limit: number, label: string, w: Work): number {
  if (amount > limit) {
    w.arithmetic.push(`超过${label} ${formatFen(limit)}，按上限计 ${formatFen(limit)}`)
    return limit
  }
  w.arithmetic.push(`未超过${label} ${formatFen(limit)}`)
  return amount
}

/** What the ledger has committed and the entity's applications in review reserve come off the cap. */
function ledgerCap(
  amount: number,
  limit: number,
  used: { committed: number; reserved: number },
  label: string,
  w: Work,
): number {
  if (used.committed <= 0 && used.reserved <= 0) return amount
  const remaining = Math.max(0, limit - used.committed - used.reserved)
  const taken = [
    used.committed > 0 ? `已核定 ${formatFen(used.committed)}` : null,
    used.reserved > 0 ? `在办申请已测算 ${formatFen(used.reserved)}` : null,
  ].filter(Boolean)
  w.arithmetic.push(`${label}${taken.join('、')}，剩余额度 ${formatFen(remaining)}`)
  return Math.min(amount, remaining)
}

/** One engine for every policy: eligibility, support year, formula, caps, ledger — each step explained. */
export function computeEntitlement(input: EngineInput): Computation {
  const d = input.definition
  const w: Work = { steps: [], arithmetic: [], pending: new Map(), missing: new Map(), ineligible: false }
  const result = (
    status: ComputationStatus,
    grossFen: number | null,
    amountFen: number | null,
    supportYear: number | null,
    conditions: ConditionResult[],
  ): Computation => {
    const steps = [...w.steps, ...w.arithmetic]
    if (status === 'pending')
      steps.push(
        `待定：${[...w.pending.values()].map((p) => `“${p.label}”`).join('、')}文件未规定，须由市级主管部门设定后方可核定`,
      )
    if (status === 'incomplete')
      steps.push(`缺少数据：${[...w.missing.values()].map((m) => m.label).join('、')}，请申报并提供证明材料`)
    return {
      policyCode: d.code,
      policyVersion: input.version,
      policyTitle: d.title,
      year: input.year,
      status,
      grossFen,
      amountFen,
      supportYear,
      conditions,
      steps,
      summary:
        status === 'ineligible' && w.arithmetic.length === 0
          ? steps.filter((s) => s.startsWith('✗')).join('；')
          : w.arithmetic.join('，'),
      pendingParameters: [...w.pending.values()],
      missing: [...w.missing.values()],
      facts: (Object.entries(input.facts) as [FactKey, NonNullable<FactSet[FactKey]>][]).map(([fact, f]) => ({
        fact,
        label: factSpec(fact).label,
        value: describeValue(fact, f.value, input.names),
        origin: f.origin,
        source: f.source,
      })),
    }
  }
  w.steps.push(`依据：${d.document}《${d.title}》第 ${input.version} 版（${d.issuer}）`)
  const invalid = validityProblem(d, input.year)
  if (invalid) {
    w.steps.push(`✗ ${invalid}`)
    return result('ineligible', null, null, null, [])
  }
  const conditions = evaluateConditions(d, input.facts, input.year, input.areaName, input.names)
  w.steps.push(...conditions.map((c) => c.detail))
  for (const c of conditions) for (const m of c.missing) w.missing.set(m.fact, m)
  if (conditions.some((c) => c.outcome === 'fail')) return result('ineligible', null, null, null, conditions)
  if (conditions.some((c) => c.outcome === 'unknown')) return result('incomplete', null, null, null, conditions)
  if (!d.formula) return result(w.missing.size ? 'incomplete' : 'computed', null, null, null, conditions)
  if (d.formula.oncePerEntity && input.ledger.grants > 0) {
    w.steps.push('✗ 该主体已获得过本项支持（每个主体限一次）')
    return result('ineligible', null, null, null, conditions)
  }
  const supportYear = supportYearOf(d, input, w)
  if (w.ineligible) return result('ineligible', null, null, supportYear, conditions)
  const stage = stageFor(d, supportYear)
  if (!stage) {
    w.steps.push(`✗ 第 ${supportYear} 年没有适用的支持规则`)
    return result('ineligible', null, null, supportYear, conditions)
  }
  if (stage.label) w.steps.push(`适用：${stage.label}`)
  const gross = computeGross(d, stage.compute, input.facts, w)
  const capParam = stage.capPerYear ? parameter(d, stage.capPerYear, w) : undefined
  const entityParam = d.formula.capPerEntity ? parameter(d, d.formula.capPerEntity, w) : undefined
  if (w.missing.size) return result('incomplete', null, null, supportYear, conditions)
  if (w.pending.size || gross === null) {
    if (capParam?.value != null) w.arithmetic.push(`最高 ${formatFen(capParam.value)}`)
    return result('pending', gross, null, supportYear, conditions)
  }
  let amount = gross
  if (capParam?.value != null) {
    amount = cap(amount, capParam.value, '年度上限', w)
    amount = ledgerCap(
      amount,
      capParam.value,
      { committed: input.ledger.yearCommittedFen, reserved: input.ledger.yearReservedFen },
      '本年度',
      w,
    )
  }
  if (entityParam?.value != null) {
    amount = cap(amount, entityParam.value, `${entityParam.p.label}`, w)
    amount = ledgerCap(
      amount,
      entityParam.value,
      { committed: input.ledger.totalCommittedFen, reserved: input.ledger.totalReservedFen },
      '历年累计',
      w,
    )
  }
  const budget = d.parameters[d.budget.annual]!
  if (budget.value === null) w.steps.push('政策年度预算待定，未作预算额度校验')
  else {
    const remaining = Math.max(0, budget.value - input.ledger.budgetCommittedFen)
    if (amount > remaining) {
      w.arithmetic.push(
        `政策年度预算 ${formatFen(budget.value)} 已承诺 ${formatFen(input.ledger.budgetCommittedFen)}，按预算余额计 ${formatFen(remaining)}`,
      )
      amount = remaining
    } else w.steps.push(`政策年度预算 ${formatFen(budget.value)}，余额 ${formatFen(remaining)}，足以安排`)
  }
  w.arithmetic.push(amount > 0 ? `核定 ${formatFen(amount)}` : '额度已用完，核定 0 元')
  return result('computed', gross, amount, supportYear, conditions)
}

export { pendingParameters }
