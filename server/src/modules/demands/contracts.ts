import { z } from 'zod'
import { confidentialityLevels } from '../../platform/registry/confidentiality'
import { cooperationModes, demandStatuses, wantedMaturities } from './schema'

const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e15, '金额过大')
const Day = z.iso.date('日期格式应为 YYYY-MM-DD')
/** 手机 1xxxxxxxxxx, or 固话 with area code (0577-88888888, 分机 optional). */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/

const fields = {
  title: z.string().trim().min(4, '需求名称至少 4 个字').max(200, '需求名称不超过 200 个字'),
  description: z.string().trim().min(20, '需求描述至少 20 个字').max(8000, '需求描述不超过 8000 个字'),
  keywords: z
    .array(z.string().trim().min(1, '关键词不能为空').max(30, '每个关键词不超过 30 个字'))
    .max(20, '关键词不超过 20 个'),
  industryCodes: z.array(z.string().trim().min(1).max(40)).max(10, '产业分类不超过 10 项'),
  budgetNegotiable: z.boolean({ error: '请说明预算是否面议' }),
  budgetMinFen: Fen.nullish(),
  budgetMaxFen: Fen.nullish(),
  deadline: Day,
  cooperationModes: z
    .array(z.enum(cooperationModes, { error: '合作方式应为：技术转让、技术许可、合作开发、委托开发、技术咨询' }))
    .min(1, '请至少选择一种合作方式')
    .max(5),
  trlWanted: z.number().int('TRL 应为整数').min(1, 'TRL 最小为 1').max(9, 'TRL 最大为 9').nullish(),
  maturityWanted: z.enum(wantedMaturities, { error: '期望成熟度不在可选范围内' }).nullish(),
  contactName: z.string().trim().min(1, '请填写联系人').max(50, '联系人不超过 50 个字').nullish(),
  contactPhone: z.string().trim().regex(PHONE, '联系电话应为手机号或带区号的固定电话').nullish(),
  contactEmail: z.email('电子邮箱格式不正确').max(100).nullish(),
  confidentiality: z.enum(confidentialityLevels, { error: '请选择公开程度' }),
}

type Budget = { budgetNegotiable?: boolean; budgetMinFen?: number | null; budgetMaxFen?: number | null }

/** 预算: 面议, or at least one bound, the upper not below the lower. */
export function budgetProblems(v: Budget): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  const hasAmount = v.budgetMinFen != null || v.budgetMaxFen != null
  if (v.budgetNegotiable === true && hasAmount)
    problems.push({ path: 'budgetNegotiable', message: '选择面议时请不要填写预算金额' })
  if (v.budgetNegotiable === false && !hasAmount)
    problems.push({ path: 'budgetMinFen', message: '请填写预算金额，或选择面议' })
  if (v.budgetMinFen != null && v.budgetMaxFen != null && v.budgetMinFen > v.budgetMaxFen)
    problems.push({ path: 'budgetMaxFen', message: '预算上限不能低于下限' })
  return problems
}

function budgetRule(v: Budget, ctx: z.RefinementCtx) {
  for (const p of budgetProblems(v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message })
}

export const CreateDemand = z
  .strictObject({
    ...fields,
    keywords: fields.keywords.default([]),
    industryCodes: fields.industryCodes.default([]),
    budgetNegotiable: fields.budgetNegotiable.default(true),
    confidentiality: fields.confidentiality.default('internal'),
    /** The enterprise with the need: the caller's own, or — for an officer collecting it — one in their area. */
    ownerOrgId: z.uuid('企业编号格式不正确').optional(),
  })
  .superRefine(budgetRule)
export type CreateDemand = z.infer<typeof CreateDemand>

export const UpdateDemand = z
  .strictObject(fields)
  .partial()
  .extend({ version: z.number().int().positive(), note: z.string().trim().max(200).optional() })
export type UpdateDemand = z.infer<typeof UpdateDemand>

