import { z } from 'zod'
import { confidentialityLevels } from '../../platform/registry/confidentiality'
import { checkUscc, normalizeUscc } from '../../platform/validation/uscc'
import {
  accreditationStatuses,
  capabilityCategories,
  carrierKinds,
  carrierLevels,
  carrierSubtypes,
  directorRoles,
} from './schema'

const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e15, '金额过大')
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确')

export const Capability = z.strictObject({
  name: z.string().trim().min(2, '能力名称至少 2 个字').max(60, '能力名称不超过 60 个字'),
  description: z.string().trim().max(500, '能力说明不超过 500 个字').nullish(),
  category: z.enum(capabilityCategories, {
    error: '请选择能力类别：原理验证、技术与工艺验证、产品与场景验证、商业验证、中试或检测',
  }),
})

export const FeeStandard = z.strictObject({
  item: z.string().trim().min(1, '请填写收费项目').max(60, '收费项目不超过 60 个字'),
  unit: z.string().trim().min(1, '请填写计费单位（如：项、小时、样）').max(20, '计费单位不超过 20 个字'),
  /** Omitted or null: 面议. */
  priceFen: Fen.nullish(),
})

export const Director = z.strictObject({
  name: z.string().trim().min(2, '主任姓名至少 2 个字').max(30, '主任姓名不超过 30 个字'),
  role: z.enum(directorRoles, { error: '请选择主任类型：主任、行政主任或技术主任' }),
  title: z.string().trim().max(50, '职务职称不超过 50 个字').nullish(),
})

export const Uscc = z
  .string()
  .trim()
  .transform(normalizeUscc)
  .superRefine((value, ctx) => {
    const problem = checkUscc(value)
    if (problem) ctx.addIssue({ code: 'custom', message: `统一社会信用代码${problem.message}` })
  })

/** A new operating organization registered together with its carrier (an officer collecting for their area). */
export const NewOrganization = z.strictObject({
  name: z.string().trim().min(2, '机构名称至少 2 个字').max(100, '机构名称不超过 100 个字'),
  /** Omitted for a unit that is not a legal entity of its own (e.g. a center inside a university). */
  uscc: Uscc.nullish(),
  jurisdictionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
})

const fields = {
  name: z.string().trim().min(4, '载体名称至少 4 个字').max(100, '载体名称不超过 100 个字'),
  kind: z.enum(carrierKinds, { error: '请选择载体类型：概念验证中心、中试平台、孵化器或园区' }),
  subtype: z.enum(carrierSubtypes, { error: '细分类型不在可选范围内' }).nullish(),
  industryCodes: z.array(z.string().trim().min(1).max(40)).max(20, '产业领域不超过 20 个'),
  address: z.string().trim().min(5, '请填写详细地址（至少 5 个字）').max(200, '地址不超过 200 个字'),
  // Mainland China spans about 73°–135° E and 3°–54° N; a value outside is usually swapped or mistyped.
  longitude: z
    .number({ error: '经度应为数字' })
    .min(73, '经度应在 73–136 之间（中国境内），请确认经纬度没有填反')
    .max(136, '经度应在 73–136 之间（中国境内），请确认经纬度没有填反')
    .nullish(),
  latitude: z
    .number({ error: '纬度应为数字' })
    .min(3, '纬度应在 3–54 之间（中国境内），请确认经纬度没有填反')
    .max(54, '纬度应在 3–54 之间（中国境内），请确认经纬度没有填反')
    .nullish(),
  capabilities: z.array(Capability).max(60, '验证能力不超过 60 项'),
  feeStandards: z.array(FeeStandard).max(60, '收费标准不超过 60 项'),
  level: z.enum(carrierLevels, { error: '级别应为市级、省级或国家级' }).nullish(),
  accreditationStatus: z.enum(accreditationStatuses, { error: '认定状态应为未认定、申报中、已认定或已撤销' }),
  accreditationYear: z
    .number({ error: '年份应为数字' })
    .int('年份应为整数')
    .min(2000, '年份应在 2000 年以后')
    .max(2100, '年份不正确')
    .nullish(),
  directors: z.array(Director).max(10, '主任不超过 10 人'),
  hostInstitution: z.string().trim().max(100, '依托单位不超过 100 个字').nullish(),
  contactName: z.string().trim().max(30, '联系人不超过 30 个字').nullish(),
  contactPhone: Phone.nullish(),
  contactEmail: z.email('电子邮箱格式不正确').max(100).nullish(),
  introduction: z.string().trim().min(20, '载体简介至少 20 个字').max(5000, '载体简介不超过 5000 个字'),
  confidentiality: z.enum(confidentialityLevels, { error: '请选择公开程度' }),
}

