import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { type AppError, type ErrorCode, isAppError } from '../errors/errors'

const PART_LABEL: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
}

type FieldProblem = { path: string; message: string }

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, details: details ?? null } }
}

/** Maps every error to the one error shape; a client's mistake is 4xx with a Chinese message, never 500. */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (isAppError(error)) {
    if (error.status >= 500) request.log.error({ err: error }, 'server error')
    return reply.code(error.status).send(errorBody(error.code, error.message, error.details))
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'body'
    const fields: FieldProblem[] = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: v.message ?? '格式不正确',
    }))
    const summary = fields
      .slice(0, 5)
      .map((f) => (f.path ? `${f.path}：${f.message}` : f.message))
      .join('；')
    return reply
      .code(400)
      .send(errorBody('VALIDATION_FAILED', `${PART_LABEL[part] ?? '请求'}有误：${summary}`, { part, fields }))
  }
  if (isResponseSerializationError(error as never)) {
    request.log.error({ err: error }, 'response did not match its schema')
    return reply.code(500).send(errorBody('INTERNAL', '服务器内部错误，请稍后重试或联系管理员'))
  }
  const fastifyError = error as FastifyError
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.code(413).send(errorBody('PAYLOAD_TOO_LARGE', '请求体超过 1 MiB 上限'))
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.code(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请以 application/json 提交'))
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.code(400).send(errorBody('MALFORMED_REQUEST', '请求体为空，应为 JSON'))
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return reply.code(400).send(errorBody('MALFORMED_REQUEST', '请求体不是有效的 JSON'))
    case 'FST_ERR_VALIDATION':
      return reply.code(400).send(errorBody('VALIDATION_FAILED', '请求参数有误', { message: fastifyError.message }))
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return reply.code(429).send(errorBody('RATE_LIMITED', '请求过于频繁，请稍后再试'))
  }
  if (error instanceof SyntaxError && (fastifyError.statusCode === 400 || /JSON/.test(error.message))) {
    return reply.code(400).send(errorBody('MALFORMED_REQUEST', '请求体不是有效的 JSON'))
  }
  const status = fastifyError.statusCode
  if (status && status >= 400 && status < 500) {
    return reply.code(status).send(
      errorBody(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_REQUEST', '请求格式有误', {
        reason: fastifyError.message,
      }),
    )
  }
  request.log.error({ err: error }, 'unhandled error')
  return reply.code(500).send(errorBody('INTERNAL', '服务器内部错误，请稍后重试或联系管理员'))
}
