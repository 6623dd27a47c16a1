import { DEMO_PASSWORD, demoAccounts, demoTotpSecret } from '../../server/src/db/demo/accounts'
import { organizationKindsForRole } from '../../server/src/modules/accounts/role-rules'
import type { Role } from '../../server/src/platform/auth/roles'
import { baseUrl } from './browser'
import { nextTotpCode } from './totp'

/**
 * Arranging data through the API, as a signed-in demo account, so a browser test starts from the state it
 * needs (a fresh account to lock, to reset, to change the password of) without touching the demo accounts
 * other test files sign in with.
 */
export type Api = {
  get: <T>(path: string) => Promise<T>
  post: <T>(path: string, body?: unknown) => Promise<T>
  patch: <T>(path: string, body: unknown) => Promise<T>
}

type SignInResponse =
  | { status: 'signedIn'; session: { csrfToken?: string } }
  | { status: 'challenge'; step: string; challengeToken: string }

function cookieFrom(response: Response): string | undefined {
  const first = response.headers.getSetCookie()[0]
  return first?.split(';')[0]
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(`${baseUrl()}/api/v1${path}`, init)
  const text = await response.text()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status} ${text}`)
  return (text ? JSON.parse(text) : undefined) as T
}

export async function apiAs(role: Role): Promise<Api> {
  const account = demoAccounts.find((a) => a.role === role)
  if (!account) throw new Error(`no demo account for ${role}`)
  const json = { 'Content-Type': 'application/json' }
  let response = await fetch(`${baseUrl()}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: account.username, password: DEMO_PASSWORD }),
  })
  let result = (await response.json()) as SignInResponse
  if (result.status === 'challenge') {
    if (result.step !== 'verifyTotp') throw new Error(`unexpected challenge ${result.step} for ${account.username}`)
    const code = await nextTotpCode(account.username, demoTotpSecret(account.username))
    response = await fetch(`${baseUrl()}/api/v1/auth/challenge`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ challengeToken: result.challengeToken, code }),
    })
    result = (await response.json()) as SignInResponse
  }
  if (result.status !== 'signedIn')
    throw new Error(`API sign-in failed for ${account.username}: ${JSON.stringify(result)}`)
  const cookie = cookieFrom(response)
  const csrf = result.session.csrfToken
  if (!cookie || !csrf) throw new Error('API sign-in returned no session cookie or CSRF token')
  return {
    get: (path) => call(path, { headers: { Cookie: cookie } }),
    patch: (path, body) =>
      call(path, {
        method: 'PATCH',
        headers: { ...json, Cookie: cookie, 'X-CSRF-Token': csrf },
        body: JSON.stringify(body),
      }),
    post: (path, body = {}) =>
      call(path, {
        method: 'POST',
        headers: { ...json, Cookie: cookie, 'X-CSRF-Token': csrf },
        body: JSON.stringify(body),
      }),
  }
}

type Organization = { id: string; name: string; kind: string }

/** A new account made by the system administrator; returns its one-time initial password. */
export async function createAccount(
  admin: Api,
  input: { username: string; displayName: string; role: Role },
): Promise<{ id: string; username: string; initialPassword: string }> {
  const orgs = await admin.get<{ items: Organization[] }>('/organizations?pageSize=100')
  const allowed: readonly string[] | 'any' = organizationKindsForRole[input.role]
  const orgId = orgs.items.find((o) => allowed === 'any' || allowed.includes(o.kind))?.id
  if (!orgId) throw new Error(`no organization a ${input.role} may belong to`)
  const created = await admin.post<{ user: { id: string; username: string }; initialPassword: string }>('/users', {
    ...input,
    orgId,
  })
  return { id: created.user.id, username: created.user.username, initialPassword: created.initialPassword }
}

/** A unique, valid username for this run (letters first, at most 32 characters). */
export function uniqueUsername(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}`.slice(0, 32)
}
