import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Actor } from '../auth/actor'
import type { Action } from '../auth/permissions'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission-table action this route performs; every /api route must name one. */
    action?: Action
  }
  interface FastifyRequest {
    actor: Actor
    /** Set when the request carried a valid session cookie. */
    sessionId?: string
    csrfToken?: string
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>
