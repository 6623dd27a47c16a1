import { z } from 'zod'
import { now } from '../../platform/clock/clock'
import { confidentialityLevels } from '../../platform/registry/confidentiality'
import { checkUscc, normalizeUscc } from '../../platform/validation/uscc'
import { checkGbt } from './gbt4754'
import { levelLabels, levelsOfTier, tierLabels } from './labels'
import { enterpriseTiers, tierLevels } from './schema'

const Fen = z
  .number({ error: '金额应为整数（单位：分）' })
  .int('金额应为整数（单位：分）')
  .min(0, '金额不能为负')
  .max(1e15, '金额过大')
const Year = z
  .number({ error: '年份应为 4 位数字' })
  .int('年份应为整数')
  .min(1990, '年份不早于 1990 年')
  .refine((y) => y <= now().getFullYear(), '年份不能晚于今年')

export const Uscc = z
  .string({ error: '请填写统一社会信用代码' })
  .trim()
  .transform(normalizeUscc)
  .superRefine((value, ctx) => {
    const problem = checkUscc(value)
    if (problem) ctx.addIssue({ code: 'custom', message: `统一社会信用代码${problem.message}` })
  })
export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确')
export const Email = z.string().trim().max(254, '电子邮箱不超过 254 个字符').pipe(z.email('电子邮箱格式不正确'))

export const TierGrant = z.strictObject({
  tier: z.enum(enterpriseTiers, { error: `企业梯度应为：${Object.values(tierLabels).join('、')}` }),
  year: Year,
  level: z.enum(tierLevels, { error: '级别应为市级、省级或国家级' }).nullish(),
})

export const YearFigures = z.strictObject({
  year: Year,
  rdSpendingFen: Fen,
  revenueFen: Fen.nullish(),
  employees: z.number().int('从业人数应为整数').min(0, '从业人数不能为负').max(10_000_000).nullish(),
})

const Text = (max: number, label: string) => z.string().trim().max(max, `${label}不超过 ${max} 个字`)

const profileFields = {
  tiers: z.array(TierGrant).max(20, '企业梯度不超过 20 项'),
  gbtSection: z.string().trim().toUpperCase().max(1, '门类为 1 个字母（A–T）').nullish(),
  gbtDivision: z
    .string()
    .trim()
    .regex(/^\d{2}$/, '大类为 2 位数字（01–97）')
    .nullish(),
  industryCodes: z.array(z.string().trim().min(1).max(40)).max(10, '产业分类不超过 10 项'),
  yearly: z.array(YearFigures).max(30, '年度数据不超过 30 年'),
  mainProducts: z.array(Text(50, '每项主要产品').min(1)).max(30, '主要产品不超过 30 项'),
  keywords: z.array(Text(30, '每个关键词').min(1)).max(20, '关键词不超过 20 个'),
  description: Text(8000, '企业简介'),
  address: Text(200, '地址').nullish(),
  longitude: z
    .number({ error: '经度应为数字' })
    .min(73, '经度应在 73–136 之间')
    .max(136, '经度应在 73–136 之间')
    .nullish(),
  latitude: z.number({ error: '纬度应为数字' }).min(3, '纬度应在 3–54 之间').max(54, '纬度应在 3–54 之间').nullish(),
  contactName: Text(50, '联系人').nullish(),
  contactPhone: Phone.nullish(),
  contactEmail: Email.nullish(),
  confidentiality: z.enum(confidentialityLevels, { error: '请选择公开程度' }),
}

type ProfileShape = {
  tiers?: { tier: keyof typeof levelsOfTier; year: number; level?: string | null }[]
  gbtSection?: string | null
  gbtDivision?: string | null
  yearly?: { year: number }[]
  longitude?: number | null
  latitude?: number | null
}

/** Rules across fields, each reported on its own path in Chinese. */
export function checkProfile(v: ProfileShape, ctx: z.RefinementCtx, partial = false) {
  v.tiers?.forEach((grant, i) => {
    const allowed = levelsOfTier[grant.tier]
    if (grant.level && !allowed.includes(grant.level as never))
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', i, 'level'],
        message: allowed.length
          ? `${tierLabels[grant.tier]}的级别应为：${allowed.map((l) => levelLabels[l]).join('、')}`
          : `${tierLabels[grant.tier]}不分级别`,
      })
    if (!grant.level && allowed.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', i, 'level'],
        message: `请选择${tierLabels[grant.tier]}的级别（${allowed.map((l) => levelLabels[l]).join('、')}）`,
      })
  })
  const seen = new Set<string>()
  v.tiers?.forEach((g, i) => {
    const key = `${g.tier}:${g.level ?? ''}`
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', i],
        message: `${tierLabels[g.tier]}重复填写，请只保留最近一次获评`,
      })
    seen.add(key)
  })
  const years = new Set<number>()
  v.yearly?.forEach((y, i) => {
    if (years.has(y.year))
      ctx.addIssue({ code: 'custom', path: ['yearly', i, 'year'], message: `${y.year} 年的数据重复` })
    years.add(y.year)
  })
  const gbt = checkGbt(v.gbtSection, v.gbtDivision)
  if (gbt) ctx.addIssue({ code: 'custom', path: [gbt.path], message: gbt.message })
  const both = !partial || (v.longitude !== undefined && v.latitude !== undefined)
  if (both && (v.longitude == null) !== (v.latitude == null))
    ctx.addIssue({ code: 'custom', path: ['latitude'], message: '经度和纬度应同时填写' })
}