export const CreateCarrier = z
  .strictObject({
    ...fields,
    industryCodes: fields.industryCodes.default([]),
    capabilities: fields.capabilities.default([]),
    feeStandards: fields.feeStandards.default([]),
    accreditationStatus: fields.accreditationStatus.default('none'),
    directors: fields.directors.default([]),
    confidentiality: fields.confidentiality.default('public'),
    /** The operating organization: an existing one, a new one, or (neither given) the caller's own. */
    organizationId: z.uuid('运营机构编号格式不正确').optional(),
    organization: NewOrganization.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.organizationId && v.organization)
      ctx.addIssue({ code: 'custom', path: ['organization'], message: '请选择已有机构或新建机构，不能同时填写' })
  })
export type CreateCarrier = z.infer<typeof CreateCarrier>

export const UpdateCarrier = z
  .strictObject(fields)
  .omit({ kind: true })
  .partial()
  .extend({ version: z.number().int().positive(), note: z.string().trim().max(200).optional() })
export type UpdateCarrier = z.infer<typeof UpdateCarrier>

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

export const CarrierQuery = z.strictObject({
  q: z.string().trim().max(200, '搜索词不超过 200 个字').optional(),
  kind: csv(100)
    .pipe(z.array(z.enum(carrierKinds, { error: '载体类型不正确' })))
    .optional(),
  subtype: csv(200)
    .pipe(z.array(z.enum(carrierSubtypes, { error: '细分类型不正确' })))
    .optional(),
  level: csv(100)
    .pipe(z.array(z.enum(carrierLevels, { error: '级别不正确' })))
    .optional(),
  accreditation: csv(100)
    .pipe(z.array(z.enum(accreditationStatuses, { error: '认定状态不正确' })))
    .optional(),
  capability: csv(200)
    .pipe(z.array(z.enum(capabilityCategories, { error: '能力类别不正确' })))
    .optional(),
  industry: csv(400).optional(),
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
  organization: z.uuid('机构编号格式不正确').optional(),
  updatedFrom: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  updatedTo: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  owner: z.enum(['mine'], { error: 'owner 只能为 mine' }).optional(),
  status: z.enum(['active', 'archived'], { error: '状态应为 active 或 archived' }).default('active'),
  sort: z.enum(['relevance', 'updated', 'name'], { error: '排序方式不正确' }).default('relevance'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type CarrierQuery = z.infer<typeof CarrierQuery>

export const Marked = z.array(z.object({ text: z.string(), hit: z.boolean() }))
const Named = z.object({ code: z.string(), name: z.string() })

export const Carrier = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(carrierKinds),
  kindLabel: z.string(),
  subtype: z.enum(carrierSubtypes).nullable(),
  subtypeLabel: z.string().nullable(),
  industryCodes: z.array(z.string()),
  industries: z.array(Named),
  address: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  capabilities: z.array(
    z.object({
      name: z.string(),
      description: z.string().nullable(),
      category: z.enum(capabilityCategories),
      categoryLabel: z.string(),
    }),
  ),
  feeStandards: z.array(
    z.object({ item: z.string(), unit: z.string(), priceFen: z.number().nullable(), priceLabel: z.string() }),
  ),
  level: z.enum(carrierLevels).nullable(),
  levelLabel: z.string(),
  accreditationStatus: z.enum(accreditationStatuses),
  accreditationLabel: z.string(),
  accreditationYear: z.number().nullable(),
  directors: z.array(
    z.object({ name: z.string(), role: z.enum(directorRoles), roleLabel: z.string(), title: z.string().nullable() }),
  ),
  /** 双主任制 (seed 004 (四)): both an administrative and a technical director. */
  hasDualDirectors: z.boolean(),
  hostInstitution: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  introduction: z.string(),
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
export type Carrier = z.infer<typeof Carrier>

export const CarrierListItem = Carrier.pick({
  id: true,
  name: true,
  kind: true,
  kindLabel: true,
  subtype: true,
  subtypeLabel: true,
  industries: true,
  level: true,
  levelLabel: true,
  accreditationStatus: true,
  accreditationLabel: true,
  accreditationYear: true,
  address: true,
  longitude: true,
  latitude: true,
  ownerOrgName: true,
  jurisdictionName: true,
  confidentiality: true,
  confidentialityLabel: true,
  updatedAt: true,
}).extend({ capabilityCategories: z.array(z.string()), nameMarked: Marked, snippet: Marked })

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }))
export const CarrierPage = z.object({
  items: z.array(CarrierListItem),
  total: z.number(),
  facets: z.record(z.string(), Facet),
  understood: z.array(z.object({ word: z.string(), via: z.string() })),
})

export const Duplicate = z.object({ id: z.string(), name: z.string(), similarity: z.number(), reason: z.string() })
export const SavedCarrier = z.object({ carrier: Carrier, duplicates: z.array(Duplicate) })
export const DuplicateCheck = z.strictObject({
  name: fields.name,
  introduction: z.string().trim().max(5000).optional(),
  organizationId: z.uuid('运营机构编号格式不正确').optional(),
})
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
