import { z } from 'zod'
import { IsoDate } from '../../platform/calendar/workdays'
import { capabilityCategories, carrierLevels } from '../carriers/schema'

/**
 * A city's accreditation and evaluation rules as data (DESIGN principle 2): conditions, procedure, evaluation
 * template and bands, dynamic management and targets, with an effective period. What the source document
 * leaves open is a parameter whose value is null (待定) until a city officer sets it in a new version; a whole
 * section the document leaves open is null with a `section` parameter saying so.
 */

const Key = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, '键名应为小写字母开头的英文与点号，如 evaluation.points.pool')
const Text = z.string().trim().min(1).max(500)
const Cite = z.string().trim().min(2, '请注明出处（文件与条款）').max(200)

/** A number the document states, or a reference to a parameter (possibly 待定). */
export const Amount = z.union([z.number().min(0), z.strictObject({ param: Key })])
export type Amount = z.infer<typeof Amount>

export const sections = ['conditions', 'procedure', 'evaluation', 'dynamicManagement'] as const
export type Section = (typeof sections)[number]
export const sectionLabels: Record<Section, string> = {
  conditions: '认定条件',
  procedure: '认定程序',
  evaluation: '绩效评价指标与等次',
  dynamicManagement: '动态管理规则',
}

export const Parameter = z.strictObject({
  key: Key,
  label: Text,
  type: z.enum(['number', 'section']),
  unit: z.string().max(20).optional(),
  /** null: 待定 — the document does not fix it; a city officer sets it in a new version. */
  value: z.number().min(0).nullable(),
  cite: Cite,
  note: Text.optional(),
})
export type Parameter = z.infer<typeof Parameter>

const ConditionBase = { id: Key, label: Text, cite: Cite }
export const platformMetrics = ['poolSize', 'samplesProducts', 'landings'] as const
export const amountFields = ['specialFundsFenPerYear', 'fundSizeFen'] as const
export const declarationKeys = [
  'facilities',
  'projectManagement',
  'serviceProcess',
  'ipProtection',
  'safetyCompliance',
  'integrityManagement',
  'noSeriousMisconduct',
] as const
export type DeclarationKey = (typeof declarationKeys)[number]
export const advisorySectors = ['academia', 'industry', 'investment'] as const
export type AdvisorySector = (typeof advisorySectors)[number]

export const Condition = z.discriminatedUnion('check', [
  z.strictObject({ ...ConditionBase, check: z.literal('registeredLegalEntity') }),
  z.strictObject({
    ...ConditionBase,
    check: z.literal('capabilities'),
    categories: z.array(z.enum(capabilityCategories)).min(1),
  }),
  z.strictObject({ ...ConditionBase, check: z.literal('partners'), min: Amount }),
  z.strictObject({ ...ConditionBase, check: z.literal('platformCount'), metric: z.enum(platformMetrics), min: Amount }),
  z.strictObject({ ...ConditionBase, check: z.literal('declaredAmount'), field: z.enum(amountFields), minFen: Amount }),
  z.strictObject({ ...ConditionBase, check: z.literal('director') }),
  z.strictObject({
    ...ConditionBase,
    check: z.literal('staff'),
    total: Amount,
    fullTime: Amount,
    fullTimeTechManagers: Amount,
  }),
  z.strictObject({
    ...ConditionBase,
    check: z.literal('advisoryPanel'),
    min: Amount,
    sectors: z.array(z.enum(advisorySectors)).min(1),
  }),
  z.strictObject({
    ...ConditionBase,
    check: z.literal('declarations'),
    items: z.array(z.strictObject({ key: z.enum(declarationKeys), label: Text })).min(1),
  }),
])
export type Condition = z.infer<typeof Condition>

export const procedureSteps = ['call', 'apply', 'districtReview', 'cityList', 'notice', 'accredit'] as const
export const Procedure = z.strictObject({
  steps: z.array(z.strictObject({ key: z.enum(procedureSteps), label: Text, cite: Cite })).min(1),
  noticeWorkdays: Amount,
  /** 公示期首日为工作日时计入: the convention of platform/calendar, stated here so the rule reads whole. */
  firstDayCounts: z.literal(true),
  objectionsMustBeResolved: z.boolean(),
})
export type Procedure = z.infer<typeof Procedure>

export const indicatorInputs = ['platform', 'declared', 'scored'] as const
export const indicatorMetrics = [
  'projectsVerified',
  'samplesProducts',
  'landings',
  'serviceRevenueFen',
  'serviceStaff',
  'specialFundsFenPerYear',
] as const
export type IndicatorMetric = (typeof indicatorMetrics)[number]

