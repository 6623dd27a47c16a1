import { http } from '../../../shared/http'
import type { AuditFilters, AuditRecord } from './types'

export const searchAudit = (query: AuditFilters & { page?: number; pageSize?: number }) =>
  http.get<{ items: AuditRecord[]; total: number }>('/audit', query)
