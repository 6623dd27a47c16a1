import { z } from 'zod'
import { AppError } from '../../platform/errors/errors'
import type { App } from '../../platform/http/types'
import { isProjectTarget, recordProjectFeedback } from './project-feedback'
import { matchProject, PROJECT_TARGETS } from './project-pairs'
import { leadFromMatch, matchRecord, matchText, recordFeedback } from './service'

const validation = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })

const Result = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  why: z.object({
    matchedTerms: z.array(z.object({ word: z.string(), via: z.string(), fields: z.array(z.string()) })),
    fieldContributions: z.record(z.string(), z.number()),
    shared: z.array(z.object({ attribute: z.string(), values: z.array(z.string()) })),
    trl: z.number().optional(),
    distanceKm: z.number().optional(),
    parts: z.record(z.string(), z.number()),
  }),
})
/** The caller's own 有意向 / 不相关 on a listed result. */
const Judgement = z.enum(['interested', 'irrelevant'])
const Limit = z.coerce.number().int().min(1, '数量至少为 1').max(50, '数量不超过 50').default(10)
const RecordType = z.enum(['achievement', 'demand', 'enterprise', 'scenario', 'carrier'], { error: '不支持的记录类型' })

export function registerMatchingRoutes(app: App) {
  app.post(
    '/api/v1/match/achievements',
    {
      config: { action: 'match.read', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        body: z.strictObject({
          text: z.string().trim().min(2, '请输入至少 2 个字的需求描述').max(4000, '需求描述不超过 4000 字'),
          limit: Limit,
        }),
        response: { 200: z.object({ results: z.array(Result) }) },
      },
    },
    (req) => matchText(req.actor, req.body),
  )
  app.get(
    '/api/v1/match/project/:fromId/:toType',
    {
      config: { action: 'match.project' },
      schema: {
        params: z.strictObject({
          fromId: z.uuid('项目编号格式不正确'),
          toType: z.enum(PROJECT_TARGETS, { error: '不支持的匹配对象' }),
        }),
        querystring: z.strictObject({ limit: Limit }),
        response: {
          200: z.object({
            pair: z.object({ from: z.string(), to: z.string(), label: z.string() }),
            results: z.array(Result.extend({ subtitle: z.string(), judgement: Judgement.optional() })),
            excluded: z.array(
              z.object({
                id: z.string(),
                type: z.string(),
                title: z.string(),
                subtitle: z.string(),
                reasons: z.array(z.string()),
              }),
            ),
            note: z.string().optional(),
          }),
        },
      },
    },
    (req) =>
      matchProject(req.actor, { projectId: req.params.fromId, toType: req.params.toType, limit: req.query.limit }),
  )
  app.get(
    '/api/v1/match/:fromType/:fromId/:toType',
    {
      config: { action: 'match.read' },
      schema: {
        params: z.strictObject({ fromType: RecordType, fromId: z.uuid('记录编号格式不正确'), toType: RecordType }),
        querystring: z.strictObject({ limit: Limit }),
        response: {
          200: z.object({
            pair: z.object({ from: z.string(), to: z.string(), label: z.string() }),
            results: z.array(Result.extend({ judgement: Judgement.optional() })),
          }),
        },
      },
    },
    (req) => matchRecord(req.actor, { ...req.params, limit: req.query.limit }),
  )
  app.post(
    '/api/v1/match/feedback',
    {
      config: { action: 'match.feedback' },
      schema: {
        body: z.strictObject({
          fromType: z.enum(['text', 'achievement', 'demand', 'scenario', 'project'], { error: '不支持的匹配来源' }),
          fromId: z.uuid('来源编号格式不正确').optional(),
          text: z.string().trim().min(2).max(4000).optional(),
          toType: z.enum([...RecordType.options, 'expert', 'investor'], { error: '不支持的匹配对象' }),
          toId: z.uuid('结果编号格式不正确'),
          kind: z.enum(['interested', 'irrelevant'], { error: '反馈应为“有意向”或“不相关”' }),
        }),
        response: { 200: z.object({ recorded: z.boolean() }) },
      },
    },
    ({ actor, body: { fromType, fromId, ...body } }) => {
      if (fromType !== 'project') return recordFeedback(actor, { fromType, ...(fromId ? { fromId } : {}), ...body })
      if (!fromId) throw validation('fromId', '请提供项目编号')
      if (!isProjectTarget(body.toType)) throw validation('toType', '项目可匹配评审专家、验证中心与中试平台或投资机构')
      return recordProjectFeedback(actor, { projectId: fromId, toType: body.toType, toId: body.toId, kind: body.kind })
    },
  )
  app.post(
    '/api/v1/match/lead',
    {
      config: { action: 'lead.create' },
      schema: {
        body: z.strictObject({
          fromType: z.enum(['text', 'achievement', 'demand', 'scenario'], { error: '不支持的匹配来源' }),
          fromId: z.uuid().optional(),
          text: z.string().trim().min(2).max(4000).optional(),
          toType: RecordType,
          toId: z.uuid('结果编号格式不正确'),
          message: z.string().trim().max(500, '留言不超过 500 字').optional(),
        }),
        response: { 201: z.object({ id: z.string(), status: z.string() }).passthrough() },
      },
    },
    async (req, reply) => reply.code(201).send(await leadFromMatch(req.actor, req.body)),
  )
}
