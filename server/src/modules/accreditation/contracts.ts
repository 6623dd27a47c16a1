import { z } from 'zod'
import { IsoDate } from '../../platform/calendar/workdays'
import { AttachmentInput, DeclaredFacts } from './declared'
import { changeKinds, indicatorMetrics, RuleDocument, RuleDocumentShape, revocationCauses } from './rule-document'
import { ParameterValues } from './rules'
import { applicationStatuses } from './schema'

const Kind = z.enum(['pocCenter', 'pilotPlatform'], {
  error: '载体类型应为 pocCenter（概念验证中心）或 pilotPlatform（中试平台）',
})
const City = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
const Note = (label: string, min = 2) =>
  z.string().trim().min(min, `请填写${label}（至少 ${min} 个字）`).max(2000, `${label}不超过 2000 个字`)
const Version = z.number().int().positive('版本号应为正整数')
const Step = z.object({ step: z.string(), because: z.string() })

export const IdParams = z.strictObject({ id: z.uuid('编号格式不正确') })

// rules
export const RulesQuery = z.strictObject({ city: City.optional(), kind: Kind.optional() })
export const InForceQuery = z.strictObject({ city: City, kind: Kind, on: IsoDate.optional() })
export const AddRuleVersion = z.strictObject({ document: RuleDocument, note: Note('说明') })
export const SetParameters = z.strictObject({
  values: ParameterValues.refine((v) => Object.keys(v).length > 0, '请至少设定一个参数'),
  versionLabel: z.string().trim().min(1, '请填写版本名称').max(40, '版本名称不超过 40 个字'),
  effectiveFrom: IsoDate.optional(),
  note: Note('说明'),
})
export const RuleVersionOut = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  versionLabel: z.string(),
  name: z.string(),
  jurisdictionCode: z.string(),
  carrierKind: Kind,
  authority: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string(),
  source: z.string(),
  sourceFile: z.string().nullable(),
  basedOn: z.string().nullable(),
  note: z.string().nullable(),
  pending: z.array(z.object({ key: z.string(), label: z.string(), cite: z.string(), note: z.string().nullable() })),
  document: RuleDocumentShape,
  createdAt: z.string().nullable(),
})

// calls
export const CityQuery = z.strictObject({ city: City.optional() })
export const OpenCall = z.strictObject({
  carrierKind: Kind,
  title: z.string().trim().min(4, '通知标题至少 4 个字').max(200, '通知标题不超过 200 个字'),
  description: z.string().trim().max(4000, '通知内容不超过 4000 个字').default(''),
  openedOn: IsoDate.optional(),
  deadline: IsoDate,
})
export const CallOut = z.object({
  id: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  carrierKind: Kind,
  carrierKindLabel: z.string(),
  title: z.string(),
  description: z.string(),
  openedOn: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  accepting: z.boolean(),
  ruleVersionId: z.string(),
  ruleVersion: z.string(),
  namePattern: z.string().nullable(),
  conditions: z.array(z.object({ id: z.string(), label: z.string(), cite: z.string() })),
})

// applications
const CenterName = z.string().trim().min(4, '中心名称至少 4 个字').max(60, '中心名称不超过 60 个字')
const Attachments = z.array(AttachmentInput).max(50, '附件不超过 50 个')
export const CreateApplication = z.strictObject({
  callId: z.uuid('请选择认定通知'),
  carrierId: z.uuid('请选择申报的载体'),
  centerName: CenterName,
  declared: DeclaredFacts,
  attachments: Attachments.default([]),
  submit: z.boolean().default(false),
})
export const UpdateApplication = z.strictObject({
  version: Version,
  centerName: CenterName.optional(),
  declared: DeclaredFacts.optional(),
  attachments: Attachments.optional(),
})
export const VersionBody = z.strictObject({ version: Version })
export const WithdrawBody = z.strictObject({ version: Version, note: z.string().trim().max(500).optional() })
export const ReviewBody = z
  .strictObject({
    decision: z.enum(['return', 'recommend', 'notRecommend'], { error: '请选择退回修改、推荐或不予推荐' }),
    note: z.string().trim().max(2000, '意见不超过 2000 个字').optional(),
    version: Version,
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'recommend' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '退回或不予推荐时请填写意见' })
  })
export const SiteVisitBody = z.strictObject({ visitedOn: IsoDate, findings: Note('考察情况'), version: Version })
export const ProposeBody = z
  .strictObject({
    decision: z.enum(['propose', 'notPropose'], { error: '请选择列入或不列入拟认定名单' }),
    note: z.string().trim().max(2000, '意见不超过 2000 个字').optional(),
    version: Version,
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'notPropose' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '不列入拟认定名单时请填写理由' })
  })
