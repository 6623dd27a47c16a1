import type { Multipart } from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../platform/errors/errors'
import type { App } from '../../platform/http/types'
import {
  AddDelegation,
  AddExpense,
  AddMilestone,
  CodeParams,
  CompleteMilestone,
  GateInput,
  IdParams,
  IssueReport,
  Reopen,
  ReportCheck,
  ReportQuery,
  ResolveCondition,
  SetTranche,
  StartVerification,
  VerificationDetail,
} from './contracts'
import { downloadDeliverable, MAX_DELIVERABLE_BYTES, type Upload, uploadDeliverable } from './deliverables'
import { decideGate, reopenStageByCenter, resolveCondition } from './gates'
import { renderReportPage } from './print'
import { issueReport, verifyReport } from './reports'
import { getVerification, startVerification } from './service'
import { addDelegation, addExpense, addMilestone, completeMilestone, setTranche } from './stage-work'

const manage = { action: 'verification.manage' } as const
const detail = { 200: VerificationDetail }

/** One file (10 MiB at most) and an optional 成果名称 field sent before it. */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传交付成果文件')
  const file = await req.file({ limits: { fileSize: MAX_DELIVERABLE_BYTES, files: 1, fields: 3 } })
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件')
  let content: Buffer
  try {
    content = await file.toBuffer()
  } catch {
    throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 10 MiB 上限')
  }
  const field = file.fields.title as Multipart | Multipart[] | undefined
  const title = [field].flat().find((f) => f?.type === 'field')
  return {
    fileName: file.filename,
    mediaType: file.mimetype,
    content,
    title: title?.type === 'field' ? String(title.value) : undefined,
  }
}

export function registerVerificationRoutes(app: App) {
  app.get(
    '/api/v1/projects/:id/verification',
    { config: { action: 'verification.read' }, schema: { params: IdParams, response: detail } },
    (req) => getVerification(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/projects/:id/verification',
    { config: manage, schema: { params: IdParams, body: StartVerification, response: { 201: VerificationDetail } } },
    async (req, reply) => reply.code(201).send(await startVerification(req.actor, req.params.id, req.body)),
  )
  app.patch(
    '/api/v1/verification-stages/:id',
    { config: manage, schema: { params: IdParams, body: SetTranche, response: detail } },
    (req) => setTranche(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/verification-stages/:id/milestones',
    { config: manage, schema: { params: IdParams, body: AddMilestone, response: detail } },
    (req) => addMilestone(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/verification-milestones/:id/done',
    { config: manage, schema: { params: IdParams, body: CompleteMilestone, response: detail } },
    (req) => completeMilestone(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/verification-stages/:id/deliverables',
    { config: manage, schema: { params: IdParams, response: detail } },
    async (req) => uploadDeliverable(req.actor, req.params.id, await readUpload(req)),
  )
  app.get(
    '/api/v1/verification-deliverables/:id',
    { config: { action: 'verification.read' }, schema: { params: IdParams } },
    async (req, reply) => {
      const file = await downloadDeliverable(req.actor, req.params.id)
      // Served as bytes to save, never rendered here: an uploaded page cannot run in the platform's origin.
      return reply
        .header('content-type', 'application/octet-stream')
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('x-content-sha256', file.sha256)
        .header('x-content-sm3', file.sm3)
        .send(file.content)
    },
  )
  app.post(
    '/api/v1/verification-stages/:id/expenses',
    { config: manage, schema: { params: IdParams, body: AddExpense, response: detail } },
    (req) => addExpense(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/verification-stages/:id/delegations',
    { config: manage, schema: { params: IdParams, body: AddDelegation, response: detail } },
    (req) => addDelegation(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/verification-stages/:id/gate',
    { config: manage, schema: { params: IdParams, body: GateInput, response: detail } },
    (req) => decideGate(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/verification-conditions/:id/resolve',
    { config: manage, schema: { params: IdParams, body: ResolveCondition, response: detail } },
    (req) => resolveCondition(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/verification-stages/:id/reopen',
    { config: manage, schema: { params: IdParams, body: Reopen, response: detail } },
    (req) => reopenStageByCenter(req.actor, req.params.id, req.body.reason),
  )
  app.post(
    '/api/v1/projects/:id/verification/report',
    { config: manage, schema: { params: IdParams, body: IssueReport, response: { 201: ReportCheck } } },
    async (req, reply) => reply.code(201).send(await issueReport(req.actor, req.params.id, req.body)),
  )
  app.get(
    '/api/v1/verification-reports/:code',
    {
      config: { action: 'report.verify' },
      schema: { params: CodeParams, querystring: ReportQuery, response: { 200: ReportCheck } },
    },
    (req) => verifyReport(req.actor, req.params.code, req.query),
  )
  app.get(
    '/api/v1/verification-reports/:code/print',
    { config: { action: 'report.verify' }, schema: { params: CodeParams, querystring: ReportQuery } },
    async (req, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .send(renderReportPage(await verifyReport(req.actor, req.params.code, req.query))),
  )
}
