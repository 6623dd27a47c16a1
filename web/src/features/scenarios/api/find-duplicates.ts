import { http } from '../../../shared/http'
import type { Duplicate } from '../../../shared/registry/duplicate-alert'

export const findScenarioDuplicates = (input: { title: string; description?: string; ownerOrgId?: string }) =>
  http.post<{ items: Duplicate[] }>('/scenarios/duplicates', input)
