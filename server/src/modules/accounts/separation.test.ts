import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { databaseHandle } from '../../db'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'

const ctx = withTestApp()

const systemWork = (orgId: string) => [
  {
    method: 'POST' as const,
    url: '/api/v1/users',
    payload: { username: 'new.person', displayName: '新用户', role: 'researcher', orgId },
  },
  { method: 'PUT' as const, url: '/api/v1/calendar/years/2027', payload: {} },
]
const securityWork = (userId: string) => [
  { method: 'POST' as const, url: `/api/v1/users/${userId}/unlock` },
  {
    method: 'POST' as const,
    url: `/api/v1/users/${userId}/reset-credentials`,
    payload: { password: true, totp: false },
  },
  { method: 'PUT' as const, url: '/api/v1/security/password-policy', payload: {} },
]
const auditWork = [
  { method: 'GET' as const, url: '/api/v1/audit' },
  { method: 'GET' as const, url: '/api/v1/audit/export' },
  { method: 'POST' as const, url: '/api/v1/audit/verify' },
]

describe('三权分立: each administrator is refused the other two administrators’ work', () => {
  it.each([
    ['systemAdmin', ['security', 'audit']],
    ['securityAdmin', ['system', 'audit']],
    ['auditAdmin', ['system', 'security']],
  ] as const)('%s is refused %j', async (role, refused) => {
    const target = await createAccount('researcher')
    const session = await signIn(ctx.app(), await createAccount(role))
    const work = { system: systemWork(target.orgId), security: securityWork(target.id), audit: auditWork }
    for (const kind of refused) {
      for (const request of work[kind]) {
        const res = await ctx.app().inject({ ...request, headers: session.headers })
        expect(res.statusCode, `${role} ${request.method} ${request.url}`).toBe(403)
        expect(res.json().error.code).toBe('FORBIDDEN')
      }
    }
  })

  it('lets nobody change the audit trail, not even through SQL', async () => {
    const handle = databaseHandle()
    await handle.db.execute(sql`select 1`)
    await expect(handle.query('update audit_log set action = $1', ['tampered'])).rejects.toThrow(/append-only/)
    await expect(handle.query('delete from audit_log')).rejects.toThrow(/append-only/)
    await expect(handle.query('truncate audit_log')).rejects.toThrow(/append-only/)
  })

  it('refuses to let the system administrator create or reset administrator accounts through the platform', async () => {
    const admin = await signIn(ctx.app(), await createAccount('systemAdmin'))
    const org = (await createAccount('researcher')).orgId
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'shadow.audit', displayName: '影子审计员', role: 'auditAdmin', orgId: org },
    })
    expect(res.statusCode).toBe(403)
    const security = await signIn(ctx.app(), await createAccount('securityAdmin'))
    const auditor = await createAccount('auditAdmin')
    const reset = await ctx.app().inject({
      method: 'POST',
      url: `/api/v1/users/${auditor.id}/reset-credentials`,
      headers: security.headers,
      payload: { password: true, totp: true },
    })
    expect(reset.statusCode).toBe(403)
  })

  it('lets the security administrator unlock an account', async () => {
    const locked = await createAccount('researcher')
    for (let i = 0; i < 5; i++) {
      await ctx.app().inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: locked.username, password: 'Wrong#Pass1' },
        remoteAddress: '10.7.0.1',
      })
    }
    const security = await signIn(ctx.app(), await createAccount('securityAdmin'))
    const list = await ctx.app().inject({ method: 'GET', url: '/api/v1/users?locked=true', headers: security.headers })
    expect(list.json().items.map((u: { id: string }) => u.id)).toContain(locked.id)
    const res = await ctx
      .app()
      .inject({ method: 'POST', url: `/api/v1/users/${locked.id}/unlock`, headers: security.headers })
    expect(res.json()).toMatchObject({ locked: false, failedAttempts: 0 })
    const ok = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: locked.username, password: locked.password },
      remoteAddress: '10.7.0.2',
    })
    expect(ok.statusCode).toBe(200)
  })
})
