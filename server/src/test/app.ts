import { afterAll, beforeAll } from 'vitest'
import { buildApp } from '../app'
import { databaseHandle } from '../db'
import { loadRerankers } from '../modules/matching/service'
import { rebuildIndexes } from '../modules/search/service'
import { timeStep, totpCode } from '../platform/auth/totp'
import { advanceClock, now } from '../platform/clock/clock'
import type { App } from '../platform/http/types'
import { withTestDatabase } from './database'
import type { TestAccount } from './factories'

export type Session = { cookie: string; csrf: string; headers: Record<string, string> }

/** A database and the whole HTTP app for one test file, driven through app.inject(). */
export function withTestApp(options: { requireTotp?: boolean; demo?: boolean; webDir?: string } = {}) {
  const database = withTestDatabase()
  let app: App | undefined
  beforeAll(async () => {
    app = await buildApp({
      dbKind: databaseHandle().kind,
      version: 'test',
      demo: options.demo ?? false,
      requireTotp: options.requireTotp ?? true,
      rateLimitPerMinute: 1_000_000,
      signInRateLimitPerMinute: 1_000_000,
      webDir: options.webDir,
      // FIRSTMILE_TEST_LOG=1 shows server errors while debugging a test.
      logger: process.env.FIRSTMILE_TEST_LOG ? { level: 'error' } : false,
    })
    await app.ready()
    await rebuildIndexes()
    await loadRerankers()
  })
  afterAll(async () => {
    await app?.close()
  })
  return {
    database,
    app: () => {
      if (!app) throw new Error('app not ready')
      return app
    },
  }
}

const lastSteps = new Map<string, number>()

/** A TOTP code the server has not seen yet for this account; moves the clock when the window is used up. */
export function freshTotp(account: TestAccount): string {
  const secret = account.totpSecret
  if (!secret) throw new Error(`${account.username} has no second factor`)
  // Start from the current step, not the one before: if the step turns while the request is in flight, the
  // server still accepts the previous step; a code from two steps back it would refuse.
  let current = timeStep(now())
  let step = Math.max(current, (lastSteps.get(account.id) ?? -1) + 1)
  if (step > current + 1) {
    advanceClock(30_000)
    current = timeStep(now())
    step = Math.max(current, (lastSteps.get(account.id) ?? -1) + 1)
  }
  lastSteps.set(account.id, step)
  return totpCode(secret, step)
}

function cookieFrom(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie.find((c) => c.startsWith('fm_session=')) : setCookie
  const match = first?.match(/fm_session=([^;]+)/)
  if (!match) throw new Error('no session cookie')
  return `fm_session=${match[1]}`
}

/** Signs an account in through the API (password, then TOTP when asked) and returns cookie + CSRF header. */
export async function signIn(app: App, account: TestAccount): Promise<Session> {
  let res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { username: account.username, password: account.password },
  })
  let body = res.json()
  while (body.status === 'challenge') {
    if (body.step !== 'verifyTotp') throw new Error(`unexpected step ${body.step}`)
    res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/challenge',
      payload: { challengeToken: body.challengeToken, code: freshTotp(account) },
    })
    body = res.json()
  }
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`)
  const cookie = cookieFrom(res.headers['set-cookie'])
  const csrf = body.session.csrfToken as string
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } }
}
