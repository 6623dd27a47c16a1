import { z } from 'zod'
import type { App } from '../http/types'
import { advanceClock, now, resetClock } from './clock'

const SetClock = z.union([
  z.strictObject({ at: z.iso.datetime({ offset: true }) }),
  z.strictObject({ reset: z.literal(true) }),
])

/**
 * Browser tests only (FIRSTMILE_TEST_CLOCK=1, demo mode, loopback callers): sets the platform clock so a test can
 * walk through a notice period counted in working days. Outside /api, so no role can reach it and the
 * authorization matrix never sees it; never registered in a real installation.
 */
export function registerTestClockRoute(app: App) {
  app.put('/test-support/clock', async (req, reply) => {
    if (req.ip !== '127.0.0.1' && req.ip !== '::1' && req.ip !== '::ffff:127.0.0.1')
      return reply.code(403).send({ error: { code: 'FORBIDDEN', message: '仅限本机测试调用', details: null } })
    const parsed = SetClock.safeParse(req.body)
    if (!parsed.success)
      return reply
        .code(400)
        .send({ error: { code: 'VALIDATION_FAILED', message: '请给出 at 或 reset', details: null } })
    if ('reset' in parsed.data) resetClock()
    else advanceClock(new Date(parsed.data.at).getTime() - now().getTime())
    return { now: now().toISOString() }
  })
}
