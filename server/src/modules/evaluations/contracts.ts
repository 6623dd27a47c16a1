import { z } from 'zod'
import { THINK_TANKS } from './assignment/types'
import { assignmentStatuses, decisions, roundStatuses } from './schema'

const Id = z.uuid('编号格式不正确')
const Tank = z.enum(THINK_TANKS as ['technical', 'product', 'commercial'], {
  error: '专家智库应为：技术验证、产品验证、商业验证',
})
const Tanks = z
  .array(Tank)
  .max(3)
  .refine((t) => new Set(t).size === t.length, '专家智库重复')
const Reviewers = z
  .number()
  .int('评审专家人数应为整数')
  .min(1, '每个项目至少 1 名评审专家')
  .max(9, '每个项目最多 9 名评审专家')
const Cap = z.number().int('评审上限应为整数').min(0, '评审上限不能为负').max(50, '评审上限不超过 50')

export const CriterionInput = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]{0,29}$/, '指标代码应为字母开头的字母数字组合')
    .optional(),
  name: z.string().trim().min(2, '指标名称至少 2 个字').max(20, '指标名称不超过 20 个字'),
  weight: z.number().int('权重应为整数').min(1, '权重至少为 1').max(100, '权重不超过 100'),
  description: z.string().trim().max(200, '指标说明不超过 200 个字').nullish(),
})
export const CriteriaInput = z
  .array(CriterionInput)
  .min(1, '至少设置 1 项评价指标')
  .max(10, '评价指标不超过 10 项')
  .superRefine((list, ctx) => {
    const sum = list.reduce((s, c) => s + c.weight, 0)
    if (sum !== 100) ctx.addIssue({ code: 'custom', message: `各项指标权重之和应为 100（当前为 ${sum}）` })
    if (new Set(list.map((c) => c.name)).size !== list.length)
      ctx.addIssue({ code: 'custom', message: '评价指标名称重复' })
    const keys = list.flatMap((c) => (c.key ? [c.key] : []))
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: '评价指标代码重复' })
  })

const settings = {
  title: z.string().trim().min(4, '评价轮次名称至少 4 个字').max(100, '评价轮次名称不超过 100 个字'),
  criteria: CriteriaInput,
  reviewersPerProject: Reviewers,
  defaultCap: Cap.min(1, '评审上限至少为 1'),
  capOverrides: z.record(Id, Cap),
  deadline: z.iso.date('截止日期格式应为 YYYY-MM-DD'),
  reminderWorkdays: z.number().int().min(1, '提醒提前天数至少为 1').max(20, '提醒提前天数不超过 20'),
  outlierThreshold: z.number().min(1, '异常评分阈值至少为 1 分').max(100, '异常评分阈值不超过 100 分'),
  admissionThreshold: z.number().min(0, '入库分数线不能为负').max(100, '入库分数线不超过 100').nullable(),
}

export const ProjectNeedInput = z.strictObject({
  projectId: Id,
  tanks: Tanks.optional(),
  reviewers: Reviewers.nullish(),
})

export const CreateRound = z.strictObject({
  ...settings,
  criteria: settings.criteria.optional(),
  reviewersPerProject: settings.reviewersPerProject.optional(),
  defaultCap: settings.defaultCap.optional(),
  capOverrides: settings.capOverrides.optional(),
  reminderWorkdays: settings.reminderWorkdays.optional(),
  outlierThreshold: settings.outlierThreshold.optional(),
  admissionThreshold: settings.admissionThreshold.optional(),
  projectIds: z.array(Id).min(1, '请至少选择 1 个项目').max(200, '一轮评价不超过 200 个项目'),
  projectNeeds: z.array(ProjectNeedInput).max(200).optional(),
})
export type CreateRound = z.infer<typeof CreateRound>

export const UpdateRound = z.strictObject(settings).partial().extend({ version: z.number().int().positive() })
export type UpdateRound = z.infer<typeof UpdateRound>

export const UpdateRoundProject = z.strictObject({ tanks: Tanks.optional(), reviewers: Reviewers.nullish() })
export type UpdateRoundProject = z.infer<typeof UpdateRoundProject>

export const PairRuleInput = z.strictObject({
  projectId: Id,
  expertId: Id,
  kind: z.enum(['pin', 'forbid'], { error: '应为“固定”或“禁止”' }),
  note: z.string().trim().max(200, '说明不超过 200 个字').optional(),
})
export type PairRuleInput = z.infer<typeof PairRuleInput>