export const Indicator = z.strictObject({
  key: Key,
  dimension: Key,
  label: Text,
  /** Maximum points of the indicator; the points of all indicators add up to 100. */
  points: Amount,
  input: z.enum(indicatorInputs),
  /** platform / declared: the figure read; points grow linearly up to `fullMarksAt`. */
  metric: z.enum(indicatorMetrics).optional(),
  fullMarksAt: Amount.optional(),
  unit: z.string().max(20).optional(),
  cite: Cite,
})
export type Indicator = z.infer<typeof Indicator>

export const Band = z.strictObject({
  key: z.enum(['excellent', 'pass', 'fail']),
  label: z.string().min(1).max(10),
  /** Lower bound, inclusive; null for the lowest band. */
  min: Amount.nullable(),
})
export type Band = z.infer<typeof Band>

export const Evaluation = z.strictObject({
  cite: Cite,
  dimensions: z.array(z.strictObject({ key: Key, label: Text })).min(1),
  indicators: z.array(Indicator).min(1),
  bands: z.array(Band).min(2),
  /** How a score on a boundary is read, in words, with its legal basis. */
  boundaryConvention: Text,
})
export type Evaluation = z.infer<typeof Evaluation>

export const changeKinds = ['split', 'merger', 'restructuring', 'businessChange'] as const
export type ChangeKind = (typeof changeKinds)[number]
export const revocationCauses = ['fraud', 'majorAccident', 'researchMisconduct'] as const
export type RevocationCause = (typeof revocationCauses)[number]

export const DynamicManagement = z.strictObject({
  cite: Cite,
  failedYearsInARow: Amount,
  skipWithoutGoodReasonRevokes: z.boolean(),
  changeKinds: z.array(z.enum(changeKinds)).min(1),
  changeReportMonths: Amount,
  deregistrationTerminates: z.boolean(),
  revocationCauses: z.array(z.strictObject({ key: z.enum(revocationCauses), label: Text })).min(1),
  reapplyBarYears: Amount,
})
export type DynamicManagement = z.infer<typeof DynamicManagement>

const TargetBase = { key: Key, label: Text, by: IsoDate, cite: Cite }
export const Target = z.discriminatedUnion('metric', [
  z.strictObject({
    ...TargetBase,
    metric: z.literal('accredited'),
    carrierKind: z.enum(['pocCenter', 'pilotPlatform']),
    levels: z.array(z.enum(carrierLevels)).min(1),
    min: z.number().int().min(1),
    /** 建成 / 争创 / 力争 / 左右: the document's own word for how firm the number is. */
    wording: z.string().min(1).max(10),
  }),
  z.strictObject({ ...TargetBase, metric: z.literal('chainCoverage'), system: z.string().min(2).max(60) }),
  z.strictObject({ ...TargetBase, metric: z.literal('pilotServiceProjects'), min: z.number().int().min(1) }),
  /** A target the platform's records cannot measure; shown with its text, never with a made-up figure. */
  z.strictObject({ ...TargetBase, metric: z.literal('unmeasured'), reason: Text }),
])
export type Target = z.infer<typeof Target>

export const RuleDocumentShape = z.strictObject({
  /** The series (wenzhou-poc); versions of a series replace each other by date. */
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '规则代码应为小写字母、数字和连字符'),
  name: z.string().trim().min(4).max(100),
  jurisdiction: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  carrierKind: z.enum(['pocCenter', 'pilotPlatform']),
  level: z.enum(carrierLevels),
  authority: z.string().trim().min(2).max(50),
  versionLabel: z.string().trim().min(1).max(40),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate,
  source: z.string().trim().min(4).max(500),
  parameters: z.array(Parameter),
  namePattern: z
    .strictObject({ template: Text, regex: z.string().min(3).max(200), example: Text, cite: Cite })
    .nullable(),
  conditions: z.array(Condition).min(1).nullable(),
  procedure: Procedure.nullable(),
  evaluation: Evaluation.nullable(),
  dynamicManagement: DynamicManagement.nullable(),
  targets: z.array(Target),
})
export type RuleDocument = z.infer<typeof RuleDocumentShape>

/** Validated at load and when an officer adds a version; cross-field rules in `documentIssues`. */
export const RuleDocument = RuleDocumentShape.superRefine((doc, ctx) => {
  for (const issue of documentIssues(doc)) ctx.addIssue({ code: 'custom', ...issue })
})

type Issue = { path: (string | number)[]; message: string }

