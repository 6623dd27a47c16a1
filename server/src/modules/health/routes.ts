import { z } from 'zod'
import { databaseHandle } from '../../db'
import type { App } from '../../platform/http/types'
import { runtime } from '../../platform/runtime/runtime'

const Health = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['pglite', 'postgres']), version: z.string() })

export function registerHealthRoutes(app: App) {
  app.get(
    '/api/v1/health',
    { config: { action: 'health.read' }, schema: { response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const handle = databaseHandle()
      try {
        await handle.query('select 1')
        return { status: 'ok' as const, db: handle.kind, version: runtime().version }
      } catch {
        return reply.code(503).send({ status: 'degraded' as const, db: handle.kind, version: runtime().version })
      }
    },
  )
}
