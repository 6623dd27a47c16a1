import { EmptyBody } from '../../platform/http/empty-body'
import type { App } from '../../platform/http/types'
import { AuditExportQuery, AuditPage, AuditQuery, ChainReport } from './contracts'
import * as auditTrail from './service'

export function registerAuditRoutes(app: App) {
  app.get(
    '/api/v1/audit',
    { config: { action: 'audit.read' }, schema: { querystring: AuditQuery, response: { 200: AuditPage } } },
    (req) => auditTrail.searchAudit(req.actor, req.query),
  )
  app.get(
    '/api/v1/audit/export',
    { config: { action: 'audit.export' }, schema: { querystring: AuditExportQuery } },
    async (req, reply) => {
      const file = await auditTrail.exportAudit(req.actor, req.query)
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body)
    },
  )
  app.post(
    '/api/v1/audit/verify',
    { config: { action: 'audit.verify' }, schema: { body: EmptyBody, response: { 200: ChainReport } } },
    (req) => auditTrail.verifyAudit(req.actor),
  )
}
