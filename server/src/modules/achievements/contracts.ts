import { z } from 'zod'
import { confidentialityLevels } from '../../platform/registry/confidentiality'
import { disciplineCategories, disciplineNames } from '../../platform/registry/disciplines'
import { maturities, transferModes } from './schema'

const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e15, '金额过大')

export const IpItem = z.strictObject({
  kind: z.enum(['patent', 'softwareCopyright', 'technicalSecret'], { error: '请选择知识产权类型' }),
  number: z.string().trim().max(40, '编号不超过 40 个字符').nullish(),
  title: z.string().trim().max(200).nullish(),
  patentType: z.enum(['invention', 'utilityModel', 'design']).nullish(),
  status: z.enum(['pending', 'granted', 'lapsed']).nullish(),
})

export const TeamMember = z.strictObject({
  name: z.string().trim().min(1, '请填写姓名').max(50),
  title: z.string().trim().max(50).nullish(),
  organization: z.string().trim().max(100).nullish(),
})

const fields = {
  title: z.string().trim().min(4, '成果名称至少 4 个字').max(200, '成果名称不超过 200 个字'),
  summary: z.string().trim().min(20, '成果简介至少 20 个字').max(8000, '成果简介不超过 8000 个字'),
  keywords: z.array(z.string().trim().min(1).max(30, '每个关键词不超过 30 个字')).max(20, '关键词不超过 20 个'),
  team: z.array(TeamMember).max(50, '团队成员不超过 50 人'),
  category: z.enum(disciplineCategories as [string, ...string[]], { error: '学科门类不在目录中' }).nullish(),
  discipline: z.enum(disciplineNames as [string, ...string[]], { error: '一级学科不在目录中' }).nullish(),
  industryCodes: z.array(z.string().trim().min(1).max(40)).max(10, '产业分类不超过 10 项'),
  trl: z.number({ error: '请选择技术就绪度（TRL 1–9）' }).int().min(1, 'TRL 最小为 1').max(9, 'TRL 最大为 9'),
  maturity: z.enum(maturities, { error: '请选择成熟度' }),
  ipItems: z.array(IpItem).max(50, '知识产权不超过 50 项'),
  transferModes: z.array(z.enum(transferModes)).min(1, '请至少选择一种转化方式').max(4),
  priceNegotiable: z.boolean(),
  priceMinFen: Fen.nullish(),
  priceMaxFen: Fen.nullish(),
  confidentiality: z.enum(confidentialityLevels, { error: '请选择公开程度' }),
}

function priceOrder(v: { priceMinFen?: number | null; priceMaxFen?: number | null }, ctx: z.RefinementCtx) {
  if (v.priceMinFen != null && v.priceMaxFen != null && v.priceMinFen > v.priceMaxFen) {
    ctx.addIssue({ code: 'custom', path: ['priceMaxFen'], message: '最高价不能低于最低价' })
  }
}

export const CreateAchievement = z
  .strictObject({
    ...fields,
    keywords: fields.keywords.default([]),
    team: fields.team.default([]),
    industryCodes: fields.industryCodes.default([]),
    ipItems: fields.ipItems.default([]),
    priceNegotiable: fields.priceNegotiable.default(true),
    confidentiality: fields.confidentiality.default('internal'),
    /** Officers collect on behalf of an organization in their area; everyone else records for their own. */
    ownerOrgId: z.uuid('所属机构编号格式不正确').optional(),
  })
  .superRefine(priceOrder)
export type CreateAchievement = z.infer<typeof CreateAchievement>

export const UpdateAchievement = z
  .strictObject(fields)
  .partial()
  .extend({ version: z.number().int().positive(), note: z.string().trim().max(200).optional() })
  .superRefine(priceOrder)
export type UpdateAchievement = z.infer<typeof UpdateAchievement>

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

export const AchievementQuery = z.strictObject({
  q: z.string().trim().max(200, '搜索词不超过 200 个字').optional(),
  industry: csv(400).optional(),
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
  category: z.string().max(20).optional(),
  discipline: z.string().max(40).optional(),
  maturity: csv(200)
    .pipe(z.array(z.enum(maturities)))
    .optional(),
  trlMin: z.coerce.number().int().min(1).max(9).optional(),
  trlMax: z.coerce.number().int().min(1).max(9).optional(),
  transferMode: csv(100)
    .pipe(z.array(z.enum(transferModes)))
    .optional(),
  updatedFrom: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  updatedTo: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  owner: z.enum(['mine']).optional(),
  status: z.enum(['active', 'archived']).default('active'),
  sort: z.enum(['relevance', 'updated', 'trl']).default('relevance'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type AchievementQuery = z.infer<typeof AchievementQuery>

export const Marked = z.array(z.object({ text: z.string(), hit: z.boolean() }))

export const Achievement = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  keywords: z.array(z.string()),
  team: z.array(z.object({ name: z.string(), title: z.string().nullish(), organization: z.string().nullish() })),
  category: z.string().nullable(),
  discipline: z.string().nullable(),
  industryCodes: z.array(z.string()),
  industries: z.array(z.object({ code: z.string(), name: z.string() })),
  trl: z.number(),
  maturity: z.enum(maturities),
  maturityLabel: z.string(),
  ipItems: z.array(IpItem),
  transferModes: z.array(z.enum(transferModes)),
  transferModeLabels: z.array(z.string()),
  priceNegotiable: z.boolean(),
  priceMinFen: z.number().nullable(),
  priceMaxFen: z.number().nullable(),
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
export type Achievement = z.infer<typeof Achievement>

export const AchievementListItem = Achievement.pick({
  id: true,
  title: true,
  keywords: true,
  category: true,
  discipline: true,
  industries: true,
  trl: true,
  maturity: true,
  maturityLabel: true,
  transferModeLabels: true,
  ownerOrgName: true,
  jurisdictionName: true,
  confidentiality: true,
  confidentialityLabel: true,
  sourceLabel: true,
  updatedAt: true,
}).extend({ titleMarked: Marked, snippet: Marked })

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }))
export const AchievementPage = z.object({
  items: z.array(AchievementListItem),
  total: z.number(),
  facets: z.record(z.string(), Facet),
  understood: z.array(z.object({ word: z.string(), via: z.string() })),
})

export const Duplicate = z.object({ id: z.string(), title: z.string(), similarity: z.number(), reason: z.string() })
export const SavedAchievement = z.object({ achievement: Achievement, duplicates: z.array(Duplicate) })
export const DuplicateCheck = z.strictObject({
  title: fields.title,
  summary: z.string().trim().max(8000).optional(),
  ownerOrgId: z.uuid().optional(),
})
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
