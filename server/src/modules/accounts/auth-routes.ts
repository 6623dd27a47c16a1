import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import {
  ChallengeInput,
  ChangePasswordInput,
  SessionView,
  SignInInput,
  SignInResult,
  TotpCodeInput,
  TotpEnrollment,
} from './auth-contracts'
import { type CookieOptions, SESSION_COOKIE, sessionCookieOptions } from './request-actor'
import * as auth from './self-service'
import type { SignInOutcome } from './sign-in'

const NoContent = z.null()

export function registerAuthRoutes(app: App, cookie: CookieOptions, signInPerMinute: number) {
  const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id })

  async function reply(req: FastifyRequest, res: FastifyReply, outcome: SignInOutcome) {
    if (outcome.status === 'challenge') return outcome
    // A new token at every sign-in: whatever cookie came in is replaced.
    res.setCookie(SESSION_COOKIE, outcome.token, sessionCookieOptions(req, cookie))
    return { status: 'signedIn' as const, session: await auth.describeNewSession(outcome.token, client(req)) }
  }

  app.get(
    '/api/v1/auth/session',
    { config: { action: 'session.read' }, schema: { response: { 200: SessionView } } },
    (req) => auth.describeSession(req.actor, req.csrfToken),
  )

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { action: 'session.read', rateLimit: { max: signInPerMinute, timeWindow: '1 minute' } },
      schema: { body: SignInInput, response: { 200: SignInResult } },
    },
    async (req, res) => reply(req, res, await auth.signIn(client(req), req.body)),
  )

  app.post(
    '/api/v1/auth/challenge',
    {
      config: { action: 'session.read', rateLimit: { max: signInPerMinute, timeWindow: '1 minute' } },
      schema: { body: ChallengeInput, response: { 200: SignInResult } },
    },
    async (req, res) => reply(req, res, await auth.continueSignIn(client(req), req.body)),
  )

  app.post(
    '/api/v1/auth/sign-out',
    { config: { action: 'account.self' }, schema: { body: EmptyBody, response: { 204: NoContent } } },
    async (req, res) => {
      await auth.signOut(req.actor)
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req, cookie))
      return res.code(204).send(null)
    },
  )

  app.post(
    '/api/v1/account/password',
    { config: { action: 'account.self' }, schema: { body: ChangePasswordInput, response: { 204: NoContent } } },
    async (req, res) => {
      await auth.changeOwnPassword(req.actor, req.body)
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req, cookie))
      return res.code(204).send(null)
    },
  )

  app.post(
    '/api/v1/account/totp/enroll',
    { config: { action: 'account.self' }, schema: { body: EmptyBody, response: { 200: TotpEnrollment } } },
    (req) => auth.startTotpEnrollment(req.actor),
  )
  app.post(
    '/api/v1/account/totp/confirm',
    { config: { action: 'account.self' }, schema: { body: TotpCodeInput, response: { 204: NoContent } } },
    async (req, res) => {
      await auth.confirmTotpEnrollment(req.actor, req.body.code)
      return res.code(204).send(null)
    },
  )
  app.post(
    '/api/v1/account/totp/disable',
    { config: { action: 'account.self' }, schema: { body: TotpCodeInput, response: { 204: NoContent } } },
    async (req, res) => {
      await auth.disableOwnTotp(req.actor, req.body.code)
      return res.code(204).send(null)
    },
  )
}
