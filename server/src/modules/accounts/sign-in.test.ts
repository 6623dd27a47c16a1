import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { advanceClock } from '../../platform/clock/clock'
import { freshTotp, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { users } from './schema'

const ctx = withTestApp()
// Each test signs in from its own address, so the per-address throttle of one test does not leak into the next.
let address = 0
beforeEach(() => {
  address++
})
const attempt = (username: string, password: string, remoteAddress = `10.1.${address}.1`) =>
  ctx.app().inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password }, remoteAddress })

describe('sign-in', () => {
  it('signs in with a new HttpOnly SameSite=Lax session cookie and describes the session', async () => {
    const account = await createAccount('researcher')
    const first = await attempt(account.username, account.password)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({
      status: 'signedIn',
      session: { user: { username: account.username, role: 'researcher' } },
    })
    const cookie = String(first.headers['set-cookie'])
    expect(cookie).toMatch(/fm_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    const second = await attempt(account.username, account.password)
    expect(String(second.headers['set-cookie'])).not.toBe(cookie)
  })

  it('gives one generic message for an unknown account, a wrong password and a disabled account', async () => {
    const account = await createAccount('researcher')
    const disabled = await createAccount('enterpriseUser')
    await db.update(users).set({ status: 'disabled' }).where(eq(users.id, disabled.id))
    const unknown = await attempt('nobody-here', 'Whatever#1')
    const wrong = await attempt(account.username, 'Wrong#Pass1')
    const off = await attempt(disabled.username, disabled.password)
    for (const res of [unknown, wrong, off]) expect(res.statusCode).toBe(401)
    expect(wrong.json()).toEqual(unknown.json())
    expect(off.json()).toEqual(unknown.json())
  })

  it('locks after 5 wrong passwords, refuses the correct one with the same message, and reopens after 15 minutes', async () => {
    const account = await createAccount('researcher')
    const wrongBodies = []
    for (let i = 0; i < 5; i++) wrongBodies.push((await attempt(account.username, `Wrong#${i}aaa`)).json())
    const [row] = await db.select().from(users).where(eq(users.id, account.id))
    expect(row!.lockedUntil).not.toBeNull()
    const whileLocked = await attempt(account.username, account.password)
    expect(whileLocked.statusCode).toBe(401)
    expect(whileLocked.json()).toEqual(wrongBodies[0])
    advanceClock(14 * 60_000)
    expect((await attempt(account.username, account.password)).statusCode).toBe(401)
    advanceClock(61_000)
    expect((await attempt(account.username, account.password)).statusCode).toBe(200)
  })

  it('counts failures per account whatever the case of the username', async () => {
    const account = await createAccount('researcher', { username: 'Alice.Wang' })
    for (const name of ['alice.wang', 'ALICE.WANG', 'Alice.Wang', 'aLiCe.WaNg', 'alice.WANG'])
      await attempt(name, 'Wrong#Pass1')
    expect((await attempt('alice.wang', account.password)).statusCode).toBe(401)
    const [row] = await db.select().from(users).where(eq(users.id, account.id))
    expect(row!.failedAttempts).toBe(5)
  })

  it('resets the counter on success', async () => {
    const account = await createAccount('researcher')
    for (let i = 0; i < 4; i++) await attempt(account.username, 'Wrong#Pass1')
    expect((await attempt(account.username, account.password)).statusCode).toBe(200)
    for (let i = 0; i < 4; i++) await attempt(account.username, 'Wrong#Pass1')
    expect((await attempt(account.username, account.password)).statusCode).toBe(200)
  })

  it('audits every failure, the lock and the success', async () => {
    const account = await createAccount('researcher')
    for (let i = 0; i < 5; i++) await attempt(account.username, 'Wrong#Pass1')
    const rows = await db.select().from(auditLog).where(eq(auditLog.targetId, account.id))
    expect(rows.filter((r) => r.action === 'auth.signIn' && r.outcome === 'failure')).toHaveLength(5)
    expect(rows.filter((r) => r.action === 'auth.lock')).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain('Wrong#Pass1')
  })

  it('throttles one address after 20 failures without locking the accounts it did not try', async () => {
    const victims = await Promise.all([1, 2, 3, 4, 5].map(() => createAccount('researcher')))
    const bystander = await createAccount('researcher')
    for (let i = 0; i < 20; i++) await attempt(victims[i % 5]!.username, 'Wrong#Pass1', '10.9.9.9')
    const blocked = await attempt(bystander.username, bystander.password, '10.9.9.9')
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().error.code).toBe('RATE_LIMITED')
    expect((await attempt(bystander.username, bystander.password, '10.9.9.10')).statusCode).toBe(200)
    const [row] = await db.select().from(users).where(eq(users.id, bystander.id))
    expect(row!.failedAttempts).toBe(0)
  })
})

