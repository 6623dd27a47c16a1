import type { Organization } from '../../../shared/contracts'
import { http } from '../../../shared/http'

/** Options for the "所属机构" picker: active organizations matching what the person typed. */
export async function searchOrganizations(keyWords: string | undefined) {
  const page = await http.get<{ items: Organization[]; total: number }>('/organizations', {
    q: keyWords,
    status: 'active',
    pageSize: 50,
  })
  return page.items.map((org) => ({ value: org.id, label: `${org.name}（${org.jurisdictionName}）` }))
}