export const CreateEnterprise = z
  .strictObject({
    ...profileFields,
    tiers: profileFields.tiers.default([]),
    industryCodes: profileFields.industryCodes.default([]),
    yearly: profileFields.yearly.default([]),
    mainProducts: profileFields.mainProducts.default([]),
    keywords: profileFields.keywords.default([]),
    description: profileFields.description.default(''),
    confidentiality: profileFields.confidentiality.default('internal'),
    /** An organization already registered (the enterprise user's own, or one an officer picks) … */
    organizationId: z.uuid('机构编号格式不正确').optional(),
    /** … or a new one: name, 统一社会信用代码 and area. */
    name: z.string().trim().min(2, '企业名称至少 2 个字').max(100, '企业名称不超过 100 个字').optional(),
    uscc: Uscc.optional(),
    jurisdictionCode: z
      .string()
      .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
      .optional(),
  })
  .superRefine((v, ctx) => checkProfile(v, ctx))
export type CreateEnterprise = z.infer<typeof CreateEnterprise>

export const UpdateEnterprise = z
  .strictObject({
    ...profileFields,
    name: z.string().trim().min(2, '企业名称至少 2 个字').max(100, '企业名称不超过 100 个字'),
  })
  .partial()
  .extend({ version: z.number().int().positive(), note: z.string().trim().max(200).optional() })
  .superRefine((v, ctx) => checkProfile(v, ctx, true))
export type UpdateEnterprise = z.infer<typeof UpdateEnterprise>

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

export const EnterpriseQuery = z.strictObject({
  q: z.string().trim().max(200, '搜索词不超过 200 个字').optional(),
  /** techSme, highTech, highTech:national … */
  tier: csv(300)
    .pipe(z.array(z.string().regex(/^[a-zA-Z]+(:[a-z]+)?$/, '企业梯度筛选值不正确')))
    .optional(),
  gbtSection: csv(60)
    .pipe(z.array(z.string().regex(/^[A-T]$/, '门类应为 A–T')))
    .optional(),
  gbtDivision: z
    .string()
    .regex(/^\d{2}$/, '大类为 2 位数字')
    .optional(),
  industry: csv(400).optional(),
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
  owner: z.enum(['mine']).optional(),
  status: z.enum(['active', 'archived']).default('active'),
  sort: z.enum(['relevance', 'updated', 'name']).default('relevance'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type EnterpriseQuery = z.infer<typeof EnterpriseQuery>

export const Marked = z.array(z.object({ text: z.string(), hit: z.boolean() }))
const Named = z.object({ code: z.string(), name: z.string() })

export const Enterprise = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  tiers: z.array(
    z.object({
      tier: z.enum(enterpriseTiers),
      year: z.number(),
      level: z.enum(tierLevels).nullable(),
      label: z.string(),
    }),
  ),
  gbtSection: z.string().nullable(),
  gbtSectionName: z.string().nullable(),
  gbtDivision: z.string().nullable(),
  gbtDivisionName: z.string().nullable(),
  industryCodes: z.array(z.string()),
  industries: z.array(Named),
  yearly: z.array(
    z.object({
      year: z.number(),
      rdSpendingFen: z.number(),
      revenueFen: z.number().nullable(),
      employees: z.number().nullable(),
    }),
  ),
  mainProducts: z.array(z.string()),
  keywords: z.array(z.string()),
  description: z.string(),
  address: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  /** Only for the enterprise itself and officers over its area; null for everyone else. */
  contact: z
    .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  ownerOrgId: z.string(),
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
export type Enterprise = z.infer<typeof Enterprise>

export const EnterpriseListItem = Enterprise.pick({
  id: true,
  name: true,
  uscc: true,
  gbtSectionName: true,
  gbtDivisionName: true,
  industries: true,
  mainProducts: true,
  jurisdictionName: true,
  confidentiality: true,
  confidentialityLabel: true,
  updatedAt: true,
}).extend({
  tierLabels: z.array(z.string()),
  latestRdSpending: z.object({ year: z.number(), fen: z.number() }).nullable(),
  nameMarked: Marked,
  snippet: Marked,
})

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }))
export const EnterprisePage = z.object({
  items: z.array(EnterpriseListItem),
  total: z.number(),
  facets: z.record(z.string(), Facet),
  understood: z.array(z.object({ word: z.string(), via: z.string() })),
})

export const Duplicate = z.object({ id: z.string(), name: z.string(), similarity: z.number(), reason: z.string() })
export const SavedEnterprise = z.object({ enterprise: Enterprise, duplicates: z.array(Duplicate) })
export const DuplicateCheck = z.strictObject({
  name: z.string().trim().min(2, '企业名称至少 2 个字').max(100),
  uscc: z.string().trim().max(18).optional(),
})
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
