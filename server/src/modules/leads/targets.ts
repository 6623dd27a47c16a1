import { getAchievement } from '../achievements/service'
import { getCarrier } from '../carriers/service'
import { getDemand } from '../demands/service'
import { getEnterprise } from '../enterprises/service'
import { getInstrument } from '../instruments/service'
import { getScenario } from '../scenarios/service'
import { registerArchivedCheck, registerLeadTarget } from './service'

/**
 * Registries whose routes do not register themselves as lead targets: carriers and instruments (我有意向 on
 * the portal) and enterprises (成果找企业 results). Each resolves a record as the caller sees it. Also how each
 * registry the portal shows tells an archived record, which takes no new lead.
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
  // The registries the portal shows can archive a record; an archived one takes no new 我有意向.
  registerArchivedCheck('achievement', async (actor, id) => (await getAchievement(actor, id)).archived)
  registerArchivedCheck('demand', async (actor, id) => (await getDemand(actor, id)).archived)
  registerArchivedCheck('scenario', async (actor, id) => (await getScenario(actor, id)).archived)
  registerArchivedCheck('carrier', async (actor, id) => (await getCarrier(actor, id)).archived)
  registerArchivedCheck('instrument', async (actor, id) => (await getInstrument(actor, id)).archived)
}