describe('second factor', () => {
  it('asks for the TOTP code of a staff account and refuses a replayed code', async () => {
    const account = await createAccount('cityOfficer')
    const first = (await attempt(account.username, account.password)).json()
    expect(first).toMatchObject({ status: 'challenge', step: 'verifyTotp' })
    const code = freshTotp(account)
    const ok = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/challenge',
      payload: { challengeToken: first.challengeToken, code },
    })
    expect(ok.json().status).toBe('signedIn')
    const again = (await attempt(account.username, account.password)).json()
    const replay = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/challenge',
      payload: { challengeToken: again.challengeToken, code },
    })
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('TOTP_INVALID')
  })

  it('refuses a wrong code and counts it toward the lockout', async () => {
    const account = await createAccount('expert')
    const challenge = (await attempt(account.username, account.password)).json()
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/challenge',
      payload: { challengeToken: challenge.challengeToken, code: '000000' },
    })
    expect(res.statusCode).toBe(401)
    const [row] = await db.select().from(users).where(eq(users.id, account.id))
    expect(row!.failedAttempts).toBe(1)
  })

  it('takes a first sign-in through a new password and TOTP enrollment before any session exists', async () => {
    const account = await createAccount('districtOfficer', { mustChangePassword: true, totp: false })
    const first = (await attempt(account.username, account.password)).json()
    expect(first).toMatchObject({
      status: 'challenge',
      step: 'changePassword',
      reason: 'firstSignIn',
      passwordPolicy: { minLength: 8 },
    })
    const weak = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/challenge',
      payload: { challengeToken: first.challengeToken, newPassword: 'short' },
    })
    expect(weak.statusCode).toBe(422)
    expect(weak.json().error.code).toBe('PASSWORD_POLICY')
    const reused = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/challenge',
      payload: { challengeToken: first.challengeToken, newPassword: account.password },
    })
    expect(reused.json().error.code).toBe('PASSWORD_REUSED')
    const second = (
      await ctx.app().inject({
        method: 'POST',
        url: '/api/v1/auth/challenge',
        payload: { challengeToken: first.challengeToken, newPassword: 'Brand#New2026' },
      })
    ).json()
    expect(second).toMatchObject({
      status: 'challenge',
      step: 'enrollTotp',
      enrollment: { secret: expect.any(String), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//) },
    })
    const enrolled = { ...account, totpSecret: second.enrollment.secret as string }
    const done = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/auth/challenge',
      payload: { challengeToken: second.challengeToken, code: freshTotp(enrolled) },
    })
    expect(done.json()).toMatchObject({ status: 'signedIn', session: { user: { totpEnrolled: true } } })
    const [row] = await db.select().from(users).where(eq(users.id, account.id))
    expect(row!.mustChangePassword).toBe(false)
    expect(row!.totpSecret).not.toContain(second.enrollment.secret)
  })

  it('asks for a new password once the old one is older than 90 days', async () => {
    const account = await createAccount('researcher')
    advanceClock(91 * 86_400_000)
    const res = (await attempt(account.username, account.password)).json()
    expect(res).toMatchObject({ status: 'challenge', step: 'changePassword', reason: 'expired' })
  })
})

it('lets a signed-in person through only with the CSRF header on writes', async () => {
  const account = await createAccount('researcher')
  const session = await signIn(ctx.app(), account)
  const without = await ctx
    .app()
    .inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: session.cookie } })
  expect(without.statusCode).toBe(403)
  expect(without.json().error.code).toBe('CSRF_INVALID')
  const withHeader = await ctx.app().inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: session.headers })
  expect(withHeader.statusCode).toBe(204)
})
