import type { AuditQuery } from '../../../shared/contracts'

export type AuditOutcome = 'success' | 'failure' | 'denied'

export type AuditRecord = {
  seq: number
  id: string
  at: string
  actorUserId: string | null
  actorUsername: string | null
  actorRole: string | null
  actorOrgId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  outcome: AuditOutcome
  detail: unknown
  requestId: string | null
  ip: string | null
  hash: string
}

export type AuditFilters = Omit<Partial<AuditQuery>, 'page' | 'pageSize'>

export type ChainReport = { ok: boolean; count: number; head?: string; break?: { seq: number; reason: string } }
