import { z } from 'zod'
import type { App } from '../../platform/http/types'
import { createLead, listLeads, setLeadStatus } from './service'
import { registerOtherLeadTargets } from './targets'
import './home'

const Lead = z.object({
  id: z.string(),
  recordType: z.string(),
  recordTypeLabel: z.string(),
  recordId: z.string(),
  recordTitle: z.string(),
  ownerOrgName: z.string(),
  fromOrgName: z.string(),
  message: z.string().nullable(),
  status: z.enum(['new', 'contacted', 'closed']),
  createdAt: z.string(),
})
const CreateLead = z.strictObject({
  recordType: z.string().min(1).max(40),
  recordId: z.uuid('记录编号格式不正确'),
  message: z.string().trim().max(500, '留言不超过 500 字').optional(),
})

export function registerLeadRoutes(app: App) {
  registerOtherLeadTargets()
  app.post(
    '/api/v1/leads',
    { config: { action: 'lead.create' }, schema: { body: CreateLead, response: { 201: Lead } } },
    async (req, reply) => reply.code(201).send(await createLead(req.actor, req.body)),
  )
  app.get(
    '/api/v1/leads',
    {
      config: { action: 'lead.read' },
      schema: {
        querystring: z.strictObject({ box: z.enum(['received', 'sent']).default('received') }),
        response: { 200: z.object({ items: z.array(Lead) }) },
      },
    },
    (req) => listLeads(req.actor, req.query.box),
  )
  app.post(
    '/api/v1/leads/:id/status',
    {
      config: { action: 'lead.read' },
      schema: {
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ status: z.enum(['contacted', 'closed']) }),
        response: { 200: Lead },
      },
    },
    (req) => setLeadStatus(req.actor, req.params.id, req.body.status),
  )
}
