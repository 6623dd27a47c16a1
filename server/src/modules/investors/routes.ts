import type { App } from '../../platform/http/types'
import { InvestorProfile, SaveInvestorProfile } from './contracts'
import { getOwnProfile, saveOwnProfile } from './service'

export function registerInvestorRoutes(app: App) {
  app.get(
    '/api/v1/investors/me/profile',
    { config: { action: 'investor.self' }, schema: { response: { 200: InvestorProfile } } },
    (req) => getOwnProfile(req.actor),
  )
  app.put(
    '/api/v1/investors/me/profile',
    {
      config: { action: 'investor.self' },
      schema: { body: SaveInvestorProfile, response: { 200: InvestorProfile } },
    },
    (req) => saveOwnProfile(req.actor, req.body),
  )
}
