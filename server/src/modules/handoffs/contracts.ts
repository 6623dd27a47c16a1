import { z } from 'zod'
import { IsoDate, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { PastDate } from '../verification/contracts'
import { findingSeverities, findingStatuses, handoffStatuses } from './schema'

const Text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}不超过 ${max} 个字`)

export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })

export const SuggestionQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, '数量至少为 1').max(50, '数量不超过 50').default(10),
})

export const OfferInput = z.strictObject({
  carrierIds: z
    .array(z.uuid('中试平台编号格式不正确'))
    .min(1, '请至少选择一个中试平台')
    .max(10, '一次最多推送 10 个中试平台')
    .refine((ids) => new Set(ids).size === ids.length, '中试平台不能重复'),
  message: Text('推送说明', 4, 2000),
})

export const RespondInput = z
  .strictObject({
    decision: z.enum(['accept', 'decline'], { error: '请选择承接或婉拒' }),
    reason: Text('原因', 4, 1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'decline' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '婉拒时请说明原因' })
  })
export type RespondInput = z.infer<typeof RespondInput>

export const WithdrawInput = z.strictObject({ reason: Text('撤回原因', 4, 1000) })
export const AddPilotMilestone = z.strictObject({
  title: Text('中试节点名称', 2, 200),
  // A plan is for days to come; a node already late when planned would only ever show as overdue.
  dueDate: IsoDate.refine((v) => v >= todayInShanghai(now()), '计划完成日期不能早于今天'),
  note: Text('说明', 1, 1000).optional(),
})
export const CompletePilotMilestone = z.strictObject({ doneDate: PastDate, note: Text('说明', 1, 1000).optional() })
export const AddFinding = z.strictObject({
  description: Text('问题描述', 4, 4000),
  severity: z.enum(findingSeverities, { error: '严重程度应为提示、一般、重要或严重' }),
  /** The verification stage (验证事项) the finding concerns. */
  stageId: z.uuid('请选择所涉及的验证阶段'),
})
export const FindingResponse = z.strictObject({
  action: z.enum(['reopen', 'resolve'], { error: '请选择重新开启验证或关闭为已解决' }),
  note: Text('处理说明', 4, 2000),
})
export const CompleteHandoff = z.strictObject({ completedOn: PastDate, note: Text('中试结论', 4, 4000) })
export const HandoffQuery = z.strictObject({ status: z.enum(handoffStatuses, { error: '状态不正确' }).optional() })

export const Suggestion = z.object({
  carrierId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  jurisdictionName: z.string(),
  levelLabel: z.string(),
  score: z.number(),
  distanceKm: z.number().nullable(),
  reasons: z.array(z.string()),
  offerStatus: z.enum(handoffStatuses).nullable(),
})

export const Handoff = z.object({
  id: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  centerOrgId: z.string(),
  centerOrgName: z.string(),
  platformCarrierId: z.string(),
  platformName: z.string(),
  platformOrgId: z.string(),
  platformOrgName: z.string(),
  message: z.string(),
  status: z.enum(handoffStatuses),
  statusLabel: z.string(),
  offeredAt: z.string(),
  respondedOn: z.string().nullable(),
  responseReason: z.string().nullable(),
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueDate: z.string(),
      doneDate: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  findings: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      severity: z.enum(findingSeverities),
      severityLabel: z.string(),
      stageId: z.string(),
      stageLabel: z.string(),
      status: z.enum(findingStatuses),
      statusLabel: z.string(),
      responseNote: z.string().nullable(),
      reportedAt: z.string(),
      resolvedOn: z.string().nullable(),
    }),
  ),
  canRespond: z.boolean(),
  canManage: z.boolean(),
  /** While the pilot runs: why 完成中试 is not possible yet (completion.ts); empty when it is. */
  completionBlockers: z.array(z.string()),
})
export type Handoff = z.infer<typeof Handoff>
export const HandoffList = z.object({ items: z.array(Handoff) })
