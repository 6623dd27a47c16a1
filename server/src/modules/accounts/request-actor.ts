import type { FastifyReply, FastifyRequest } from 'fastify'
import { db } from '../../db'
import { audit } from '../../platform/audit/audit'
import { anonymousActor } from '../../platform/auth/actor'
import { isAllowed } from '../../platform/auth/permissions'
import { AppError } from '../../platform/errors/errors'
import { resolveSession } from './sessions'

export const SESSION_COOKIE = 'fm_session'
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export type CookieOptions = { secure: 'auto' | 'always' | 'never' }

export function sessionCookieOptions(request: FastifyRequest, options: CookieOptions) {
  const secure = options.secure === 'always' || (options.secure === 'auto' && request.protocol === 'https')
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure }
}

/**
 * onRequest: who is calling (session cookie → actor), may they perform this route's action, and for a
 * cookie-authenticated write, does the CSRF header match the session's token. Runs before the body is
 * parsed, so a forbidden caller gets 403 whatever it sent.
 */
export function requestActorHook(cookie: CookieOptions) {
  return async function attachActor(request: FastifyRequest, reply: FastifyReply) {
    request.actor = anonymousActor(request.id, request.ip)
    const action = request.routeOptions.config?.action
    if (!request.url.startsWith('/api/')) return
    const token = request.cookies[SESSION_COOKIE]
    if (token) {
      const client = { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id }
      const resolved = await resolveSession(token, client)
      if (resolved.status === 'valid') {
        request.actor = resolved.actor
        request.sessionId = resolved.actor.sessionId
        request.csrfToken = resolved.csrfToken
      } else {
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request, cookie))
        if (action && !isAllowed(undefined, action)) {
          throw new AppError(
            'SESSION_EXPIRED',
            resolved.status === 'expired' ? '登录已超时，请重新登录' : '登录状态已失效，请重新登录',
          )
        }
      }
    }
    if (!action) return // unknown /api route: the not-found handler answers
    const role = request.actor.kind === 'user' ? request.actor.role : undefined
    if (!isAllowed(role, action)) {
      if (!role) throw new AppError('UNAUTHENTICATED', '请先登录')
      await db.transaction((tx) =>
        audit(tx, request.actor, {
          action: 'authz.denied',
          outcome: 'denied',
          targetType: 'route',
          targetId: `${request.method} ${request.routeOptions.url}`,
          detail: { requiredAction: action },
        }),
      )
      throw new AppError('FORBIDDEN', '您的角色无权执行此操作', { action })
    }
    if (request.sessionId && UNSAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token']
      if (typeof header !== 'string' || header !== request.csrfToken) {
        throw new AppError('CSRF_INVALID', '请求校验失败（CSRF），请刷新页面后重试')
      }
    }
  }
}
