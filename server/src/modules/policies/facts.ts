import { accreditationLabels, carrierKindLabels, carrierLevelLabels } from '../carriers/labels'
import { tierKeyLabel } from '../enterprises/labels'
import { organizationKindLabels } from '../organizations/labels'
import { formatFen } from './money'

export type FactType = 'enum' | 'jurisdiction' | 'boolean' | 'year' | 'count' | 'fen' | 'list'

export type FactSpec = {
  label: string
  type: FactType
  /** May an applicant declare it (with evidence) when the platform does not hold it? */
  declarable: boolean
  /** A cost claimed item by item (invoice, contract): the same item cannot be claimed twice. */
  itemized?: boolean
  /** What proves a declared value. */
  evidence?: string
  values?: Record<string, string>
  /** Values are industry node codes (`system:node`), shown by their names; region codes (type jurisdiction) likewise. */
  codes?: 'industry'
}

const levelLabels: Record<string, string> = { ...carrierLevelLabels, none: '未认定' }

/**
 * The facts policies may be conditioned on, one catalog. Who provides each is in fact-providers.ts: the
 * registries (机构库、企业库、载体库), accreditation and evaluation, PoC outcomes, and the policy ledger; a
 * declarable fact the platform does not hold may be declared in an application with evidence.
 */
export const factCatalog = {
  'organization.kind': { label: '主体类型', type: 'enum', declarable: false, values: organizationKindLabels },
  'organization.jurisdiction': { label: '注册地', type: 'jurisdiction', declarable: false },
  'organization.isLegalEntity': { label: '独立法人', type: 'boolean', declarable: false },
  'organization.establishedYear': { label: '成立年份', type: 'year', declarable: true, evidence: '营业执照' },
  'agency.qualified': {
    label: '具备优质产业资源导入能力和专业运营服务团队',
    type: 'boolean',
    declarable: true,
    evidence: '运营团队及产业资源导入能力说明',
  },
  'carrier.kind': { label: '载体类型', type: 'enum', declarable: false, values: carrierKindLabels },
  'carrier.jurisdiction': { label: '载体所在地', type: 'jurisdiction', declarable: false },
  'funding.cityFunded': { label: '获得市级投入', type: 'boolean', declarable: true, evidence: '市级立项或拨款文件' },
  'enterprise.tiers': { label: '企业梯度资质', type: 'list', declarable: false },
  'enterprise.industryCodes': { label: '所属产业', type: 'list', declarable: false, codes: 'industry' },
  'enterprise.rdSpendingFen': { label: '年度研发投入', type: 'fen', declarable: false },
  'accreditation.status': { label: '认定状态', type: 'enum', declarable: false, values: accreditationLabels },
  'accreditation.level': { label: '认定级别', type: 'enum', declarable: false, values: levelLabels },
  'accreditation.year': { label: '认定年份', type: 'year', declarable: false },
  'evaluation.band': {
    label: '年度绩效评价结果',
    type: 'enum',
    declarable: true,
    evidence: '绩效评价结果通知',
    values: { 优秀: '优秀', 合格: '合格', 不合格: '不合格' },
  },
  'evaluation.year': { label: '绩效评价年度', type: 'year', declarable: true, evidence: '绩效评价结果通知' },
  'outcomes.landedLocally': {
    label: '落地本市产业化的项目数',
    type: 'count',
    declarable: true,
    evidence: '项目落地产业化证明（营业执照、许可或转让合同）',
  },
  'outcomes.serviceRevenueFen': { label: '服务收入', type: 'fen', declarable: true, evidence: '服务合同与收入凭证' },
  'spending.ownInvestmentFen': {
    label: '自筹投入',
    type: 'fen',
    declarable: true,
    itemized: true,
    evidence: '自筹投入专项审计报告或财务凭证',
  },
  'spending.previousYearOwnInvestmentFen': {
    label: '上一年度自筹投入',
    type: 'fen',
    declarable: true,
    evidence: '上一年度自筹投入专项审计报告',
  },
  'spending.universityRdPaymentsFen': {
    label: '当年度实际支付给高校、科研院所的研发经费',
    type: 'fen',
    declarable: true,
    itemized: true,
    evidence: '产学研合作合同及付款凭证',
  },
  'insurance.pocProject': {
    label: '投保标的为概念验证项目',
    type: 'boolean',
    declarable: true,
    evidence: '概念验证项目入库证明',
  },
  'insurance.premiumFen': {
    label: '科技保险保费',
    type: 'fen',
    declarable: true,
    itemized: true,
    evidence: '保险单及保费缴纳凭证',
  },
} as const satisfies Record<string, FactSpec>

export type FactKey = keyof typeof factCatalog
export const factKeys = Object.keys(factCatalog) as FactKey[]
export const isFactKey = (key: string): key is FactKey => key in factCatalog
export const factSpec = (key: FactKey): FactSpec => factCatalog[key]

export type FactValue = string | number | boolean | string[]
export type FactOrigin = 'platform' | 'declared' | 'whatIf'
/** A fact with where it came from: 载体库, 企业库, 政策台账, 申报材料, 测算假设 … */
export type Fact = { value: FactValue; origin: FactOrigin; source: string }
export type FactSet = Partial<Record<FactKey, Fact>>

/** Whether the fact's values are codes a person reads by name (区划、产业). */
export const isCodedFact = (key: FactKey): boolean => factSpec(key).type === 'jurisdiction' || !!factSpec(key).codes

/**
 * The Chinese rendering of a value: 160 万元, 省级, 是, 高新技术企业（国家级）, 福建省厦门市湖里区 … Region and industry
 * codes read by their names from `names` (the facts keep the codes).
 */
export function describeValue(key: FactKey, value: FactValue, names?: ReadonlyMap<string, string>): string {
  const spec = factSpec(key)
  const named = (v: string) => (isCodedFact(key) ? names?.get(v) : undefined) ?? spec.values?.[v] ?? v
  if (Array.isArray(value)) {
    if (value.length === 0) return '无'
    return value.map((v) => (key === 'enterprise.tiers' ? tierKeyLabel(v) : named(v))).join('、')
  }
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number') {
    if (spec.type === 'fen') return formatFen(value)
    if (spec.type === 'year') return `${value} 年`
    if (spec.type === 'count') return `${value} 个`
    return String(value)
  }
  return named(value)
}

/** A declared or what-if value of the fact's type, or a Chinese reason why not. */
export function checkFactValue(key: FactKey, value: unknown): string | null {
  const spec = factSpec(key)
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `${spec.label}应为是或否`
    case 'year':
      return Number.isInteger(value) && (value as number) >= 1900 && (value as number) <= 2100
        ? null
        : `${spec.label}应为四位年份`
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100_000
        ? null
        : `${spec.label}应为非负整数`
    case 'fen':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1e13
        ? null
        : `${spec.label}应为非负整数（单位：分）`
    case 'enum':
      return typeof value === 'string' && (!spec.values || value in spec.values) ? null : `${spec.label}取值不正确`
    case 'jurisdiction':
      return typeof value === 'string' && /^\d{6}$/.test(value) ? null : `${spec.label}应为 6 位行政区划代码`
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : `${spec.label}应为文本列表`
  }
}
