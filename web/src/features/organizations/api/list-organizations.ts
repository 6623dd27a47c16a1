import type { Organization, OrganizationQuery } from '../../../shared/contracts'
import { http } from '../../../shared/http'

export type OrganizationFilters = Partial<OrganizationQuery>

export const listOrganizations = (query: OrganizationFilters) =>
  http.get<{ items: Organization[]; total: number }>('/organizations', query)