export const ApplicationsQuery = z.strictObject({
  status: z.enum(applicationStatuses).optional(),
  callId: z.uuid('通知编号格式不正确').optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
const ConditionResult = z.object({
  id: z.string(),
  label: z.string(),
  cite: z.string(),
  source: z.enum(['platform', 'declared']),
  status: z.enum(['met', 'notMet', 'evidenceMissing', 'pending']),
  statusLabel: z.string(),
  evidence: z.array(z.string()),
  because: z.string(),
})
export const ApplicationOut = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  carrierKind: Kind,
  carrierId: z.string(),
  carrierName: z.string(),
  applicantOrgId: z.string(),
  applicantOrgName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  centerName: z.string(),
  status: z.enum(applicationStatuses),
  statusLabel: z.string(),
  declared: DeclaredFacts,
  attachments: z.array(
    z.object({
      name: z.string(),
      conditionId: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      note: z.string().nullable(),
    }),
  ),
  checks: z
    .object({
      ruleVersionId: z.string(),
      ruleVersion: z.string(),
      on: z.string(),
      met: z.number(),
      total: z.number(),
      results: z.array(ConditionResult),
    })
    .nullable(),
  siteVisits: z.array(z.object({ visitedOn: z.string(), findings: z.string(), byName: z.string() })),
  notice: z.object({ id: z.string(), startOn: z.string(), endOn: z.string() }).nullable(),
  objections: z.object({ total: z.number(), open: z.number() }),
  certificate: z.object({ id: z.string(), certificateNo: z.string(), accreditedOn: z.string() }).nullable(),
  decisionNote: z.string().nullable(),
  events: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      toLabel: z.string(),
      note: z.string().nullable(),
      actorName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  version: z.number(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({ edit: z.boolean(), review: z.boolean(), propose: z.boolean(), accredit: z.boolean() }),
})

// notices and objections
export const PublishNotice = z.strictObject({
  callId: z.uuid('请选择认定通知'),
  startOn: IsoDate,
  title: z.string().trim().min(4, '公示标题至少 4 个字').max(200, '公示标题不超过 200 个字').optional(),
})
export const NoticeOut = z.object({
  id: z.string(),
  callId: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  title: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  workdays: z.array(z.string()),
  explanation: z.array(Step),
  phase: z.enum(['upcoming', 'open', 'ended']),
  phaseLabel: z.string(),
  publishedAt: z.string(),
  entries: z.array(
    z.object({
      applicationId: z.string(),
      centerName: z.string(),
      organizationName: z.string(),
      status: z.enum(applicationStatuses),
      statusLabel: z.string(),
      objections: z.number(),
      openObjections: z.number(),
    }),
  ),
})
export const FileObjection = z.strictObject({
  applicationId: z.uuid('请选择异议对象'),
  reason: Note('异议理由', 10),
})
export const ObjectionOut = z.object({
  id: z.string(),
  noticeId: z.string(),
  applicationId: z.string(),
  status: z.literal('open'),
  filedOn: z.string(),
})
export const ObjectionsOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      applicationId: z.string(),
      centerName: z.string(),
      reason: z.string(),
      filedByOrgName: z.string(),
      filedOn: z.string(),
      status: z.enum(['open', 'upheld', 'dismissed']),
      resolutionNote: z.string().nullable(),
      resolvedAt: z.string().nullable(),
    }),
  ),
})
export const ResolveObjection = z.strictObject({
  outcome: z.enum(['upheld', 'dismissed'], { error: '请选择异议成立或不成立' }),
  note: Note('处理意见'),
})

