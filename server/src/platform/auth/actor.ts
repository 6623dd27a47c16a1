import { AppError } from '../errors/errors'
import { type Action, isAllowed } from './permissions'
import type { Role } from './roles'

type RequestContext = { requestId: string; ip: string }

export type AnonymousActor = RequestContext & { kind: 'anonymous' }
export type UserActor = RequestContext & {
  kind: 'user'
  userId: string
  username: string
  displayName: string
  role: Role
  orgId: string
  jurisdictionCode: string
  sessionId: string
}
/** The platform itself: start-up seeding and scheduled jobs. Never reachable from a request. */
export type SystemActor = RequestContext & { kind: 'system'; reason: string }
export type Actor = AnonymousActor | UserActor | SystemActor

export function anonymousActor(requestId = 'local', ip = '127.0.0.1'): AnonymousActor {
  return { kind: 'anonymous', requestId, ip }
}

export function systemActor(reason: string): SystemActor {
  return { kind: 'system', reason, requestId: 'system', ip: '127.0.0.1' }
}

export function roleOf(actor: Actor): Role | undefined {
  return actor.kind === 'user' ? actor.role : undefined
}

export function can(actor: Actor, action: Action): boolean {
  return actor.kind === 'system' || isAllowed(roleOf(actor), action)
}

/** Throws FORBIDDEN (or UNAUTHENTICATED for a visitor) unless the actor may perform the action. */
export function requirePermission(actor: Actor, action: Action): void {
  if (can(actor, action)) return
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', '请先登录', { action })
  throw new AppError('FORBIDDEN', '您的角色无权执行此操作', { action, role: roleOf(actor) })
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', '请先登录')
  return actor
}
