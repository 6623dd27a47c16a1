import { z } from 'zod'
import { policyApplicationStatuses } from './schema'

const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e13, '金额过大')
const Year = z.coerce.number().int('年度应为整数').min(2000, '年度应为四位年份').max(2100, '年度应为四位年份')
const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD')
const Area = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
export const CodeParams = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{2,59}$/, '政策编码应为小写字母、数字和连字符'),
})

const FactValueInput = z.union([z.string().max(40), z.number(), z.boolean(), z.array(z.string().max(40)).max(20)])
const FactValues = z.record(z.string().max(60), FactValueInput).refine((v) => Object.keys(v).length <= 30, '事实项过多')

export const EvidenceInput = z.strictObject({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, '材料编码不正确'),
  fileName: z.string().trim().min(1, '请填写文件名').max(200, '文件名不超过 200 个字'),
  mediaType: z.string().trim().min(3, '请填写文件类型').max(100, '文件类型不超过 100 个字'),
  sizeBytes: z
    .number()
    .int('文件大小应为整数')
    .min(1, '文件不能为空')
    .max(1024 * 1024 * 1024, '文件不超过 1 GB'),
  digest: z.string().regex(/^[0-9a-f]{64}$/, '文件摘要应为 64 位十六进制（SM3 或 SHA-256）'),
})
export const CostItemInput = z.strictObject({
  fact: z.string().max(60),
  reference: z.string().trim().min(1, '请填写发票号或合同号').max(100, '发票号或合同号不超过 100 个字'),
  description: z.string().trim().min(1, '请说明费用内容').max(200, '费用说明不超过 200 个字'),
  amountFen: Fen,
})

// ---- policies ----
export const PolicyQuery = z.strictObject({ jurisdiction: Area.optional() })
export const Parameter = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  pending: z.boolean(),
  text: z.string(),
  source: z.string(),
  note: z.string().nullable(),
})
export const Policy = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  status: z.enum(['active', 'retired']),
  title: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  issuer: z.string(),
  document: z.string(),
  citation: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  validity: z.object({ from: z.string().nullable(), to: z.string().nullable(), note: z.string().nullable() }),
  subjectType: z.enum(['organization', 'carrier']),
  rules: z.array(z.string()),
  parameters: z.array(Parameter),
  pendingParameters: z.array(z.object({ key: z.string(), label: z.string(), note: z.string().nullable() })),
  evidence: z.array(z.object({ key: z.string(), label: z.string() })),
  /** The facts the policy reads: what the calculator asks for and an application may declare. */
  inputs: z.array(
    z.object({
      fact: z.string(),
      label: z.string(),
      type: z.enum(['enum', 'jurisdiction', 'boolean', 'year', 'count', 'fen', 'list']),
      declarable: z.boolean(),
      itemized: z.boolean(),
      evidence: z.string().nullable(),
      options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
    }),
  ),
  automatic: z.boolean(),
  origin: z.enum(['shipped', 'officer']),
  changeNote: z.string(),
  createdAt: z.string(),
  definition: z.record(z.string(), z.unknown()),
})
export type Policy = z.infer<typeof Policy>
export const PolicyList = z.object({ items: z.array(Policy) })
export const RevisePolicy = z.strictObject({
  definition: z.record(z.string(), z.unknown()),
  changeNote: z.string().trim().min(2, '请说明修订内容').max(500, '修订说明不超过 500 个字'),
})
export const SetParameters = z.strictObject({
  values: z
    .record(z.string().max(40), z.number().min(0, '参数不能为负').max(1e13, '参数过大'))
    .refine((v) => Object.keys(v).length <= 20, '一次最多设定 20 个参数')
    .default({}),
  /** 资金分担比例 (city : district), when the document leaves it open. */
  split: z
    .array(
      z.strictObject({
        level: z.enum(['city', 'district'], { error: '财政级次应为市级或区县级' }),
        share: z.number().int('分担份额应为整数').min(1, '分担份额至少为 1').max(100, '分担份额不超过 100'),
      }),
    )
    .min(1, '请填写分担比例')
    .max(2, '分担比例最多两级')
    .optional(),
  changeNote: z.string().trim().min(2, '请说明设定依据（文件、会议纪要）').max(500, '设定依据不超过 500 个字'),
})

