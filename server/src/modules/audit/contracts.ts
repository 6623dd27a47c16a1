import { z } from 'zod'

const Timestamp = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601，如 2026-01-01T00:00:00+08:00' })

export const AuditQuery = z.strictObject({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(80).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  targetType: z.string().trim().max(40).optional(),
  targetId: z.string().trim().max(80).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditExportQuery = AuditQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
})
export type AuditExportQuery = z.infer<typeof AuditExportQuery>

export const AuditRecord = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorOrgId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  detail: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
})

export const AuditPage = z.object({ items: z.array(AuditRecord), total: z.number() })

export const ChainReport = z.object({
  ok: z.boolean(),
  count: z.number(),
  head: z.string().optional(),
  break: z.object({ seq: z.number(), reason: z.string() }).optional(),
})
