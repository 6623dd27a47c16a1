import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { listApiRoutes } from '../../app'
import { isAllowed, permissionTable } from '../../platform/auth/permissions'
import { roles } from '../../platform/auth/roles'
import { type Session, signIn, withTestApp } from '../app'
import { createAccount } from '../factories'

const ctx = withTestApp()

// Routes that end the caller's own session run last, each on a fresh session.
const ENDS_SESSION = new Set(['POST /api/v1/auth/sign-out', 'POST /api/v1/account/password'])

function concrete(url: string): string {
  return url.replace(':id', randomUUID()).replace(':year', '2031')
}

describe('authorization matrix: every route × every role, from the one permission table', () => {
  it('registers every route with an action that exists in the permission table', () => {
    const routes = listApiRoutes(ctx.app())
    expect(routes.length).toBeGreaterThan(20)
    for (const route of routes) expect(permissionTable).toHaveProperty(route.action)
  })

  it('answers a visitor without an account with 401 exactly where the table requires one', async () => {
    for (const route of listApiRoutes(ctx.app())) {
      const res = await ctx.app().inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        ...(route.method === 'GET' ? {} : { payload: {} }),
      })
      const allowed = isAllowed(undefined, route.action)
      expect(
        allowed ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === 401,
        `${route.method} ${route.url} → ${res.statusCode}`,
      ).toBe(true)
    }
  })

  it.each(roles)('%s is allowed exactly what the table grants and refused everything else', async (role) => {
    const account = await createAccount(role)
    let session: Session = await signIn(ctx.app(), account)
    const routes = [...listApiRoutes(ctx.app())].sort(
      (a, b) => Number(ENDS_SESSION.has(`${a.method} ${a.url}`)) - Number(ENDS_SESSION.has(`${b.method} ${b.url}`)),
    )
    for (const route of routes) {
      if (ENDS_SESSION.has(`${route.method} ${route.url}`)) session = await signIn(ctx.app(), account)
      const res = await ctx.app().inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers: session.headers,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      })
      const label = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.statusCode >= 400 ? res.body.slice(0, 120) : ''}`
      if (isAllowed(role, route.action)) expect([401, 403, 500].includes(res.statusCode), label).toBe(false)
      else expect(res.statusCode, label).toBe(403)
    }
  })
})
