import type { App } from '../../platform/http/types'
import { HomeSummary } from './contracts'
import { homeSummary } from './service'

export function registerHomeRoutes(app: App) {
  app.get(
    '/api/v1/home/summary',
    { config: { action: 'account.self' }, schema: { response: { 200: HomeSummary } } },
    (req) => homeSummary(req.actor),
  )
}
