import { z } from 'zod'
import { confidentialityLevels } from '../../platform/registry/confidentiality'
import { publisherKinds, scenarioOffers, scenarioStatuses } from './schema'

const Day = z.iso.date('日期格式应为 YYYY-MM-DD')

const fields = {
  title: z.string().trim().min(4, '场景名称至少 4 个字').max(200, '场景名称不超过 200 个字'),
  description: z.string().trim().min(20, '场景描述至少 20 个字').max(8000, '场景描述不超过 8000 个字'),
  keywords: z
    .array(z.string().trim().min(1, '关键词不能为空').max(30, '每个关键词不超过 30 个字'))
    .max(20, '所需技术关键词不超过 20 个'),
  industryCodes: z.array(z.string().trim().min(1).max(40)).max(10, '产业分类不超过 10 项'),
  address: z.string().trim().min(2, '请填写场景所在地址').max(200, '地址不超过 200 个字'),
  longitude: z
    .number({ error: '经度应为数字' })
    .min(-180, '经度应在 -180 到 180 之间')
    .max(180, '经度应在 -180 到 180 之间')
    .nullish(),
  latitude: z
    .number({ error: '纬度应为数字' })
    .min(-90, '纬度应在 -90 到 90 之间')
    .max(90, '纬度应在 -90 到 90 之间')
    .nullish(),
  offers: z
    .array(z.enum(scenarioOffers, { error: '提供条件应为：场地、数据、采购意向、资金、示范应用' }))
    .min(1, '请至少选择一项提供条件')
    .max(5),
  deadline: Day,
  confidentiality: z.enum(confidentialityLevels, { error: '请选择公开程度' }),
}

type Position = { longitude?: number | null; latitude?: number | null }

/** 经纬度 come as a pair or not at all. */
export function positionProblems(v: Position): { path: string; message: string }[] {
  const hasLongitude = v.longitude != null
  const hasLatitude = v.latitude != null
  if (hasLongitude === hasLatitude) return []
  return [{ path: hasLongitude ? 'latitude' : 'longitude', message: '经度和纬度需同时填写' }]
}

function positionRule(v: Position, ctx: z.RefinementCtx) {
  for (const p of positionProblems(v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message })
}

export const CreateScenario = z
  .strictObject({
    ...fields,
    keywords: fields.keywords.default([]),
    industryCodes: fields.industryCodes.default([]),
    confidentiality: fields.confidentiality.default('public'),
    /** The publisher: the caller's own organization, or — for an officer — one in their area. */
    ownerOrgId: z.uuid('发布单位编号格式不正确').optional(),
  })
  .superRefine(positionRule)
export type CreateScenario = z.infer<typeof CreateScenario>

export const UpdateScenario = z
  .strictObject(fields)
  .partial()
  .extend({ version: z.number().int().positive(), note: z.string().trim().max(200).optional() })
export type UpdateScenario = z.infer<typeof UpdateScenario>

export const ChangeScenarioStatus = z.strictObject({
  status: z.enum(scenarioStatuses, { error: '状态应为：征集中、已截止' }),
  version: z.number().int().positive(),
  reason: z.string().trim().min(2, '原因至少 2 个字').max(500, '原因不超过 500 个字').optional(),
})
export type ChangeScenarioStatus = z.infer<typeof ChangeScenarioStatus>

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

export const ScenarioQuery = z.strictObject({
  q: z.string().trim().max(200, '搜索词不超过 200 个字').optional(),
  industry: csv(400).optional(),
  jurisdiction: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional(),
  status: csv(40)
    .pipe(z.array(z.enum(scenarioStatuses, { error: '状态应为 open 或 closed' })))
    .optional(),
  offer: csv(100)
    .pipe(z.array(z.enum(scenarioOffers, { error: '提供条件不在可选范围内' })))
    .optional(),
  publisherKind: csv(100)
    .pipe(z.array(z.enum(publisherKinds, { error: '发布主体类型不在可选范围内' })))
    .optional(),
  deadlineFrom: Day.optional(),
  deadlineTo: Day.optional(),
  updatedFrom: Day.optional(),
  updatedTo: Day.optional(),
  owner: z.enum(['mine']).optional(),
  lifecycle: z.enum(['active', 'archived']).default('active'),
  sort: z.enum(['relevance', 'updated', 'deadline']).default('relevance'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type ScenarioQuery = z.infer<typeof ScenarioQuery>

export const Marked = z.array(z.object({ text: z.string(), hit: z.boolean() }))

export const Scenario = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  industryCodes: z.array(z.string()),
  industries: z.array(z.object({ code: z.string(), name: z.string() })),
  publisherKind: z.enum(publisherKinds),
  publisherKindLabel: z.string(),
  address: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  offers: z.array(z.enum(scenarioOffers)),
  offerLabels: z.array(z.string()),
  deadline: z.string(),
  isPastDeadline: z.boolean(),
  status: z.enum(scenarioStatuses),
  statusLabel: z.string(),
  statusChangedAt: z.string().nullable(),
  statusReason: z.string().nullable(),
  nextStatuses: z.array(z.enum(scenarioStatuses)),
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
export type Scenario = z.infer<typeof Scenario>

export const ScenarioListItem = Scenario.pick({
  id: true,
  title: true,
  keywords: true,
  industries: true,
  publisherKindLabel: true,
  address: true,
  offerLabels: true,
  deadline: true,
  isPastDeadline: true,
  status: true,
  statusLabel: true,
  ownerOrgName: true,
  jurisdictionName: true,
  confidentiality: true,
  confidentialityLabel: true,
  sourceLabel: true,
  updatedAt: true,
}).extend({ titleMarked: Marked, snippet: Marked })
export type ScenarioListItem = z.infer<typeof ScenarioListItem>

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }))
export const ScenarioPage = z.object({
  items: z.array(ScenarioListItem),
  total: z.number(),
  facets: z.record(z.string(), Facet),
  understood: z.array(z.object({ word: z.string(), via: z.string() })),
})

export const Duplicate = z.object({ id: z.string(), title: z.string(), similarity: z.number(), reason: z.string() })
export const SavedScenario = z.object({ scenario: Scenario, duplicates: z.array(Duplicate) })
export const DuplicateCheck = z.strictObject({
  title: fields.title,
  description: z.string().trim().max(8000).optional(),
  ownerOrgId: z.uuid('发布单位编号格式不正确').optional(),
})
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
