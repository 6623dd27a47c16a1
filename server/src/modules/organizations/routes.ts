import type { App } from '../../platform/http/types'
import {
  CreateOrganization,
  IdParams,
  Organization,
  OrganizationPage,
  OrganizationQuery,
  UpdateOrganization,
} from './contracts'
import * as organizations from './service'

export function registerOrganizationRoutes(app: App) {
  app.get(
    '/api/v1/organizations',
    {
      config: { action: 'organization.read' },
      schema: { querystring: OrganizationQuery, response: { 200: OrganizationPage } },
    },
    (req) => organizations.listOrganizations(req.actor, req.query),
  )
  app.post(
    '/api/v1/organizations',
    {
      config: { action: 'organization.manage' },
      schema: { body: CreateOrganization, response: { 201: Organization } },
    },
    async (req, reply) => reply.code(201).send(await organizations.createOrganization(req.actor, req.body)),
  )
  app.get(
    '/api/v1/organizations/:id',
    { config: { action: 'organization.read' }, schema: { params: IdParams, response: { 200: Organization } } },
    (req) => organizations.getOrganization(req.actor, req.params.id),
  )
  app.patch(
    '/api/v1/organizations/:id',
    {
      config: { action: 'organization.manage' },
      schema: { params: IdParams, body: UpdateOrganization, response: { 200: Organization } },
    },
    (req) => organizations.updateOrganization(req.actor, req.params.id, req.body),
  )
}
