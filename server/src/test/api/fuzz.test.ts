import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { listApiRoutes } from '../../app'
import { databaseHandle } from '../../db'
import { fingerprint } from '../../ops/fingerprint'
import { isAllowed } from '../../platform/auth/permissions'
import { type Role, roles } from '../../platform/auth/roles'
import { type Session, signIn, withTestApp } from '../app'
import { createAccount } from '../factories'

const ctx = withTestApp()

const HOSTILE = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '" onmouseover="alert(1)',
  '<script>alert(document.cookie)</script>',
  '../../../../etc/passwd',
  '%00%0d%0a',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe, sent as text on purpose
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\u0000\u202e\ud800',
  '2026-13-45',
  '2026-02-30',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999999',
  '91330100MA27XL7U2H',
  '00000000-0000-0000-0000-00000000000g',
  '具身智能'.repeat(5000),
]

const hostileString = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 8, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 70_000, maxLength: 70_001 }) },
)
const anyJson = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
)

/** A body that no route may accept: not JSON, not an object, or an object with an unknown hostile key. */
const malformedBody = fc.oneof(
  fc.string({ maxLength: 30 }).map((s) => ({ raw: `{${s}` })),
  // (a JSON null is "no input" and legitimately accepted by routes that take none)
  fc.constantFrom('[]', '"x"', '42', 'true', '{"a":', '{"a":1,}', "{'a':1}").map((raw) => ({ raw })),
  fc
    .record({
      hostileKey: fc.constantFrom('__proto__x', '<script>', "'; drop", 'constructor ', '$where'),
      value: anyJson,
      extra: fc.dictionary(
        fc.constantFrom(
          'username',
          'password',
          'name',
          'kind',
          'uscc',
          'code',
          'year',
          'from',
          'count',
          'role',
          'orgId',
          'version',
          'challengeToken',
          'newPassword',
        ),
        anyJson,
        { maxKeys: 4 },
      ),
    })
    .map(({ hostileKey, value, extra }) => ({ json: { ...extra, [hostileKey]: value } })),
)

const hostileQuery = fc.dictionary(
  fc.constantFrom(
    'q',
    'from',
    'to',
    'count',
    'page',
    'pageSize',
    'kind',
    'role',
    'status',
    'outcome',
    'format',
    'jurisdiction',
    'orgId',
    'locked',
    'actor',
  ),
  hostileString,
  { minKeys: 1, maxKeys: 3 },
)

function pathWith(url: string, value: string): string {
  let encoded: string
  try {
    encoded = encodeURIComponent(value.slice(0, 300))
  } catch {
    encoded = '%E0%A4%A' // a lone surrogate cannot be encoded: send a broken escape instead
  }
  return url.replace(/:(id|year)/g, encoded)
}

describe('fuzz: malformed and hostile requests across every route', () => {
  it('never answers 5xx and never writes a row', async () => {
    const sessions = new Map<Role, Session>()
    for (const role of roles) sessions.set(role, await signIn(ctx.app(), await createAccount(role)))
    const handle = databaseHandle()
    const before = await fingerprint(handle)
    const [head] = await handle.query<{ last: number }>('select coalesce(max(seq), 0)::int as last from audit_log')
    const last = head?.last ?? 0

    const routes = listApiRoutes(ctx.app())
    let sent = 0
    const failures: string[] = []
    for (const [index, route] of routes.entries()) {
      const role = roles.find((r) => isAllowed(r, route.action))
      const headers = role && !isAllowed(undefined, route.action) ? sessions.get(role)!.headers : {}
      // About 1,500 requests in all, spread evenly over however many routes there are.
      const cases = fc.sample(fc.tuple(fc.constantFrom(...HOSTILE), hostileQuery, malformedBody), {
        numRuns: Math.max(12, Math.ceil(1500 / routes.length)),
        seed: 20261122 + index,
      })
      for (const [param, query, body] of cases) {
        const search = new URLSearchParams(query as Record<string, string>).toString()
        const request =
          route.method === 'GET'
            ? { method: 'GET' as const, url: `${pathWith(route.url, param)}?${search}`, headers }
            : {
                method: route.method as 'POST',
                url: pathWith(route.url, param),
                headers: { ...headers, 'content-type': 'application/json' },
                payload: 'raw' in body ? body.raw : JSON.stringify(body.json),
              }
        const res = await ctx.app().inject(request)
        sent++
        if (res.statusCode >= 500)
          failures.push(`${request.method} ${request.url.slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 200)}`)
        else if (res.statusCode < 400 && route.method !== 'GET')
          failures.push(`${request.method} ${request.url.slice(0, 80)} accepted a malformed body`)
        else if (res.statusCode >= 400 && !/[\u4e00-\u9fa5]/.test(String(res.json()?.error?.message))) {
          failures.push(
            `${request.method} ${request.url.slice(0, 80)} → ${res.statusCode} without a Chinese message: ${res.body.slice(0, 200)}`,
          )
        }
      }
    }
    expect(sent).toBeGreaterThanOrEqual(1000)
    expect(failures).toEqual([])

    const after = await fingerprint(handle)
    // A hostile but well-formed search may still run an export, which is audited; nothing else may be.
    const written = await handle.query<{ action: string }>('select action from audit_log where seq > $1', [last])
    expect(written.filter((r) => !r.action.endsWith('.export'))).toEqual([])
    // Sessions are touched by reads (last seen); everything else must be exactly as it was.
    const { sessions: _s1, audit_log: auditBefore, ...tablesBefore } = before.tables
    const { sessions: _s2, audit_log: auditAfter, ...tablesAfter } = after.tables
    expect(tablesAfter).toEqual(tablesBefore)
    expect(auditAfter).toBe((auditBefore ?? 0) + written.length)
    expect(after.tables.sessions).toBe(before.tables.sessions)
  }, 600_000)
})
