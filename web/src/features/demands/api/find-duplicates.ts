import { http } from '../../../shared/http'
import type { Duplicate } from '../../../shared/registry/duplicate-alert'

export const findDemandDuplicates = (input: { title: string; description?: string; ownerOrgId?: string }) =>
  http.post<{ items: Duplicate[] }>('/demands/duplicates', input)
