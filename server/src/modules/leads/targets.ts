import { getCarrier } from '../carriers/service'
import { getEnterprise } from '../enterprises/service'
import { getInstrument } from '../instruments/service'
import { registerLeadTarget } from './service'

/**
 * Registries whose routes do not register themselves as lead targets: carriers and instruments (我有意向 on
 * the portal) and enterprises (成果找企业 results). Each resolves a record as the caller sees it.
 */
export function registerOtherLeadTargets(): void {
  registerLeadTarget('carrier', '载体平台', async (actor, id) => {
    const c = await getCarrier(actor, id)
    return { title: c.name, ownerOrgId: c.ownerOrgId }
  })
  registerLeadTarget('instrument', '共享仪器', async (actor, id) => {
    const i = await getInstrument(actor, id)
    return { title: i.name, ownerOrgId: i.ownerOrgId }
  })
  registerLeadTarget('enterprise', '企业', async (actor, id) => {
    const e = await getEnterprise(actor, id)
    return { title: e.name, ownerOrgId: e.ownerOrgId }
  })
}