// accreditations, supervision, evaluations
export const AccreditationsQuery = z.strictObject({
  city: City.optional(),
  kind: Kind.optional(),
  status: z.enum(['active', 'revoked', 'terminated']).optional(),
})
export const AccreditationOut = z.object({
  id: z.string(),
  carrierId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  carrierKind: Kind,
  carrierKindLabel: z.string(),
  level: z.enum(['municipal', 'provincial', 'national']),
  levelLabel: z.string(),
  certificateNo: z.string(),
  accreditedOn: z.string(),
  source: z.enum(['platform', 'registry']),
  sourceLabel: z.string(),
  ruleVersion: z.string().nullable(),
  status: z.enum(['active', 'revoked', 'terminated']),
  statusLabel: z.string(),
  statusBecause: z.string().nullable(),
  endedOn: z.string().nullable(),
  barredUntil: z.string().nullable(),
  explanation: z.array(Step),
  version: z.number(),
})
export const RevokeBody = z.strictObject({
  cause: z.enum(revocationCauses, { error: '请选择撤销情形' }),
  note: Note('撤销事实与依据', 10),
})
export const ReportChange = z.strictObject({
  kind: z.enum(changeKinds, { error: '请选择变化类型：分立、合并、重组或经营业务变化' }),
  occurredOn: IsoDate,
  description: Note('变化情况', 10),
})
export const Reassess = z.strictObject({
  outcome: z.enum(['stillQualifies', 'noLongerQualifies'], { error: '请选择仍符合或不再符合认定条件' }),
  note: Note('审核意见'),
})
export const ChangeOut = z.object({
  id: z.string(),
  kind: z.enum(changeKinds),
  kindLabel: z.string(),
  description: z.string(),
  occurredOn: z.string(),
  reportedOn: z.string(),
  deadline: z.string(),
  late: z.boolean(),
  lateLabel: z.string(),
  reassessment: z.enum(['pending', 'stillQualifies', 'noLongerQualifies']),
  reassessmentLabel: z.string(),
  reassessedOn: z.string().nullable(),
  reassessmentNote: z.string().nullable(),
})
export const YearQuery = z.strictObject({ year: z.coerce.number().int().min(2000, '年份有误').max(2100, '年份有误') })
const Score = z.strictObject({
  score: z.number().min(0, '评分不能低于 0').max(100, '评分不能高于 100').multipleOf(0.01, '评分最多两位小数'),
  scorer: z.enum(['expert', 'thirdParty'], { error: '评分方应为专家或第三方机构' }),
  scorerName: z.string().trim().min(2, '请填写评分专家或机构').max(100),
  note: z.string().trim().max(500).nullish(),
})
export const RecordEvaluation = z
  .strictObject({
    year: z.number().int().min(2000, '年份有误').max(2100, '年份有误'),
    participation: z.enum(['participated', 'skipped'], { error: '请选择参加评价或未参加' }),
    skipReason: z.string().trim().max(1000).optional(),
    goodReason: z.boolean().optional(),
    figures: z
      .partialRecord(
        z.enum(indicatorMetrics),
        z.strictObject({
          value: z.number().min(0, '数值不能为负').max(1e13),
          source: z.string().trim().min(2, '请注明数值来源（年度报告、第三方核实等）').max(200),
        }),
      )
      .optional(),
    scores: z.record(z.string().max(60), Score).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.participation === 'skipped' && (!v.skipReason || v.goodReason === undefined))
      ctx.addIssue({ code: 'custom', path: ['skipReason'], message: '未参加评价时请填写原因并认定是否属于正当理由' })
  })
export const EvaluationOut = z.object({
  id: z.string(),
  year: z.number(),
  evaluatedOn: z.string(),
  participation: z.enum(['participated', 'skipped']),
  skipReason: z.string().nullable(),
  goodReason: z.boolean().nullable(),
  total: z.number().nullable(),
  band: z.enum(['excellent', 'pass', 'fail']).nullable(),
  bandLabel: z.string(),
  scorecard: z.unknown(),
  consequence: z.array(Step),
})

// targets
export const TargetsQuery = z.strictObject({ city: City })
export const CoverageQuery = z.strictObject({ city: City, system: z.string().trim().min(2).max(60).optional() })
export const ProgressOut = z.object({
  city: z.string(),
  cityName: z.string(),
  on: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      cite: z.string(),
      by: z.string(),
      metric: z.enum(['accredited', 'chainCoverage', 'pilotServiceProjects', 'unmeasured']),
      target: z.number().nullable(),
      current: z.number().nullable(),
      percent: z.number().nullable(),
      met: z.boolean().nullable(),
      overdue: z.boolean(),
      series: z.array(z.object({ year: z.number(), value: z.number().nullable() })),
      explanation: z.array(z.string()),
      ruleVersion: z.string(),
    }),
  ),
})
export const CoverageOut = z.object({
  city: z.string(),
  systemCode: z.string(),
  systemName: z.string(),
  on: z.string(),
  total: z.number(),
  covered: z.number(),
  leaves: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      path: z.string(),
      covered: z.boolean(),
      centers: z.array(
        z.object({ id: z.string(), name: z.string(), level: z.string().nullable(), via: z.string().nullable() }),
      ),
    }),
  ),
})
