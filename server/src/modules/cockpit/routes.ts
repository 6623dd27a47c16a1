import type { App } from '../../platform/http/types'
import { Cockpit, CockpitQuery } from './contracts'
import { cityCockpit } from './service'

export function registerCockpitRoutes(app: App) {
  app.get(
    '/api/v1/cockpit',
    { config: { action: 'cockpit.read' }, schema: { querystring: CockpitQuery, response: { 200: Cockpit } } },
    (req) => cityCockpit(req.actor, req.query),
  )
}
