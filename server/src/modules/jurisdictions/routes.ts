import { z } from 'zod'
import type { App } from '../../platform/http/types'
import { listJurisdictions } from './service'

const JurisdictionList = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.enum(['province', 'city', 'district']),
      parentCode: z.string().nullable(),
      fullName: z.string(),
    }),
  ),
})

export function registerJurisdictionRoutes(app: App) {
  app.get(
    '/api/v1/jurisdictions',
    { config: { action: 'jurisdiction.read' }, schema: { response: { 200: JurisdictionList } } },
    async (req) => ({
      items: (await listJurisdictions(req.actor)).map(({ sortOrder: _sortOrder, ...j }) => j),
    }),
  )
}
