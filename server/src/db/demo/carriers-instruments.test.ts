import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { CreateCarrier } from '../../modules/carriers/contracts'
import { carrierProblems } from '../../modules/carriers/rules'
import { carriers } from '../../modules/carriers/schema'
import { assertIndustryCodes } from '../../modules/industries/service'
import { CreateInstrument } from '../../modules/instruments/contracts'
import { instruments } from '../../modules/instruments/schema'
import { organizations } from '../../modules/organizations/schema'
import { checkUscc } from '../../platform/validation/uscc'
import { withTestApp } from '../../test/app'
import { createOrganization } from '../../test/factories'
import { db } from '..'
import { seedDemoCarriers, seedDemoInstruments } from './carriers-instruments'
import { DEMO_CARRIERS, DEMO_INSTRUMENTS } from './carriers-instruments-data'

const ctx = withTestApp()

describe('demo carriers and instruments', () => {
  it('obey the registries’ own contracts and rules', async () => {
    for (const c of DEMO_CARRIERS) {
      const [status, level, year] = c.accreditation ?? ['none', null, null]
      const input = {
        name: c.name,
        kind: c.kind,
        subtype: c.subtype,
        industryCodes: c.industries,
        address: c.address,
        longitude: c.at[0],
        latitude: c.at[1],
        capabilities: c.capabilities.map(([name, category, description]) => ({ name, category, description })),
        feeStandards: c.fees.map(([item, unit, yuan]) => ({ item, unit, priceFen: yuan === null ? null : yuan * 100 })),
        level,
        accreditationStatus: status,
        accreditationYear: year,
        directors: c.directors.map(([name, role, title]) => ({ name, role, title })),
        contactName: c.contact[0],
        contactPhone: c.contact[1],
        introduction: c.introduction,
        confidentiality: c.confidentiality ?? 'public',
      }
      const parsed = CreateCarrier.safeParse(input)
      expect(parsed.error?.issues ?? [], c.name).toEqual([])
      expect(carrierProblems({ ...input, accreditationYear: year }, 2026), c.name).toEqual([])
      await expect(assertIndustryCodes(c.area, c.industries), c.name).resolves.toBeUndefined()
      if ('orgCode' in c.org && c.org.orgCode) expect(c.org.orgCode).toMatch(/^MA2CR\d{4}$/)
    }
    expect(new Set(DEMO_CARRIERS.map((c) => c.name)).size).toBe(DEMO_CARRIERS.length)
    for (const i of DEMO_INSTRUMENTS) {
      const parsed = CreateInstrument.safeParse({
        carrierId: '00000000-0000-4000-8000-000000000000',
        name: i.name,
        category: i.category,
        model: i.model,
        manufacturer: i.manufacturer,
        specifications: i.specifications,
        priceFen: i.fee[0] === null ? null : Math.round(i.fee[0] * 100),
        feeUnit: i.fee[1],
      })
      expect(parsed.error?.issues ?? [], i.name).toEqual([])
      expect(
        DEMO_CARRIERS.some((c) => c.key === i.carrier),
        i.name,
      ).toBe(true)
    }
  })

  it('seed the three cities with organizations, valid codes and searchable records', async () => {
    const orgIdByKey = new Map([
      ['wenzhou-poc-center', (await createOrganization({ kind: 'pocCenter', jurisdictionCode: '330303' })).id],
      ['huzhou-pilot-platform', (await createOrganization({ kind: 'pilotPlatform', jurisdictionCode: '330502' })).id],
    ])
    const orgsBefore = Number((await db.select({ n: count() }).from(organizations))[0]!.n)
    await db.transaction(async (tx) => {
      expect(await seedDemoCarriers(tx, { orgIdByKey })).toBe(DEMO_CARRIERS.length)
      expect(await seedDemoInstruments(tx, { orgIdByKey })).toBe(DEMO_INSTRUMENTS.length)
    })
    const created = await db.select().from(organizations)
    expect(created.length - orgsBefore).toBe(DEMO_CARRIERS.length - 2)
    for (const org of created) if (org.uscc) expect(checkUscc(org.uscc), org.name).toBeNull()
    const rows = await db.select().from(carriers)
    const cities = new Set(rows.map((r) => r.jurisdictionCode.slice(0, 4)))
    expect([...cities].sort()).toEqual(['3303', '3305', '3502'])
    expect(new Set(rows.map((r) => r.confidentiality))).toEqual(new Set(['public', 'internal', 'secret']))
    expect(Number((await db.select({ n: count() }).from(instruments))[0]!.n)).toBe(DEMO_INSTRUMENTS.length)
    const { rebuildIndexes } = await import('../../modules/search/service')
    await rebuildIndexes()
    const page = (
      await ctx.app().inject({ method: 'GET', url: `/api/v1/carriers?q=${encodeURIComponent('具身智能')}` })
    ).json()
    expect(page.items[0].name).toBe('湖州市具身智能机器人概念验证中心')
    const testing = (await ctx.app().inject({ method: 'GET', url: '/api/v1/instruments?cnas=true&cma=true' })).json()
    expect(testing.total).toBeGreaterThanOrEqual(8)
  })
})
