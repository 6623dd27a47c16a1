import { z } from 'zod'
import { Uscc } from '../carriers/contracts'
import { PastDate } from '../verification/contracts'
import { fundingRounds, relayLegs } from './labels'
import { outcomeKinds } from './schema'

const Text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}不超过 ${max} 个字`)
/**
 * One outcome's amount is at most 100 亿元: far above any single license, round or 注册资本 of a project leaving
 * proof of concept, yet below a typo of a few extra digits (the city's whole fund family is 146.8 亿元, seed 001) —
 * a plausibility bound against mistyped figures reaching the cockpit, not a policy limit.
 */
export const MAX_OUTCOME_FEN = 10_000_000_000 * 100
const Amount = z
  .number({ error: '请填写金额' })
  .int('金额应为整数（单位：分）')
  .min(0, '金额不能为负')
  .max(MAX_OUTCOME_FEN, '单笔金额不超过 100 亿元，请核对金额与单位（元）')
const Positive = Amount.refine((v) => v > 0, '金额应大于 0')
const common = { occurredOn: PastDate, note: Text('备注', 1, 1000).optional() }

export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })

/** One outcome; the fields each kind needs, with amounts in 分. */
export const RecordOutcome = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('sample'), name: Text('样品名称', 2, 200), ...common }),
    z.strictObject({ kind: z.literal('product'), name: Text('产品名称', 2, 200), ...common }),
    z.strictObject({
      kind: z.literal('company'),
      companyName: Text('企业名称', 4, 100),
      uscc: Uscc,
      jurisdictionCode: z.string().regex(/^\d{6}$/, '企业所在区县代码应为 6 位数字'),
      /** 注册资本. */
      amountFen: Amount.optional(),
      ...common,
    }),
    z.strictObject({
      kind: z.literal('license'),
      counterparty: Text('被许可方', 2, 100),
      counterpartyUscc: Uscc.optional(),
      amountFen: Amount,
      ...common,
    }),
    z.strictObject({
      kind: z.literal('transfer'),
      counterparty: Text('受让方', 2, 100),
      counterpartyUscc: Uscc.optional(),
      amountFen: Amount,
      ...common,
    }),
    z.strictObject({
      kind: z.literal('equity'),
      companyName: Text('入股企业名称', 4, 100),
      uscc: Uscc,
      /** 作价金额. */
      amountFen: Positive,
      sharePercent: z.number().gt(0, '持股比例应大于 0').max(100, '持股比例不超过 100').optional(),
      ...common,
    }),
    z.strictObject({
      kind: z.literal('funding'),
      investor: Text('投资方', 2, 100),
      round: z.enum(fundingRounds, { error: '请选择融资轮次' }),
      relay: z.enum(relayLegs, { error: '请选择基金接力阶段：验证、孵化或产业化' }),
      amountFen: Positive,
      ...common,
    }),
    z.strictObject({
      kind: z.literal('serviceFee'),
      payer: Text('付款方', 2, 100),
      item: Text('服务项目', 2, 200),
      amountFen: Positive,
      ...common,
    }),
  ],
  { error: '请选择成果类型：样品化、产品化、落地成立企业、技术许可、技术转让、技术作价入股、后续融资或服务收入' },
)
export type RecordOutcome = z.infer<typeof RecordOutcome>

export const Outcome = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.enum(outcomeKinds),
  kindLabel: z.string(),
  occurredOn: z.string(),
  amountFen: z.number().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  summary: z.string(),
  recordedAt: z.string(),
})
export const OutcomeList = z.object({
  items: z.array(Outcome),
  landed: z.boolean(),
  serviceRevenueFen: z.number(),
  fundingFen: z.number(),
})

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
export const StatisticsQuery = z
  .strictObject({ from: Day, to: Day })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' })

/** A center's (or pilot platform's, or the city's) pipeline numbers over a period (statistics.ts). */
export const Statistics = z.object({
  scope: z.enum(['organization', 'city']),
  scopeName: z.string(),
  from: z.string(),
  to: z.string(),
  admitted: z.number(),
  verified: z.number(),
  samples: z.number(),
  products: z.number(),
  samplesOrProducts: z.number(),
  landings: z.number(),
  landingsByKind: z.record(z.string(), z.number()),
  landingAmountFen: z.number(),
  fundingFen: z.number(),
  serviceRevenueFen: z.number(),
  pilotServiceProjects: z.number(),
  handedOff: z.number(),
})
