import { z } from 'zod'
import { IsoDate, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { projectStatuses, verificationTypes } from '../projects/schema'
import { gateDecisions, reportKinds, stageStatuses, verificationStatuses } from './schema'

export const Fen = z.number().int('金额应为整数（单位：分）').min(0, '金额不能为负').max(1e13, '金额过大')
const PositiveFen = Fen.refine((v) => v > 0, '金额应大于 0')
/** A date that has happened: work done, money spent, a decision taken. */
export const PastDate = IsoDate.refine((v) => v <= todayInShanghai(now()), '日期不能晚于今天')
const Text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}不超过 ${max} 个字`)
const Stage = z.enum(verificationTypes, {
  error: '阶段应为原理验证、技术与工艺可行性验证、产品与场景验证或商业可行性验证',
})
const DirectorName = Text('签署主任姓名', 2, 30)

export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })
export const CodeParams = z.strictObject({ code: z.string().max(40, '验证码过长') })

export const StartVerification = z
  .strictObject({
    firstStage: Stage,
    lastStage: Stage.default('commercial'),
    /** Why the stages before the first one are not needed (e.g. 原理已在前期课题中验证). */
    skipReason: Text('跳过前序阶段的原因', 4, 1000).optional(),
    tranches: z
      .strictObject({
        principle: Fen.optional(),
        technical: Fen.optional(),
        productScenario: Fen.optional(),
        commercial: Fen.optional(),
      })
      .default({}),
  })
  .superRefine((v, ctx) => {
    if (verificationTypes.indexOf(v.lastStage) < verificationTypes.indexOf(v.firstStage))
      ctx.addIssue({ code: 'custom', path: ['lastStage'], message: '结束阶段不能早于起始阶段' })
    if (v.firstStage !== 'principle' && !v.skipReason)
      ctx.addIssue({ code: 'custom', path: ['skipReason'], message: '从后续阶段开始时，请说明跳过前序阶段的原因' })
  })
export type StartVerification = z.infer<typeof StartVerification>

export const SetTranche = z.strictObject({ budgetFen: Fen })
export const AddMilestone = z.strictObject({
  title: Text('里程碑名称', 2, 200),
  dueDate: IsoDate,
  note: Text('说明', 1, 1000).optional(),
})
export const CompleteMilestone = z.strictObject({ doneDate: PastDate, note: Text('说明', 1, 1000).optional() })
export const AddExpense = z.strictObject({
  spentOn: PastDate,
  item: Text('支出事项', 2, 200),
  amountFen: PositiveFen,
  payee: Text('收款方', 2, 100).optional(),
})
export const AddDelegation = z.strictObject({
  providerOrgId: z.uuid('请选择承担代工的机构'),
  instrumentId: z.uuid('仪器编号格式不正确').optional(),
  work: Text('代工内容', 4, 2000),
  costFen: Fen,
  performedOn: PastDate,
})
export const GateInput = z
  .strictObject({
    decision: z.enum(gateDecisions, { error: '评审结论应为通过、有条件通过或终止' }),
    reasons: Text('评审意见', 4, 4000),
    directorName: DirectorName,
    conditions: z
      .array(z.strictObject({ text: Text('条件内容', 4, 1000), dueDate: IsoDate.optional() }))
      .max(20, '条件不超过 20 项')
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'conditional' && v.conditions.length === 0)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: '有条件通过时请列出需落实的条件' })
    if (v.decision !== 'conditional' && v.conditions.length > 0)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: '只有“有条件通过”可以附条件' })
  })
export type GateInput = z.infer<typeof GateInput>
export const ResolveCondition = z.strictObject({ resolvedOn: PastDate, resolution: Text('落实情况', 4, 2000) })
export const Reopen = z.strictObject({ reason: Text('重新开启的原因', 4, 2000) })
export const IssueReport = z.strictObject({ directorName: DirectorName })
export const ReportQuery = z.strictObject({
  /** The SM3 digest printed on the copy in hand: a copy whose digest differs does not verify. */
  digest: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '摘要应为 64 位十六进制 SM3 值')
    .optional(),
})

const Gate = z.object({
  id: z.string(),
  round: z.number(),
  decision: z.enum(gateDecisions),
  decisionLabel: z.string(),
  reasons: z.string(),
  directorName: z.string(),
  directorRole: z.string(),
  directorRoleLabel: z.string(),
  decidedOn: z.string(),
  conditions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      dueDate: z.string().nullable(),
      resolvedOn: z.string().nullable(),
      resolution: z.string().nullable(),
    }),
  ),
})

export const StageView = z.object({
  id: z.string(),
  stage: z.enum(verificationTypes),
  label: z.string(),
  ordinal: z.number(),
  status: z.enum(stageStatuses),
  statusLabel: z.string(),
  skipReason: z.string().nullable(),
  budgetFen: z.number(),
  spentFen: z.number(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueDate: z.string(),
      doneDate: z.string().nullable(),
      note: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  deliverables: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      sm3: z.string(),
      uploadedAt: z.string(),
    }),
  ),
  expenses: z.array(
    z.object({
      id: z.string(),
      spentOn: z.string(),
      item: z.string(),
      amountFen: z.number(),
      payee: z.string().nullable(),
    }),
  ),
  delegations: z.array(
    z.object({
      id: z.string(),
      providerOrgId: z.string(),
      providerOrgName: z.string(),
      instrumentId: z.string().nullable(),
      instrumentName: z.string().nullable(),
      work: z.string(),
      costFen: z.number(),
      performedOn: z.string(),
    }),
  ),
  gates: z.array(Gate),
  reopenings: z.array(z.object({ reason: z.string(), findingId: z.string().nullable(), at: z.string() })),
})

export const ReportSummary = z.object({
  code: z.string(),
  kind: z.enum(reportKinds),
  kindLabel: z.string(),
  issuedOn: z.string(),
  digest: z.string(),
  signedByName: z.string(),
  signedByRole: z.string(),
  current: z.boolean(),
  /** The code of the report that replaced this one. */
  supersededBy: z.string().nullable(),
  /** When a stage was reopened after this report was issued: from then on it no longer stands. */
  reopenedOn: z.string().nullable(),
})

export const VerificationDetail = z.object({
  id: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  projectStatus: z.enum(projectStatuses),
  centerOrgId: z.string(),
  centerOrgName: z.string(),
  status: z.enum(verificationStatuses),
  statusLabel: z.string(),
  firstStage: z.enum(verificationTypes),
  lastStage: z.enum(verificationTypes),
  reportKind: z.enum(reportKinds),
  reportKindLabel: z.string(),
  projectBudgetFen: z.number(),
  trancheTotalFen: z.number(),
  spentTotalFen: z.number(),
  stages: z.array(StageView),
  reports: z.array(ReportSummary),
  /** The center's 主任 (双主任制) who may sign its gates and reports, as its carrier records them. */
  directors: z.array(z.object({ name: z.string(), role: z.string(), roleLabel: z.string() })),
  canManage: z.boolean(),
  canDownload: z.boolean(),
})
export type VerificationDetail = z.infer<typeof VerificationDetail>

export const ReportCheck = z.object({
  code: z.string(),
  /** Authentic and current: the content matches its registration, and no later report or reopened stage replaced it. */
  valid: z.boolean(),
  authentic: z.boolean(),
  current: z.boolean(),
  supersededBy: z.string().nullable(),
  /** The day the center reopened a stage of the verification after this report was issued. */
  reopenedOn: z.string().nullable(),
  /** 结论 as issued (通过 / 有条件通过): a fact of the report, for everyone, once it is authentic. */
  conclusion: z.string().nullable(),
  problems: z.array(z.string()),
  kind: z.enum(reportKinds),
  kindLabel: z.string(),
  projectTitle: z.string(),
  centerName: z.string(),
  issuedOn: z.string(),
  digest: z.string(),
  /** The whole report, for any PoC center (结果互认) and those who may see the project; never when not authentic. */
  report: z.record(z.string(), z.unknown()).nullable(),
})
export type ReportCheck = z.infer<typeof ReportCheck>
