import { and, eq, inArray } from 'drizzle-orm'
import { carriers } from '../../modules/carriers/schema'
import { RECORD_TYPE as CARRIER, pinyinSortKey } from '../../modules/carriers/service'
import { searchDocumentOf as carrierDocument } from '../../modules/carriers/view'
import { instruments } from '../../modules/instruments/schema'
import { RECORD_TYPE as INSTRUMENT, searchDocumentOf as instrumentDocument } from '../../modules/instruments/view'
import { organizations } from '../../modules/organizations/schema'
import { storeSearchDocument } from '../../modules/search/service'
import { systemActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { writeRevision } from '../../platform/registry/revisions'
import { completeUscc } from '../../platform/validation/uscc'
import type { Transaction } from '../client'
import { DEMO_CARRIERS, DEMO_INSTRUMENTS } from './carriers-instruments-data'

const ORGANIZATION_KIND = {
  pocCenter: 'pocCenter',
  pilotPlatform: 'pilotPlatform',
  incubator: 'incubator',
  park: 'incubator',
} as const

/**
 * Demo carriers of the three cities — PoC centers (综合类 / 专业型), pilot platforms of the four kinds of lead,
 * incubators and parks — with their operating organizations (created here unless a demo organization runs
 * them), revisions and search documents. Returns the number of carriers.
 */
export async function seedDemoCarriers(tx: Transaction, context: { orgIdByKey: Map<string, string> }): Promise<number> {
  const actor = systemActor('demo seed')
  const at = now()
  for (const c of DEMO_CARRIERS) {
    let ownerOrgId: string
    if ('key' in c.org) {
      const id = context.orgIdByKey.get(c.org.key)
      if (!id) throw new Error(`demo organization ${c.org.key} is missing`)
      ownerOrgId = id
    } else {
      ownerOrgId = newId()
      await tx.insert(organizations).values({
        id: ownerOrgId,
        name: c.org.name,
        kind: ORGANIZATION_KIND[c.kind],
        uscc: c.org.orgCode ? completeUscc(`91${c.area}${c.org.orgCode}`) : null,
        isLegalEntity: c.org.orgCode !== null,
        jurisdictionCode: c.area,
        address: c.address,
        contactName: c.contact[0],
        contactPhone: c.contact[1],
        createdAt: at,
        updatedAt: at,
      })
    }
    const [status, level, year] = c.accreditation ?? ['none', null, null]
    const [row] = await tx
      .insert(carriers)
      .values({
        id: newId(),
        ownerOrgId,
        jurisdictionCode: c.area,
        confidentiality: c.confidentiality ?? 'public',
        source: 'demo',
        name: c.name,
        nameSort: pinyinSortKey(c.name),
        kind: c.kind,
        subtype: c.subtype,
        industryCodes: c.industries,
        address: c.address,
        longitude: c.at[0],
        latitude: c.at[1],
        capabilities: c.capabilities.map(([name, category, description]) => ({
          name,
          category,
          description: description ?? null,
        })),
        feeStandards: c.fees.map(([item, unit, yuan]) => ({ item, unit, priceFen: yuan === null ? null : yuan * 100 })),
        level,
        accreditationStatus: status,
        accreditationYear: year,
        directors: c.directors.map(([name, role, title]) => ({ name, role, title: title ?? null })),
        hostInstitution: c.host ?? null,
        contactName: c.contact[0],
        contactPhone: c.contact[1],
        introduction: c.introduction,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, CARRIER, row!, null, '演示数据')
    await storeSearchDocument(tx, CARRIER, row!.id, carrierDocument(row!))
  }
  return DEMO_CARRIERS.length
}

/** Demo shared instruments of the demo carriers (run after `seedDemoCarriers`, in the same transaction). */
export async function seedDemoInstruments(
  tx: Transaction,
  _context: { orgIdByKey: Map<string, string> },
): Promise<number> {
  const actor = systemActor('demo seed')
  const at = now()
  const names = new Map(DEMO_CARRIERS.map((c) => [c.key, c.name]))
  const owners = await tx
    .select()
    .from(carriers)
    .where(and(eq(carriers.source, 'demo'), inArray(carriers.name, [...names.values()])))
  const byName = new Map(owners.map((c) => [c.name, c]))
  for (const [index, i] of DEMO_INSTRUMENTS.entries()) {
    const carrier = byName.get(names.get(i.carrier) ?? '')
    if (!carrier) throw new Error(`demo carrier ${i.carrier} is missing: run seedDemoCarriers first`)
    const [yuan, unit] = i.fee
    const [row] = await tx
      .insert(instruments)
      .values({
        id: newId(),
        ownerOrgId: carrier.ownerOrgId,
        jurisdictionCode: carrier.jurisdictionCode,
        confidentiality: i.confidentiality ?? carrier.confidentiality,
        source: 'demo',
        carrierId: carrier.id,
        name: i.name,
        nameSort: pinyinSortKey(i.name),
        assetNumber: `YQ-${String(index + 1).padStart(4, '0')}`,
        category: i.category,
        model: i.model,
        manufacturer: i.manufacturer,
        specifications: i.specifications,
        hasCma: i.cma ?? false,
        hasCnas: i.cnas ?? false,
        openHours: '工作日 8:30–17:30，周末可预约',
        bookingMethod: '平台在线预约，提前 2 个工作日确认；长期合作可签框架协议',
        priceFen: yuan === null ? null : BigInt(Math.round(yuan * 100)),
        feeUnit: unit,
        location: carrier.address,
        availability: i.availability ?? 'available',
        createdAt: at,
        updatedAt: at,
      })
      .returning()
    await writeRevision(tx, actor, INSTRUMENT, row!, null, '演示数据')
    await storeSearchDocument(tx, INSTRUMENT, row!.id, instrumentDocument(row!))
  }
  return DEMO_INSTRUMENTS.length
}