export const ChangeDemandStatus = z.strictObject({
  status: z.enum(demandStatuses, { error: '状态应为：征集中、已对接、已关闭' }),
  version: z.number().int().positive(),
  reason: z.string().trim().min(2, '原因至少 2 个字').max(500, '原因不超过 500 个字').optional(),
})
export type ChangeDemandStatus = z.infer<typeof ChangeDemandStatus>

const csv = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )

export const DemandQuery = z.strictObject({
  q: z.string().trim().max(200, '搜索词不超过 200 个字').optional(),
  industry: csv(400).optional(),
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
  status: csv(60)
    .pipe(z.array(z.enum(demandStatuses, { error: '状态应为 open、matched 或 closed' })))
    .optional(),
  cooperationMode: csv(200)
    .pipe(z.array(z.enum(cooperationModes, { error: '合作方式不在可选范围内' })))
    .optional(),
  deadlineFrom: Day.optional(),
  deadlineTo: Day.optional(),
  /** Demands whose budget range reaches into [budgetFrom, budgetTo] (分); 面议 ones are left out. */
  budgetFrom: z.coerce.number().int().min(0).max(1e15).optional(),
  budgetTo: z.coerce.number().int().min(0).max(1e15).optional(),
  updatedFrom: Day.optional(),
  updatedTo: Day.optional(),
  owner: z.enum(['mine']).optional(),
  lifecycle: z.enum(['active', 'archived']).default('active'),
  sort: z.enum(['relevance', 'updated', 'deadline']).default('relevance'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type DemandQuery = z.infer<typeof DemandQuery>

export const Marked = z.array(z.object({ text: z.string(), hit: z.boolean() }))
const Contact = z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })

export const Demand = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  industryCodes: z.array(z.string()),
  industries: z.array(z.object({ code: z.string(), name: z.string() })),
  budgetNegotiable: z.boolean(),
  budgetMinFen: z.number().nullable(),
  budgetMaxFen: z.number().nullable(),
  budgetLabel: z.string(),
  deadline: z.string(),
  isPastDeadline: z.boolean(),
  cooperationModes: z.array(z.enum(cooperationModes)),
  cooperationModeLabels: z.array(z.string()),
  trlWanted: z.number().nullable(),
  maturityWanted: z.enum(wantedMaturities).nullable(),
  maturityWantedLabel: z.string().nullable(),
  /** Null for visitors without an account: contact details never reach the public portal. */
  contact: Contact.nullable(),
  status: z.enum(demandStatuses),
  statusLabel: z.string(),
  statusChangedAt: z.string().nullable(),
  statusReason: z.string().nullable(),
  nextStatuses: z.array(z.enum(demandStatuses)),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  confidentiality: z.enum(confidentialityLevels),
  confidentialityLabel: z.string(),
  source: z.string(),
  sourceLabel: z.string().nullable(),
  archived: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
})
export type Demand = z.infer<typeof Demand>

export const DemandListItem = Demand.pick({
  id: true,
  title: true,
  keywords: true,
  industries: true,
  budgetLabel: true,
  deadline: true,
  isPastDeadline: true,
  cooperationModeLabels: true,
  status: true,
  statusLabel: true,
  ownerOrgName: true,
  jurisdictionName: true,
  confidentiality: true,
  confidentialityLabel: true,
  sourceLabel: true,
  updatedAt: true,
}).extend({ titleMarked: Marked, snippet: Marked })
export type DemandListItem = z.infer<typeof DemandListItem>

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }))
export const DemandPage = z.object({
  items: z.array(DemandListItem),
  total: z.number(),
  facets: z.record(z.string(), Facet),
  understood: z.array(z.object({ word: z.string(), via: z.string() })),
})

export const Duplicate = z.object({ id: z.string(), title: z.string(), similarity: z.number(), reason: z.string() })
export const SavedDemand = z.object({ demand: Demand, duplicates: z.array(Duplicate) })
export const DuplicateCheck = z.strictObject({
  title: fields.title,
  description: z.string().trim().max(8000).optional(),
  ownerOrgId: z.uuid('企业编号格式不正确').optional(),
})
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