/** Parameters referenced exist and are numbers, null sections are declared 待定, ids unique, bands ordered. */
export function documentIssues(doc: RuleDocument): Issue[] {
  const out: Issue[] = []
  if (doc.effectiveTo < doc.effectiveFrom) out.push({ path: ['effectiveTo'], message: '失效日期不能早于生效日期' })
  const params = new Map<string, Parameter>()
  doc.parameters.forEach((p, i) => {
    if (params.has(p.key)) out.push({ path: ['parameters', i, 'key'], message: `参数 ${p.key} 重复` })
    params.set(p.key, p)
    if (p.type === 'section' && p.value !== null)
      out.push({ path: ['parameters', i, 'value'], message: `${p.label} 是整节待定，不能填数值` })
  })
  for (const section of sections) {
    const declared = params.get(section)?.type === 'section'
    if (doc[section] === null && !declared)
      out.push({ path: [section], message: `${sectionLabels[section]}为空时须在参数中标明待定（键名 ${section}）` })
    if (doc[section] !== null && declared)
      out.push({ path: [section], message: `${sectionLabels[section]}已填写，不应再标为待定` })
  }
  visitAmounts(doc, [], (amount, path) => {
    if (typeof amount === 'number') return
    const p = params.get(amount.param)
    if (!p) out.push({ path, message: `引用的参数 ${amount.param} 不存在` })
    else if (p.type !== 'number') out.push({ path, message: `参数 ${amount.param} 不是数值参数` })
  })
  if (doc.conditions) {
    const ids = new Set<string>()
    doc.conditions.forEach((c, i) => {
      if (ids.has(c.id)) out.push({ path: ['conditions', i, 'id'], message: `条件 ${c.id} 重复` })
      ids.add(c.id)
    })
  }
  if (doc.evaluation) out.push(...evaluationIssues(doc.evaluation))
  return out
}

function evaluationIssues(e: Evaluation): Issue[] {
  const out: Issue[] = []
  const dims = new Set(e.dimensions.map((d) => d.key))
  const keys = new Set<string>()
  e.indicators.forEach((ind, i) => {
    const at = (f: string) => ['evaluation', 'indicators', i, f]
    if (keys.has(ind.key)) out.push({ path: at('key'), message: `指标 ${ind.key} 重复` })
    keys.add(ind.key)
    if (!dims.has(ind.dimension))
      out.push({ path: at('dimension'), message: `指标 ${ind.label} 的维度 ${ind.dimension} 不存在` })
    const numeric = ind.input !== 'scored'
    if (numeric && (!ind.metric || ind.fullMarksAt === undefined))
      out.push({ path: at('metric'), message: `${ind.label} 按数值计分，须有取数项（metric）与满分值（fullMarksAt）` })
    if (!numeric && (ind.metric || ind.fullMarksAt !== undefined))
      out.push({ path: at('metric'), message: `${ind.label} 由专家或第三方评分，不设取数项与满分值` })
  })
  const keysInOrder = e.bands.map((b) => b.key).join(',')
  if (e.bands.at(-1)?.min !== null)
    out.push({ path: ['evaluation', 'bands'], message: '最低等次的下限应为空（低于上一等次即为此等次）' })
  if (
    new Set(e.bands.map((b) => b.key)).size !== e.bands.length ||
    !['excellent,pass,fail', 'pass,fail'].includes(keysInOrder)
  )
    out.push({
      path: ['evaluation', 'bands'],
      message: '等次应自高到低排列：优秀、合格、不合格（或合格、不合格），各一次',
    })
  const numbers = e.bands.map((b) => b.min).filter((m): m is number => typeof m === 'number')
  if (numbers.some((m, i) => i > 0 && m >= numbers[i - 1]!))
    out.push({ path: ['evaluation', 'bands'], message: '等次下限应自高到低递减' })
  return out
}

const amountKeys = new Set([
  'min',
  'minFen',
  'total',
  'fullTime',
  'fullTimeTechManagers',
  'noticeWorkdays',
  'points',
  'fullMarksAt',
  'failedYearsInARow',
  'changeReportMonths',
  'reapplyBarYears',
])

/** Calls `visit` for every Amount in the document (to check or to resolve parameter references). */
export function visitAmounts(
  value: unknown,
  path: (string | number)[],
  visit: (a: Amount, path: (string | number)[]) => void,
) {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) visitAmounts(v, [...path, i], visit)
    return
  }
  if (typeof value !== 'object' || value === null) return
  for (const [k, v] of Object.entries(value)) {
    if (path.length === 0 && (k === 'parameters' || k === 'targets')) continue
    if (amountKeys.has(k) && (typeof v === 'number' || (typeof v === 'object' && v !== null && 'param' in v)))
      visit(v as Amount, [...path, k])
    else visitAmounts(v, [...path, k], visit)
  }
}
