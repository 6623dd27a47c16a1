import { z } from 'zod'
import { confidentialityLevels } from '../../platform/registry/confidentiality'
import { investmentStages, investorKinds } from './schema'

/** 单笔投资额 in 分: at most 100 亿元. */
const Fen = z
  .number({ error: '请填写金额' })
  .int('金额应为整数（单位：分）')
  .min(0, '金额不能为负')
  .max(1e12, '金额不超过 100 亿元')

export const SaveInvestorProfile = z
  .strictObject({
    kind: z.enum(investorKinds, { error: '请选择机构类型' }),
    stages: z
      .array(z.enum(investmentStages, { error: '投资阶段不正确' }))
      .min(1, '请至少选择一个投资阶段')
      .max(investmentStages.length),
    industryCodes: z.array(z.string().max(60)).max(20, '关注产业不超过 20 个').default([]),
    focusKeywords: z
      .array(z.string().trim().min(2, '关注方向每项至少 2 个字').max(20, '关注方向每项不超过 20 个字'))
      .max(20, '关注方向不超过 20 项')
      .default([]),
    ticketMinFen: Fen,
    ticketMaxFen: Fen,
    jurisdictionCodes: z.array(z.string().regex(/^\d{6}$/, '地区代码应为 6 位数字')).max(20, '投资地域不超过 20 个'),
    introduction: z.string().trim().max(1000, '机构简介不超过 1000 字').default(''),
    confidentiality: z.enum(confidentialityLevels, { error: '请选择公开范围' }),
    version: z.number().int().min(0).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.ticketMaxFen < v.ticketMinFen)
      ctx.addIssue({ code: 'custom', path: ['ticketMaxFen'], message: '单笔投资上限不能低于下限' })
    if (v.industryCodes.length === 0 && v.focusKeywords.length === 0)
      ctx.addIssue({ code: 'custom', path: ['industryCodes'], message: '请至少填写一个关注产业或关注方向' })
  })
export type SaveInvestorProfileInput = z.infer<typeof SaveInvestorProfile>

export const InvestorProfile = z.object({
  orgId: z.string(),
  orgName: z.string(),
  jurisdictionCode: z.string(),
  exists: z.boolean(),
  kind: z.enum(investorKinds).nullable(),
  kindLabel: z.string().nullable(),
  stages: z.array(z.enum(investmentStages)),
  stageLabels: z.array(z.string()),
  industryCodes: z.array(z.string()),
  industries: z.array(z.object({ code: z.string(), name: z.string() })),
  focusKeywords: z.array(z.string()),
  ticketMinFen: z.number(),
  ticketMaxFen: z.number(),
  jurisdictionCodes: z.array(z.string()),
  jurisdictionNames: z.array(z.string()),
  introduction: z.string(),
  confidentiality: z.enum(confidentialityLevels),
  version: z.number(),
  updatedAt: z.string().nullable(),
})
export type InvestorProfileView = z.infer<typeof InvestorProfile>
