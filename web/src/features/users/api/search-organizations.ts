import type { Organization } from '../../../shared/contracts'
import { http } from '../../../shared/http'
import { organizationKindsForRole, type Role } from '../../../shared/server-rules'

/** Options for the "所属机构" picker: active organizations matching the text that the role may belong to. */
export async function searchOrganizations(keyWords: string | undefined, role: Role | undefined) {
  const page = await http.get<{ items: Organization[]; total: number }>('/organizations', {
    q: keyWords,
    status: 'active',
    pageSize: 100,
  })
  const allowed = role ? organizationKindsForRole[role] : 'any'
  return page.items
    .filter((org) => allowed === 'any' || allowed.includes(org.kind))
    .map((org) => ({ value: org.id, label: `${org.name}（${org.kindLabel} · ${org.jurisdictionName}）` }))
}