export const DecisionInput = z.strictObject({
  projectId: Id,
  decision: z.enum(decisions, { error: '决定应为“入库”或“不予入库”' }),
  reason: z.string().trim().max(1000, '说明不超过 1000 个字').optional(),
})
export type DecisionInput = z.infer<typeof DecisionInput>

export const DeclareConflict = z.strictObject({
  note: z.string().trim().min(2, '请说明利益冲突情况').max(500, '说明不超过 500 个字'),
})
export const Decline = z.strictObject({
  reason: z.string().trim().min(2, '请说明谢绝原因').max(500, '说明不超过 500 个字'),
})

export const SaveReview = z.strictObject({
  scores: z.record(
    z.string().max(30),
    z.number().int('分数应为整数').min(0, '分数不能低于 0').max(100, '分数不能高于 100'),
  ),
  comments: z.record(z.string().max(30), z.string().trim().max(1000, '单项意见不超过 1000 个字')).default({}),
  overallComment: z.string().trim().max(4000, '综合意见不超过 4000 个字').optional(),
  /** false keeps a draft; true submits (final). */
  submit: z.boolean().default(false),
})
export type SaveReview = z.infer<typeof SaveReview>

export const InvitationQuery = z.strictObject({
  dueWithinWorkdays: z.coerce.number().int().min(1, '至少 1 个工作日').max(30, '不超过 30 个工作日').optional(),
  scope: z.enum(['active', 'all'], { error: '范围应为 active 或 all' }).default('active'),
})
export const CandidateQuery = z.strictObject({ projectId: Id })
export const IdParams = z.strictObject({ id: Id })
export const RoundProjectParams = z.strictObject({ id: Id, projectId: Id })
export const PairParams = z.strictObject({ id: Id, projectId: Id, expertId: Id })

const Criterion = z.object({
  key: z.string(),
  name: z.string(),
  weight: z.number(),
  description: z.string().nullish(),
})
const Reason = z.object({ kind: z.string(), detail: z.string() })

export const Assignment = z.object({
  id: z.string(),
  projectId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  source: z.string(),
  affinity: z.number(),
  status: z.enum(assignmentStatuses),
  statusLabel: z.string(),
  note: z.string().nullable(),
  submittedAt: z.string().nullable(),
})

