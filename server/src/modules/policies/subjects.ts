import { systemActor, type UserActor } from '../../platform/auth/actor'
import { AppError } from '../../platform/errors/errors'
import type { CarrierQuery } from '../carriers/contracts'
import { findCarrierRows } from '../carriers/search'
import { findCarrier } from '../carriers/service'
import { findOrganization, listOrganizations } from '../organizations/service'
import type { PolicyDefinition } from './definition'
import type { Subject } from './fact-providers'

const field = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] })

export async function organizationSubject(orgId: string): Promise<Subject | undefined> {
  const org = await findOrganization(orgId)
  return (
    org && { type: 'organization', id: org.id, name: org.name, orgId: org.id, jurisdictionCode: org.jurisdictionCode }
  )
}

export async function carrierSubject(carrierId: string): Promise<Subject | undefined> {
  const carrier = await findCarrier(carrierId)
  if (!carrier || carrier.archivedAt) return undefined
  return {
    type: 'carrier',
    id: carrier.id,
    name: carrier.name,
    orgId: carrier.ownerOrgId,
    jurisdictionCode: carrier.jurisdictionCode,
  }
}

/** The subject a signed-in user applies (or calculates) for: their organization, or one of its carriers. */
export async function subjectOfUser(
  user: UserActor,
  d: PolicyDefinition,
  carrierId: string | undefined,
): Promise<Subject> {
  if (d.subject.type === 'organization') {
    if (carrierId) throw field('carrierId', '本政策以机构为对象，不需要选择载体')
    const subject = await organizationSubject(user.orgId)
    if (!subject) throw new AppError('FORBIDDEN', '您的账号未关联机构')
    return subject
  }
  if (!carrierId) throw field('carrierId', '本政策以概念验证中心、中试平台等载体为对象，请选择本单位运营的载体')
  const subject = await carrierSubject(carrierId)
  if (!subject || subject.orgId !== user.orgId) throw field('carrierId', '载体不存在或不由本单位运营')
  return subject
}

/** Everyone a policy could be for in its area: carriers or organizations of its kinds (push, 免申即享). */
export async function candidateSubjects(d: PolicyDefinition): Promise<Subject[]> {
  const actor = systemActor('policy candidates')
  const out: Subject[] = []
  if (d.subject.type === 'carrier') {
    for (let page = 1; page <= 500; page++) {
      const query = {
        kind: [...d.subject.kinds],
        jurisdiction: d.jurisdiction,
        status: 'active',
        sort: 'name',
        page,
        pageSize: 100,
      } as CarrierQuery
      const { rows } = await findCarrierRows(actor, query)
      for (const r of rows)
        out.push({ type: 'carrier', id: r.id, name: r.name, orgId: r.ownerOrgId, jurisdictionCode: r.jurisdictionCode })
      if (rows.length < 100) break
    }
    return out
  }
  for (const kind of d.subject.kinds) {
    for (let page = 1; page <= 10_000; page++) {
      const { items } = await listOrganizations(actor, {
        kind,
        jurisdiction: d.jurisdiction,
        status: 'active',
        page,
        pageSize: 200,
      })
      for (const o of items)
        out.push({ type: 'organization', id: o.id, name: o.name, orgId: o.id, jurisdictionCode: o.jurisdictionCode })
      if (items.length < 200) break
    }
  }
  return out
}
