import { describe, expect, it } from 'vitest'
import { advanceClock } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'

const ctx = withTestApp()
const whoAmI = (session: Session) =>
  ctx.app().inject({ method: 'GET', url: '/api/v1/home/summary', headers: { cookie: session.cookie } })

describe('session lifetime', () => {
  it('ends a staff session after 15 idle minutes', async () => {
    const session = await signIn(ctx.app(), await createAccount('cityOfficer'))
    advanceClock(14 * 60_000)
    expect((await whoAmI(session)).statusCode).toBe(200)
    advanceClock(15 * 60_000 + 1000)
    const res = await whoAmI(session)
    expect(res.statusCode).toBe(401)
    expect(res.json().error.code).toBe('SESSION_EXPIRED')
    expect(String(res.headers['set-cookie'])).toMatch(/fm_session=;/)
  })

  it('gives other roles 30 idle minutes', async () => {
    const session = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    advanceClock(29 * 60_000)
    expect((await whoAmI(session)).statusCode).toBe(200)
    advanceClock(31 * 60_000)
    expect((await whoAmI(session)).statusCode).toBe(401)
  })

  it('ends any session 12 hours after sign-in however active it is', async () => {
    const session = await signIn(ctx.app(), await createAccount('researcher'))
    for (let minutes = 0; minutes < 11 * 60 + 50; minutes += 10) {
      advanceClock(10 * 60_000)
      expect((await whoAmI(session)).statusCode).toBe(200)
    }
    advanceClock(11 * 60_000)
    expect((await whoAmI(session)).statusCode).toBe(401)
  })

  it('ends the session on the server at sign-out', async () => {
    const session = await signIn(ctx.app(), await createAccount('researcher'))
    await ctx.app().inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: session.headers })
    expect((await whoAmI(session)).statusCode).toBe(401)
  })

  it('ends every session of the account when its password changes', async () => {
    const account = await createAccount('researcher')
    const a = await signIn(ctx.app(), account)
    const b = await signIn(ctx.app(), account)
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: a.headers,
      payload: { currentPassword: account.password, newPassword: 'Another#Pass2027' },
    })
    expect(res.statusCode).toBe(204)
    expect((await whoAmI(a)).statusCode).toBe(401)
    expect((await whoAmI(b)).statusCode).toBe(401)
    const next = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: account.username, password: 'Another#Pass2027' },
    })
    expect(next.statusCode).toBe(200)
  })

  it('refuses a password change with the wrong current password and changes nothing', async () => {
    const account = await createAccount('researcher')
    const session = await signIn(ctx.app(), account)
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: session.headers,
      payload: { currentPassword: 'Not#MyPass1', newPassword: 'Another#Pass2027' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.fields[0].path).toBe('currentPassword')
    expect((await whoAmI(session)).statusCode).toBe(200)
  })

  it('ends the sessions of an account the system administrator disables', async () => {
    const account = await createAccount('researcher')
    const admin = await signIn(ctx.app(), await createAccount('systemAdmin'))
    const session = await signIn(ctx.app(), account)
    const res = await ctx
      .app()
      .inject({ method: 'POST', url: `/api/v1/users/${account.id}/disable`, headers: admin.headers })
    expect(res.statusCode).toBe(200)
    expect(res.json().status).toBe('disabled')
    expect((await whoAmI(session)).statusCode).toBe(401)
  })
})
