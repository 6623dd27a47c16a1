import { z } from 'zod'
import { PasswordPolicy } from '../../platform/auth/password-policy'
import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { getPasswordPolicy, setPasswordPolicy } from '../settings/service'
import {
  ActiveSession,
  CreatedUser,
  CreateUser,
  CredentialReset,
  ResetCredentials,
  UpdateUser,
  User,
  UserIdParams,
  UserPage,
  UserQuery,
} from './contracts'
import * as accounts from './service'

export function registerAccountRoutes(app: App) {
  app.get(
    '/api/v1/users',
    { config: { action: 'user.read' }, schema: { querystring: UserQuery, response: { 200: UserPage } } },
    (req) => accounts.listUsers(req.actor, req.query),
  )
  app.post(
    '/api/v1/users',
    { config: { action: 'user.manage' }, schema: { body: CreateUser, response: { 201: CreatedUser } } },
    async (req, reply) => reply.code(201).send(await accounts.createUser(req.actor, req.body)),
  )
  app.patch(
    '/api/v1/users/:id',
    { config: { action: 'user.manage' }, schema: { params: UserIdParams, body: UpdateUser, response: { 200: User } } },
    (req) => accounts.updateUser(req.actor, req.params.id, req.body),
  )
  app.post(
    '/api/v1/users/:id/disable',
    { config: { action: 'user.manage' }, schema: { body: EmptyBody, params: UserIdParams, response: { 200: User } } },
    (req) => accounts.setUserStatus(req.actor, req.params.id, 'disabled'),
  )
  app.post(
    '/api/v1/users/:id/enable',
    { config: { action: 'user.manage' }, schema: { body: EmptyBody, params: UserIdParams, response: { 200: User } } },
    (req) => accounts.setUserStatus(req.actor, req.params.id, 'active'),
  )
  app.post(
    '/api/v1/users/:id/unlock',
    { config: { action: 'user.unlock' }, schema: { body: EmptyBody, params: UserIdParams, response: { 200: User } } },
    (req) => accounts.unlockUser(req.actor, req.params.id),
  )
  app.post(
    '/api/v1/users/:id/reset-credentials',
    {
      config: { action: 'user.resetCredentials' },
      schema: { params: UserIdParams, body: ResetCredentials, response: { 200: CredentialReset } },
    },
    (req) => accounts.resetCredentials(req.actor, req.params.id, req.body),
  )
  app.get(
    '/api/v1/security/password-policy',
    { config: { action: 'security.policy.read' }, schema: { response: { 200: PasswordPolicy } } },
    (req) => getPasswordPolicy(req.actor),
  )
  app.put(
    '/api/v1/security/password-policy',
    {
      config: { action: 'security.policy.manage' },
      schema: { body: PasswordPolicy, response: { 200: PasswordPolicy } },
    },
    (req) => setPasswordPolicy(req.actor, req.body),
  )
  app.get(
    '/api/v1/security/sessions',
    {
      config: { action: 'security.sessions.read' },
      schema: { response: { 200: z.object({ items: z.array(ActiveSession) }) } },
    },
    (req) => accounts.listActiveSessions(req.actor),
  )
}