// ---- computation ----
export const Computation = z.object({
  policyCode: z.string(),
  policyVersion: z.number(),
  policyTitle: z.string(),
  year: z.number(),
  status: z.enum(['computed', 'pending', 'incomplete', 'ineligible']),
  statusLabel: z.string(),
  grossFen: z.number().nullable(),
  amountFen: z.number().nullable(),
  amountText: z.string().nullable(),
  supportYear: z.number().nullable(),
  conditions: z.array(
    z.object({
      label: z.string(),
      outcome: z.enum(['pass', 'fail', 'unknown']),
      detail: z.string(),
      missing: z.array(z.object({ fact: z.string(), label: z.string(), evidence: z.string().nullable() })),
    }),
  ),
  steps: z.array(z.string()),
  summary: z.string(),
  pendingParameters: z.array(z.object({ key: z.string(), label: z.string(), note: z.string().nullable() })),
  missing: z.array(z.object({ fact: z.string(), label: z.string(), evidence: z.string().nullable() })),
  facts: z.array(
    z.object({ fact: z.string(), label: z.string(), value: z.string(), origin: z.string(), source: z.string() }),
  ),
})
export const Calculate = z.strictObject({
  policyCode: CodeParams.shape.code,
  year: Year,
  /** For a carrier policy: one of the caller's own carriers (its platform data is then used). */
  carrierId: z.uuid('载体编号格式不正确').optional(),
  /** What-if values: they override what the platform holds. */
  facts: FactValues.default({}),
})

