import { describe, expect, it } from 'vitest'
import { signIn, withTestApp } from '../app'
import { createAccount } from '../factories'

const ctx = withTestApp()

describe('API conventions', () => {
  it('reports health with the database kind', async () => {
    const res = await ctx.app().inject({ method: 'GET', url: '/api/v1/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      status: 'ok',
      db: process.env.FIRSTMILE_TEST_DATABASE_URL ? 'postgres' : 'pglite',
      version: 'test',
    })
  })

  it('answers an unknown API path with the one error shape and 404', async () => {
    const res = await ctx.app().inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: '接口不存在', details: { method: 'GET', url: '/api/v1/nothing-here' } },
    })
  })

  it('rejects a body over 1 MiB with 413', async () => {
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024) }),
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('rejects broken JSON and non-JSON bodies with a Chinese message', async () => {
    const broken = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().error).toMatchObject({ code: 'MALFORMED_REQUEST', message: '请求体不是有效的 JSON' })
    const form = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=b',
    })
    expect(form.statusCode).toBe(415)
  })

  it('rejects unknown fields, in the body and in the query', async () => {
    const body = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'a', password: 'b', role: 'systemAdmin' },
    })
    expect(body.statusCode).toBe(400)
    expect(body.json().error.message).toContain('role')
    const admin = await signIn(ctx.app(), await createAccount('systemAdmin'))
    const query = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/organizations?sort=name', headers: admin.headers })
    expect(query.statusCode).toBe(400)
  })

  it('echoes a well-formed request id and replaces a hostile one', async () => {
    const ok = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'abc12345-trace' } })
    expect(ok.headers['x-request-id']).toBe('abc12345-trace')
    const hostile = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': '<script>alert(1)</script>' } })
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('publishes an OpenAPI 3.1 document generated from the same schemas', async () => {
    const res = await ctx.app().inject({ method: 'GET', url: '/api/docs/json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.paths['/api/v1/calendar/workdays'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'from',
      'count',
    ])
    expect(
      doc.paths['/api/v1/organizations'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('uscc')
    expect((await ctx.app().inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400)
  })

  it('sets security headers and never caches API answers', async () => {
    const res = await ctx.app().inject({ method: 'GET', url: '/api/v1/health' })
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cache-control']).toBe('no-store')
  })
})
