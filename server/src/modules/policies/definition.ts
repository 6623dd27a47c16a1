import { z } from 'zod'
import { carrierKinds } from '../carriers/schema'
import { organizationKinds } from '../organizations/schema'
import { type FactKey, factSpec, isFactKey } from './facts'

const Text = (max: number, what: string) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不超过 ${max} 个字`)
const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD')
const Key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, '参数名应为字母开头的字母数字组合')
const Fact = z.string().refine(isFactKey, '不是平台认识的事实项') as unknown as z.ZodType<FactKey>

export const parameterUnits = ['percent', 'fen', 'fenPerUnit', 'years', 'count'] as const
export type ParameterUnit = (typeof parameterUnits)[number]

/** A number the document sets, or an explicit 待定 (value null) that a city officer sets in a new version. */
export const Parameter = z.strictObject({
  label: Text(60, '参数名称'),
  unit: z.enum(parameterUnits, { error: '参数单位不正确' }),
  value: z.number().min(0, '参数不能为负').max(1e13, '参数过大').nullable(),
  /** Where the value comes from: the seed's words, or 文件未规定. */
  source: Text(500, '参数出处'),
  note: z.string().max(500).optional(),
})
export type Parameter = z.infer<typeof Parameter>

const Literal = z.union([z.string().max(40), z.number(), z.boolean(), z.array(z.string().max(40)).max(20)])
const ClaimYear = z.strictObject({ ref: z.literal('claimYear'), offset: z.number().int().min(-10).max(10).optional() })
export const conditionOps = ['eq', 'ne', 'in', 'gte', 'lte', 'includes'] as const

export const Leaf = z.strictObject({
  fact: Fact,
  op: z.enum(conditionOps, { error: '比较方式不正确' }),
  value: z.union([Literal, ClaimYear]),
  label: Text(120, '条件说明'),
})
export type Leaf = z.infer<typeof Leaf>
export const Condition = z.union([
  Leaf,
  z.strictObject({ any: z.array(Leaf).min(2).max(10), label: Text(120, '条件说明') }),
])
export type Condition = z.infer<typeof Condition>

const Term = z.union([z.strictObject({ fact: Fact, perUnit: Key }), z.strictObject({ fact: Fact, rate: Key })])
export const Compute = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rate'), base: Fact, rate: Key }),
  z.strictObject({ kind: z.literal('fixed'), amount: Key }),
  z.strictObject({ kind: z.literal('sum'), terms: z.array(Term).min(1).max(6) }),
])
export type Compute = z.infer<typeof Compute>

export const Stage = z.strictObject({
  /** Support years this stage covers (1 = the first); absent = every year. */
  years: z.strictObject({ from: z.number().int().min(1).max(20), to: z.number().int().min(1).max(20) }).optional(),
  label: z.string().max(60).optional(),
  compute: Compute,
  /** Per entity per year, across all its applications. */
  capPerYear: Key.optional(),
})
export type Stage = z.infer<typeof Stage>

export const Formula = z.strictObject({
  /** Multi-year support: years counted from the first supported year, or from the year the entity was founded. */
  schedule: z.strictObject({ anchor: z.enum(['firstSupportYear', 'establishedYear']), maxYears: Key }).optional(),
  stages: z.array(Stage).min(1).max(5),
  /** Per entity, all years together. */
  capPerEntity: Key.optional(),
  /** 首次认定: granted once per entity. */
  oncePerEntity: z.boolean().optional(),
})
export type Formula = z.infer<typeof Formula>

export const financeLevels = ['city', 'district'] as const
export type FinanceLevel = (typeof financeLevels)[number]
export const financeLevelLabels: Record<FinanceLevel, string> = { city: '市级财政', district: '区县级财政' }

export const Budget = z.strictObject({
  /** Parameter holding the policy's annual budget (待定 when the document names none). */
  annual: Key,
  /** City : district shares (湖州 3 : 7); null = 待定. */
  split: z
    .array(z.strictObject({ level: z.enum(financeLevels), share: z.number().int().min(1).max(100) }))
    .min(1)
    .max(2)
    .nullable(),
  splitSource: Text(500, '分担比例出处'),
})

/**
 * 每年申报次数: `one` — one application per entity, policy and year (the year's costs declared together, 年度申报);
 * `many` — several (one per contract or insurance policy), sharing the annual caps. Absent means `one`.
 */
export const ApplicationLimit = z.strictObject({
  perYear: z.enum(['one', 'many'], { error: '每年申报次数应为一次（one）或多次（many）' }),
  source: Text(500, '申报次数出处'),
})
export type ApplicationLimit = z.infer<typeof ApplicationLimit>

export const serviceCategories = ['poc', 'pilot', 'testing'] as const
export type ServiceCategory = (typeof serviceCategories)[number]
export const serviceCategoryLabels: Record<ServiceCategory, string> = {
  poc: '概念验证',
  pilot: '中试',
  testing: '检测',
}

export const policyKinds = ['subsidy', 'reward', 'voucher', 'premiumSubsidy'] as const
export const policyKindLabels: Record<(typeof policyKinds)[number], string> = {
  subsidy: '补助',
  reward: '奖励',
  voucher: '创新券',
  premiumSubsidy: '保费补贴',
}

export const PolicyDefinition = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{2,59}$/, '政策编码应为小写字母、数字和连字符'),
  title: Text(80, '政策名称'),
  kind: z.enum(policyKinds, { error: '政策类型不正确' }),
  issuer: Text(80, '发文机关'),
  document: Text(200, '政策文件'),
  /** The seed's words this policy encodes, with the document number and section. */
  citation: Text(1000, '条文出处'),
  jurisdiction: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  validity: z.strictObject({ from: IsoDate.nullable(), to: IsoDate.nullable(), note: z.string().max(300).optional() }),
  subject: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('organization'), kinds: z.array(z.enum(organizationKinds)).min(1) }),
    z.strictObject({ type: z.literal('carrier'), kinds: z.array(z.enum(carrierKinds)).min(1) }),
  ]),
  conditions: z.array(Condition).max(20),
  parameters: z.record(Key, Parameter),
  formula: Formula.nullable(),
  evidence: z.array(z.strictObject({ key: Key, label: Text(80, '材料名称') })).max(20),
  budget: Budget,
  applications: ApplicationLimit.optional(),
  /** 免申即享: every input is on the platform, so officers may grant it without an application. */
  automatic: z.boolean(),
  voucher: z.strictObject({ categories: z.array(z.enum(serviceCategories)).min(1) }).optional(),
})
export type PolicyDefinition = z.infer<typeof PolicyDefinition>

function parametersUsed(d: PolicyDefinition): { key: string; units: ParameterUnit[]; where: string }[] {
  const used: { key: string; units: ParameterUnit[]; where: string }[] = [
    { key: d.budget.annual, units: ['fen'], where: 'budget.annual' },
  ]
  const f = d.formula
  if (!f) return used
  if (f.schedule) used.push({ key: f.schedule.maxYears, units: ['years'], where: 'formula.schedule.maxYears' })
  if (f.capPerEntity) used.push({ key: f.capPerEntity, units: ['fen'], where: 'formula.capPerEntity' })
  f.stages.forEach((s, i) => {
    const at = `formula.stages.${i}`
    if (s.capPerYear) used.push({ key: s.capPerYear, units: ['fen'], where: `${at}.capPerYear` })
    const c = s.compute
    if (c.kind === 'rate') used.push({ key: c.rate, units: ['percent'], where: `${at}.compute.rate` })
    if (c.kind === 'fixed') used.push({ key: c.amount, units: ['fen'], where: `${at}.compute.amount` })
    if (c.kind === 'sum')
      for (const t of c.terms)
        used.push(
          'rate' in t
            ? { key: t.rate, units: ['percent'], where: `${at}.compute.terms` }
            : { key: t.perUnit, units: ['fenPerUnit'], where: `${at}.compute.terms` },
        )
  })
  return used
}

/** Cross-field checks zod cannot express: every named parameter exists with the right unit, bases are amounts. */
export function definitionProblems(d: PolicyDefinition): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  for (const use of parametersUsed(d)) {
    const p = d.parameters[use.key]
    if (!p) problems.push({ path: use.where, message: `引用的参数 ${use.key} 未定义` })
    else if (!use.units.includes(p.unit)) problems.push({ path: use.where, message: `参数“${p.label}”的单位不适用` })
  }
  for (const [key, p] of Object.entries(d.parameters)) {
    if (p.value === null) continue
    if (p.unit === 'percent') {
      if (p.value > 100) problems.push({ path: `parameters.${key}`, message: `“${p.label}”不能超过 100%` })
      else if (Math.abs(Math.round(p.value * 100) - p.value * 100) > 1e-6)
        problems.push({ path: `parameters.${key}`, message: `“${p.label}”最多两位小数` })
    } else if (!Number.isInteger(p.value)) {
      problems.push({
        path: `parameters.${key}`,
        message: `“${p.label}”应为整数${p.unit === 'fen' ? '（单位：分）' : ''}`,
      })
    }
  }
  for (const [i, s] of (d.formula?.stages ?? []).entries()) {
    const at = `formula.stages.${i}`
    if (s.years && s.years.from > s.years.to) problems.push({ path: `${at}.years`, message: '支持年度起止颠倒' })
    const c = s.compute
    if (c.kind === 'rate' && factSpec(c.base).type !== 'fen')
      problems.push({ path: `${at}.compute.base`, message: `“${factSpec(c.base).label}”不是金额` })
    if (c.kind === 'sum')
      c.terms.forEach((t, j) => {
        const type = factSpec(t.fact).type
        if ('rate' in t ? type !== 'fen' : type !== 'count')
          problems.push({ path: `${at}.compute.terms.${j}`, message: `“${factSpec(t.fact).label}”不能这样计算` })
      })
  }
  if (d.formula?.schedule && d.formula.stages.some((s) => !s.years) && d.formula.stages.length > 1)
    problems.push({ path: 'formula.stages', message: '分年度规则须为每个阶段注明支持年度' })
  if (d.automatic) {
    const facts = [
      ...d.conditions.flatMap((c) => ('any' in c ? c.any.map((l) => l.fact) : [c.fact])),
      ...(d.formula?.stages ?? []).flatMap((s) =>
        s.compute.kind === 'rate'
          ? [s.compute.base]
          : s.compute.kind === 'sum'
            ? s.compute.terms.map((t) => t.fact)
            : [],
      ),
      ...(d.formula?.schedule?.anchor === 'establishedYear' ? (['organization.establishedYear'] as const) : []),
    ]
    for (const fact of new Set(facts))
      if (factSpec(fact).declarable)
        problems.push({ path: 'automatic', message: `免申即享只能依据平台数据，“${factSpec(fact).label}”须申报` })
  }
  if (!d.formula && d.kind !== 'voucher') problems.push({ path: 'formula', message: '请填写计算规则' })
  if (d.kind === 'voucher' && !d.voucher)
    problems.push({ path: 'voucher', message: '创新券政策须注明可兑付的服务类别' })
  if (d.validity.from && d.validity.to && d.validity.from > d.validity.to)
    problems.push({ path: 'validity', message: '有效期起始日期晚于截止日期' })
  const keys = new Set<string>()
  for (const e of d.evidence) {
    if (keys.has(e.key)) problems.push({ path: 'evidence', message: `材料 ${e.key} 重复` })
    keys.add(e.key)
  }
  return problems
}

/** Whether an entity may hold only one application a year under the policy (the default when the definition is silent). */
export const isOneApplicationPerYear = (d: PolicyDefinition): boolean => (d.applications?.perYear ?? 'one') === 'one'

/** Parameters the document leaves open (待定), in the order they appear. */
export function pendingParameters(d: PolicyDefinition): { key: string; label: string; note: string | null }[] {
  return Object.entries(d.parameters)
    .filter(([, p]) => p.value === null)
    .map(([key, p]) => ({ key, label: p.label, note: p.note ?? null }))
}