// ---- applications ----
export const Apply = z.strictObject({
  policyCode: CodeParams.shape.code,
  year: Year,
  carrierId: z.uuid('载体编号格式不正确').optional(),
  declared: FactValues.default({}),
  costItems: z.array(CostItemInput).max(200, '费用项不超过 200 条').default([]),
  evidence: z.array(EvidenceInput).max(50, '材料不超过 50 份').default([]),
  note: z.string().trim().max(1000, '说明不超过 1000 个字').optional(),
})
export const Resubmit = Apply.omit({ policyCode: true, year: true, carrierId: true }).extend({
  version: z.number().int().min(1),
})
export const Review = z.strictObject({
  decision: z.enum(['approve', 'return', 'reject'], { error: '审核结论应为通过、退回或不予通过' }),
  note: z.string().trim().max(1000, '审核意见不超过 1000 个字').optional(),
  /** 核减: a city officer may approve less than computed, with a reason. */
  amountFen: Fen.optional(),
  version: z.number().int().min(1),
})
export const Withdraw = z.strictObject({ version: z.number().int().min(1) })
export const Payment = z.strictObject({
  financeLevel: z.enum(['city', 'district'], { error: '财政级次应为市级或区县级' }),
  amountFen: Fen.min(1, '拨付金额应大于 0'),
  paidOn: IsoDate,
  reference: z.string().trim().min(1, '请填写拨付凭证号').max(100, '拨付凭证号不超过 100 个字'),
  version: z.number().int().min(1),
})
export const ApplicationQuery = z.strictObject({
  status: z.enum(policyApplicationStatuses, { error: '状态不正确' }).optional(),
  policy: CodeParams.shape.code.optional(),
  year: Year.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

const LedgerEntry = z.object({
  kind: z.enum(['commitment', 'payment']),
  financeLevel: z.string().nullable(),
  financeLevelLabel: z.string(),
  amountFen: z.number(),
  paidOn: z.string().nullable(),
  reference: z.string().nullable(),
  policyVersion: z.number(),
  createdAt: z.string(),
})
export const Application = z.object({
  id: z.string(),
  policyCode: z.string(),
  policyTitle: z.string(),
  policyVersion: z.number(),
  subjectType: z.enum(['organization', 'carrier']),
  subjectId: z.string(),
  subjectName: z.string(),
  applicantOrgId: z.string(),
  jurisdictionCode: z.string(),
  year: z.number(),
  mode: z.enum(['applied', 'automatic']),
  modeLabel: z.string(),
  status: z.enum(policyApplicationStatuses),
  statusLabel: z.string(),
  computedFen: z.number().nullable(),
  approvedFen: z.number().nullable(),
  paidFen: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export const ApplicationDetail = Application.extend({
  declared: z.record(z.string(), z.unknown()),
  costItems: z.array(CostItemInput),
  evidence: z.array(EvidenceInput),
  note: z.string().nullable(),
  computation: Computation,
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      toStatusLabel: z.string(),
      note: z.string().nullable(),
      amountFen: z.number().nullable(),
      policyVersion: z.number().nullable(),
      explanation: z.array(z.string()),
      actorRole: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  ledger: z.array(LedgerEntry),
  /** What the caller may do next, by the rules the decisions apply: the page offers only these. */
  can: z.object({ reviewDistrict: z.boolean(), reviewCity: z.boolean(), pay: z.boolean(), withdraw: z.boolean() }),
})
export const ApplicationPage = z.object({ items: z.array(Application), total: z.number() })

// ---- push, 免申即享, budget ----
export const YearBody = z.strictObject({ year: Year })
export const YearQuery = z.strictObject({ year: Year })
export const Candidate = z.object({
  subjectType: z.enum(['organization', 'carrier']),
  subjectId: z.string(),
  subjectName: z.string(),
  orgId: z.string(),
  jurisdictionCode: z.string(),
  status: z.enum(['eligible', 'nearlyEligible', 'ineligible']),
  statusLabel: z.string(),
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  amountText: z.string().nullable(),
  notified: z.boolean(),
})
export const CandidateList = z.object({
  policyCode: z.string(),
  policyVersion: z.number(),
  year: z.number(),
  items: z.array(Candidate),
})
export const EntitlementRun = z.object({
  created: z.array(z.object({ applicationId: z.string(), subjectName: z.string(), amountText: z.string().nullable() })),
  skipped: z.array(z.object({ subjectName: z.string(), reason: z.string() })),
})
export const BudgetQuery = z.strictObject({ year: Year, jurisdiction: Area.optional() })
const LevelFigures = z.object({ level: z.string(), label: z.string(), committedFen: z.number(), paidFen: z.number() })
export const BudgetView = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      policyCode: z.string(),
      policyTitle: z.string(),
      jurisdictionName: z.string(),
      budgetFen: z.number().nullable(),
      budgetText: z.string(),
      committedFen: z.number(),
      paidFen: z.number(),
      remainingFen: z.number().nullable(),
      split: z.string(),
      byLevel: z.array(LevelFigures),
      applications: z.number(),
    }),
  ),
})

export const LedgerQuery = z.strictObject({
  year: Year.optional(),
  policy: CodeParams.shape.code.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
const Fens = { committedFen: z.number(), paidFen: z.number() }
export const LedgerPage = z.object({
  items: z.array(
    z.object({
      subjectId: z.string(),
      subjectName: z.string(),
      jurisdictionCode: z.string(),
      policyCode: z.string(),
      policyTitle: z.string(),
      year: z.number(),
      ...Fens,
      outstandingFen: z.number(),
      byLevel: z.array(z.object({ level: z.string().nullable(), label: z.string(), ...Fens })),
      applications: z.number(),
      totalCommittedFen: z.number(),
      supportYears: z.array(z.number()),
      caps: z.array(z.string()),
    }),
  ),
  total: z.number(),
})

// ---- inbox ----
export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  createdAt: z.string(),
})
export const NotificationQuery = z.strictObject({
  status: z.enum(['unread', 'all'], { error: '状态应为未读或全部' }).default('all'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export const NotificationPage = z.object({ items: z.array(Notification), total: z.number(), unread: z.number() })
