import { z } from 'zod'
import { entryChannels, projectStatuses, verificationTypes } from './schema'

const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e13, '金额过大')

export const ProjectFields = {
  title: z.string().trim().min(4, '项目名称至少 4 个字').max(200, '项目名称不超过 200 个字'),
  summary: z.string().trim().min(20, '项目简介至少 20 个字').max(8000, '项目简介不超过 8000 个字'),
  team: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, '请填写姓名').max(50),
        role: z.string().trim().max(50).nullish(),
        organization: z.string().trim().max(100).nullish(),
      }),
    )
    .min(1, '请至少填写一名团队成员')
    .max(50),
  achievementIds: z.array(z.uuid('成果编号格式不正确')).max(20, '关联成果不超过 20 项'),
  industryCodes: z.array(z.string().min(1).max(40)).max(10),
  disciplines: z.array(z.string().min(1).max(40)).max(5),
  requestedTypes: z.array(z.enum(verificationTypes)).min(1, '请至少选择一种验证类型').max(4),
  // A verification with no money is not one; 10 亿元 is past any PoC budget (seed 002: 单个项目最高 500 万元).
  budgetFen: Fen.refine((v) => v > 0, '验证预算应大于 0').refine((v) => v <= 1e11, '验证预算不超过 10 亿元'),
  trl: z.number().int().min(1, 'TRL 最小为 1').max(9, 'TRL 最大为 9').nullish(),
}

export const ApplyProject = z
  .strictObject({
    ...ProjectFields,
    achievementIds: ProjectFields.achievementIds.default([]),
    industryCodes: ProjectFields.industryCodes.default([]),
    disciplines: ProjectFields.disciplines.default([]),
    channel: z.enum(entryChannels, { error: '请选择项目来源' }),
    solicitationId: z.uuid('征集编号格式不正确').optional(),
    centerOrgId: z.uuid('请选择负责的概念验证中心'),
    /** false saves a draft; true submits at once. */
    submit: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.channel === 'solicitation' && !v.solicitationId)
      ctx.addIssue({ code: 'custom', path: ['solicitationId'], message: '通过征集申报时请选择征集通知' })
  })
export type ApplyProject = z.infer<typeof ApplyProject>

export const UpdateProject = z.strictObject(ProjectFields).partial().extend({ version: z.number().int().positive() })
export type UpdateProject = z.infer<typeof UpdateProject>

export const Transition = z.strictObject({
  to: z.enum(['submitted', 'returned', 'rejected'], { error: '不支持的状态变更' }),
  note: z.string().trim().max(1000, '说明不超过 1000 字').optional(),
  version: z.number().int().positive(),
})

export const ProjectQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(projectStatuses).optional(),
  channel: z.enum(entryChannels, { error: '项目来源不正确' }).optional(),
  industry: z.string().min(1).max(40).optional(),
  scope: z.enum(['mine', 'center', 'all']).default('all'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type ProjectQuery = z.infer<typeof ProjectQuery>

export const Project = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  channel: z.enum(entryChannels),
  channelLabel: z.string(),
  solicitationId: z.string().nullable(),
  applicantOrgId: z.string(),
  applicantOrgName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  centerOrgId: z.string(),
  centerOrgName: z.string(),
  team: z.array(z.object({ name: z.string(), role: z.string().nullish(), organization: z.string().nullish() })),
  achievementIds: z.array(z.string()),
  industryCodes: z.array(z.string()),
  industries: z.array(z.object({ code: z.string(), name: z.string() })),
  disciplines: z.array(z.string()),
  requestedTypes: z.array(z.enum(verificationTypes)),
  requestedTypeLabels: z.array(z.string()),
  budgetFen: z.number(),
  trl: z.number().nullable(),
  status: z.enum(projectStatuses),
  statusLabel: z.string(),
  statusNote: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canManage: z.boolean(),
  canEdit: z.boolean(),
})
export type Project = z.infer<typeof Project>

export const ProjectEvent = z.object({
  from: z.string().nullable(),
  to: z.string(),
  toLabel: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
})
export const ProjectDetail = Project.extend({ events: z.array(ProjectEvent) })
export const ProjectPage = z.object({ items: z.array(Project), total: z.number() })

export const CreateSolicitation = z.strictObject({
  title: z.string().trim().min(4, '征集名称至少 4 个字').max(200),
  description: z.string().trim().min(10, '征集说明至少 10 个字').max(8000),
  industryCodes: z.array(z.string().min(1).max(40)).max(10).default([]),
  requirements: z.string().trim().min(4, '请说明申报材料要求').max(4000),
  deadline: z.iso.date('截止日期格式应为 YYYY-MM-DD'),
})
export const Solicitation = z.object({
  id: z.string(),
  issuerOrgId: z.string(),
  issuerOrgName: z.string(),
  jurisdictionCode: z.string(),
  title: z.string(),
  description: z.string(),
  industryCodes: z.array(z.string()),
  requirements: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
})
export const CenterList = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), jurisdictionCode: z.string(), jurisdictionName: z.string() }),
  ),
})
export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
