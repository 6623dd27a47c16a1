import { z } from 'zod'
import { confidentialityLevels } from '../../platform/registry/confidentiality'
import { disciplineNames } from '../../platform/registry/disciplines'
import { today } from './labels'
import { expertAvailabilities, relationshipKinds, thinkTanks, tieKinds } from './schema'

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD')
const OrgId = z.uuid('机构编号格式不正确')
const OrgName = z.string().trim().min(2, '单位名称至少 2 个字').max(100, '单位名称不超过 100 个字')
const Note = z.string().trim().max(200, '说明不超过 200 个字')
export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确')
export const Email = z.string().trim().max(254, '电子邮箱不超过 254 个字符').pipe(z.email('电子邮箱格式不正确'))

/** A registered organization by id, or an unregistered one by name: at least one of the two. */
function needsOrganization(
  v: { organizationId?: string | null; organizationName?: string | null },
  ctx: z.RefinementCtx,
) {
  if (!v.organizationId && !v.organizationName)
    ctx.addIssue({ code: 'custom', path: ['organizationName'], message: '请选择或填写单位' })
}
function period(v: { from?: string | null; to?: string | null }, ctx: z.RefinementCtx) {
  if (v.from && v.from > today()) ctx.addIssue({ code: 'custom', path: ['from'], message: '起始日期不能晚于今天' })
  if (v.from && v.to && v.from > v.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于起始日期' })
}

export const Affiliation = z
  .strictObject({
    organizationId: OrgId.nullish(),
    organizationName: OrgName.nullish(),
    position: z.string().trim().max(50, '职务不超过 50 个字').nullish(),
    from: IsoDate.nullish(),
    to: IsoDate.nullish(),
  })
  .superRefine((v, ctx) => {
    needsOrganization(v, ctx)
    period(v, ctx)
  })

export const Relationship = z.strictObject({
  kind: z.enum(relationshipKinds, { error: '关系类型应为：师生、亲属、合作伙伴、其他' }),
  personName: z.string().trim().min(1, '请填写对方姓名').max(50, '姓名不超过 50 个字'),
  organizationId: OrgId.nullish(),
  organizationName: OrgName.nullish(),
  note: Note.nullish(),
})

export const EnterpriseTie = z
  .strictObject({
    kind: z.enum(tieKinds, { error: '关联类型应为：任职或兼职、持股、合同或项目合作、其他' }),
    organizationId: OrgId.nullish(),
    organizationName: OrgName.nullish(),
    from: IsoDate.nullish(),
    to: IsoDate.nullish(),
    note: Note.nullish(),
  })
  .superRefine((v, ctx) => {
    needsOrganization(v, ctx)
    period(v, ctx)
  })

export const DeclaredConflict = z.strictObject({
  text: z.string().trim().min(2, '请说明利益冲突情况').max(500, '说明不超过 500 个字'),
  projectId: z.uuid('项目编号格式不正确').nullish(),
  organizationId: OrgId.nullish(),
  organizationName: OrgName.nullish(),
  declaredOn: IsoDate.nullish(),
})

const fields = {
  name: z
    .string()
    .trim()
    .min(2, '姓名至少 2 个字')
    .max(50, '姓名不超过 50 个字')
    .regex(/^[\p{Script=Han}A-Za-z·.\s-]+$/u, '姓名只能包含汉字、字母、间隔号'),
  title: z.string().trim().max(50, '职称不超过 50 个字').nullish(),
  currentOrgId: OrgId.nullish(),
  currentOrgName: OrgName.nullish(),
  disciplines: z
    .array(z.enum(disciplineNames as [string, ...string[]], { error: '学科不在一级学科目录中' }))
    .max(10, '学科不超过 10 个'),
  industryCodes: z.array(z.string().trim().min(1).max(40)).max(10, '产业分类不超过 10 项'),
  keywords: z.array(z.string().trim().min(1).max(30, '每个关键词不超过 30 个字')).max(20, '关键词不超过 20 个'),
  thinkTanks: z.array(z.enum(thinkTanks, { error: '专家智库应为：技术验证、产品验证、商业验证' })).max(3),
  affiliations: z.array(Affiliation).max(30, '任职经历不超过 30 条'),
  relationships: z.array(Relationship).max(50, '申报的关系不超过 50 条'),
  enterpriseTies: z.array(EnterpriseTie).max(50, '与企业的关联不超过 50 条'),
  declaredConflicts: z.array(DeclaredConflict).max(50, '申报的利益冲突不超过 50 条'),
  availability: z.enum(expertAvailabilities, { error: '状态应为：可参与评审、忙碌、暂不参与' }),
  busyUntil: IsoDate.nullish(),
  contactPhone: Phone.nullish(),
  contactEmail: Email.nullish(),
  userId: z.uuid('账号编号格式不正确').nullish(),
  confidentiality: z.enum(confidentialityLevels, { error: '请选择公开程度' }),
}

type Shape = {
  availability?: string
  busyUntil?: string | null
  thinkTanks?: string[]
  disciplines?: string[]
}
function checkExpert(v: Shape, ctx: z.RefinementCtx) {
  if (v.availability === 'busy' && !v.busyUntil)
    ctx.addIssue({ code: 'custom', path: ['busyUntil'], message: '忙碌状态请填写预计可参与评审的日期' })
  if (v.availability === 'busy' && v.busyUntil && v.busyUntil < today())
    ctx.addIssue({ code: 'custom', path: ['busyUntil'], message: '忙碌截止日期不能早于今天' })
  if (v.thinkTanks && new Set(v.thinkTanks).size !== v.thinkTanks.length)
    ctx.addIssue({ code: 'custom', path: ['thinkTanks'], message: '专家智库重复' })
  if (v.disciplines && new Set(v.disciplines).size !== v.disciplines.length)
    ctx.addIssue({ code: 'custom', path: ['disciplines'], message: '学科重复' })
}

export const CreateExpert = z
  .strictObject({
    ...fields,
    disciplines: fields.disciplines.default([]),
    industryCodes: fields.industryCodes.default([]),
    keywords: fields.keywords.default([]),
    thinkTanks: fields.thinkTanks.default([]),
    affiliations: fields.affiliations.default([]),
    relationships: fields.relationships.default([]),
    enterpriseTies: fields.enterpriseTies.default([]),
    declaredConflicts: fields.declaredConflicts.default([]),
    availability: fields.availability.default('available'),
    confidentiality: fields.confidentiality.default('internal'),
    /** Officers collect on behalf of an organization in their area; everyone else records for their own. */
    ownerOrgId: z.uuid('所属机构编号格式不正确').optional(),
  })
  .superRefine(checkExpert)
export type CreateExpert = z.infer<typeof CreateExpert>

export const UpdateExpert = z
  .strictObject(fields)
  .partial()
  .extend({ version: z.number().int().positive(), note: z.string().trim().max(200).optional() })
  .superRefine(checkExpert)
export type UpdateExpert = z.infer<typeof UpdateExpert>

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

export const ExpertQuery = z.strictObject({
  q: z.string().trim().max(200, '搜索词不超过 200 个字').optional(),
  thinkTank: csv(60)
    .pipe(z.array(z.enum(thinkTanks, { error: '专家智库筛选值不正确' })))
    .optional(),
  category: z.string().max(20).optional(),
  discipline: z.string().max(40).optional(),
  industry: csv(400).optional(),
  availability: z.enum(expertAvailabilities, { error: '状态筛选值不正确' }).optional(),
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
export type ExpertQuery = z.infer<typeof ExpertQuery>

export const Marked = z.array(z.object({ text: z.string(), hit: z.boolean() }))
const Named = z.object({ code: z.string(), name: z.string() })
const Dated = { from: z.string().nullable(), to: z.string().nullable() }

export const Expert = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  currentOrganization: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  disciplines: z.array(z.string()),
  categories: z.array(z.string()),
  industryCodes: z.array(z.string()),
  industries: z.array(Named),
  keywords: z.array(z.string()),
  thinkTanks: z.array(z.enum(thinkTanks)),
  thinkTankLabels: z.array(z.string()),
  affiliations: z.array(
    z.object({
      organizationId: z.string().nullable(),
      organizationName: z.string(),
      position: z.string().nullable(),
      ...Dated,
    }),
  ),
  availability: z.enum(expertAvailabilities),
  availabilityLabel: z.string(),
  busyUntil: z.string().nullable(),
  /**
   * Personal information: only for the owner organization, officers over the area and the expert themself;
   * null for everyone else.
   */
  personal: z
    .object({
      contactPhone: z.string().nullable(),
      contactEmail: z.string().nullable(),
      linkedAccount: z.boolean(),
      relationships: z.array(
        z.object({
          kind: z.enum(relationshipKinds),
          kindLabel: z.string(),
          personName: z.string(),
          organizationId: z.string().nullable(),
          organizationName: z.string().nullable(),
          note: z.string().nullable(),
        }),
      ),
      enterpriseTies: z.array(
        z.object({
          kind: z.enum(tieKinds),
          kindLabel: z.string(),
          organizationId: z.string().nullable(),
          organizationName: z.string(),
          note: z.string().nullable(),
          ...Dated,
        }),
      ),
      declaredConflicts: z.array(
        z.object({
          text: z.string(),
          projectId: z.string().nullable(),
          organizationId: z.string().nullable(),
          organizationName: z.string().nullable(),
          declaredOn: z.string(),
        }),
      ),
    })
    .nullable(),
  isSelf: z.boolean(),
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
export type Expert = z.infer<typeof Expert>

/** A list row: never contact or relationships, whoever asks. */
export const ExpertListItem = Expert.pick({
  id: true,
  name: true,
  title: true,
  disciplines: true,
  industries: true,
  keywords: true,
  thinkTankLabels: true,
  availability: true,
  availabilityLabel: true,
  ownerOrgName: true,
  jurisdictionName: true,
  confidentiality: true,
  confidentialityLabel: true,
  updatedAt: true,
}).extend({ organizationName: z.string().nullable(), nameMarked: Marked, snippet: Marked })

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }))
export const ExpertPage = z.object({
  items: z.array(ExpertListItem),
  total: z.number(),
  facets: z.record(z.string(), Facet),
  understood: z.array(z.object({ word: z.string(), via: z.string() })),
})

export const Duplicate = z.object({
  id: z.string(),
  name: z.string(),
  organizationName: z.string().nullable(),
  reason: z.string(),
})
export const SavedExpert = z.object({ expert: Expert, duplicates: z.array(Duplicate) })
export const DuplicateCheck = z.strictObject({
  name: fields.name,
  currentOrgId: OrgId.optional(),
  currentOrgName: OrgName.optional(),
})
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