export const Run = z.object({
  id: z.string(),
  trigger: z.string(),
  triggerLabel: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  objective: z.object({ reviews: z.number(), seats: z.number(), totalAffinity: z.number() }),
  certified: z.boolean(),
  shortProjects: z.array(
    z.object({
      projectId: z.string(),
      projectTitle: z.string(),
      needed: z.number(),
      assigned: z.number(),
      missingTankLabels: z.array(z.string()),
      reasons: z.array(z.object({ kind: z.string(), message: z.string() })),
    }),
  ),
  exclusions: z.array(
    z.object({
      projectId: z.string(),
      projectTitle: z.string(),
      expertId: z.string(),
      expertName: z.string(),
      reasons: z.array(Reason),
      forbidden: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  rejectedFixed: z.array(
    z.object({
      projectId: z.string(),
      expertId: z.string(),
      expertName: z.string(),
      source: z.string(),
      message: z.string(),
    }),
  ),
  progress: z.array(z.object({ stage: z.string(), fraction: z.number(), message: z.string() })),
  changes: z.object({ invited: z.number(), kept: z.number(), withdrawn: z.number() }),
  notes: z.array(z.string()),
  ms: z.number(),
})

export const RoundSummary = z.object({
  id: z.string(),
  title: z.string(),
  centerOrgId: z.string(),
  centerOrgName: z.string(),
  status: z.enum(roundStatuses),
  statusLabel: z.string(),
  deadline: z.string(),
  criteriaLocked: z.boolean(),
  projects: z.number(),
  decided: z.number(),
  progress: z.object({
    seats: z.number(),
    invited: z.number(),
    confirmed: z.number(),
    accepted: z.number(),
    submitted: z.number(),
    declined: z.number(),
    conflicts: z.number(),
  }),
  createdAt: z.string(),
})

export const RoundDetail = RoundSummary.extend({
  criteria: z.array(Criterion),
  reviewersPerProject: z.number(),
  defaultCap: z.number(),
  capOverrides: z.record(z.string(), z.number()),
  reminderWorkdays: z.number(),
  outlierThreshold: z.number(),
  admissionThreshold: z.number().nullable(),
  version: z.number(),
  items: z.array(
    z.object({
      projectId: z.string(),
      title: z.string(),
      applicantOrgName: z.string(),
      projectStatus: z.string(),
      projectStatusLabel: z.string(),
      tanks: z.array(Tank),
      tankLabels: z.array(z.string()),
      reviewers: z.number(),
      assignments: z.array(Assignment),
      decision: z.enum(decisions).nullable(),
      decisionLabel: z.string().nullable(),
      decisionExplanation: z.string().nullable(),
    }),
  ),
  pairRules: z.array(
    z.object({
      projectId: z.string(),
      expertId: z.string(),
      expertName: z.string(),
      kind: z.enum(['pin', 'forbid']),
      note: z.string().nullable(),
    }),
  ),
  lastRun: Run.nullable(),
})
export const RoundList = z.object({ items: z.array(RoundSummary) })

export const CandidateList = z.object({
  projectId: z.string(),
  items: z.array(
    z.object({
      expertId: z.string(),
      expertName: z.string(),
      thinkTankLabels: z.array(z.string()),
      affinity: z.number(),
      reasons: z.array(z.string()),
      conflicts: z.array(Reason),
      forbidden: z.boolean(),
      pinned: z.boolean(),
      assignmentStatus: z.string().nullable(),
    }),
  ),
})

export const Results = z.object({
  roundId: z.string(),
  criteria: z.array(Criterion),
  admissionThreshold: z.number().nullable(),
  outlierThreshold: z.number(),
  items: z.array(
    z.object({
      rank: z.number().nullable(),
      projectId: z.string(),
      title: z.string(),
      submitted: z.number(),
      pending: z.number(),
      rawMean: z.number().nullable(),
      normalizedMean: z.number().nullable(),
      criterionMeans: z.record(z.string(), z.number()),
      outliers: z.number(),
      decision: z.enum(decisions).nullable(),
      reviews: z.array(
        z.object({
          assignmentId: z.string(),
          expertName: z.string(),
          raw: z.number(),
          normalized: z.number(),
          method: z.string(),
          why: z.string(),
          deviation: z.number().nullable(),
          outlier: z.boolean(),
          outlierWhy: z.string().nullable(),
        }),
      ),
    }),
  ),
})

export const DecisionResult = z.object({
  projectId: z.string(),
  decision: z.enum(decisions),
  decisionLabel: z.string(),
  explanation: z.string(),
  projectStatus: z.string(),
  roundStatus: z.enum(roundStatuses),
})

const ProjectBrief = z.object({
  id: z.string(),
  title: z.string(),
  applicantOrgName: z.string(),
  team: z.array(z.object({ name: z.string(), role: z.string().nullish(), organization: z.string().nullish() })),
  industries: z.array(z.string()),
})

export const Invitation = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  centerOrgName: z.string(),
  deadline: z.string(),
  workdaysLeft: z.number().nullable(),
  status: z.enum(assignmentStatuses),
  statusLabel: z.string(),
  roleLabel: z.string(),
  project: ProjectBrief,
  criteria: z.array(Criterion),
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  overallComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  canScore: z.boolean(),
})
export const InvitationDetail = Invitation.extend({
  /** Shown only after the expert confirms no conflict of interest. */
  detail: z
    .object({
      summary: z.string(),
      disciplines: z.array(z.string()),
      requestedTypeLabels: z.array(z.string()),
      budgetFen: z.number(),
      trl: z.number().nullable(),
      achievementIds: z.array(z.string()),
    })
    .nullable(),
})
export const InvitationList = z.object({ items: z.array(Invitation) })

export const Feedback = z.object({
  projectId: z.string(),
  rounds: z.array(
    z.object({
      roundTitle: z.string(),
      decided: z.boolean(),
      decisionLabel: z.string().nullable(),
      explanation: z.string().nullable(),
      score: z.number().nullable(),
      reviewers: z.array(
        z.object({
          label: z.string(),
          scores: z.array(
            z.object({ criterion: z.string(), score: z.number().nullable(), comment: z.string().nullable() }),
          ),
          overallComment: z.string().nullable(),
        }),
      ),
    }),
  ),
})

export const AssignmentView = z.object({ run: Run.nullable(), assignments: z.array(Assignment) })
