import { describe, expect, it } from 'vitest'
import { demands } from '../../modules/demands/schema'
import { assertIndustryCodes } from '../../modules/industries/service'
import { organizations } from '../../modules/organizations/schema'
import { scenarios } from '../../modules/scenarios/schema'
import { catchUp } from '../../modules/search/service'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { withTestApp } from '../../test/app'
import { db } from '..'
import { seedDemoDemands, seedDemoScenarios } from './demands'
import { demoOrganizations } from './organizations'

const ctx = withTestApp()

describe('demo demands and scenarios', () => {
  it('seeds plausible records for the three cities, classified in each area’s own industry system', async () => {
    const counts = await db.transaction(async (tx) => {
      const orgIdByKey = new Map<string, string>()
      for (const org of demoOrganizations) {
        const id = newId()
        orgIdByKey.set(org.key, id)
        await tx.insert(organizations).values({ ...org, id, isLegalEntity: true, createdAt: now(), updatedAt: now() })
      }
      return [await seedDemoDemands(tx, { orgIdByKey }), await seedDemoScenarios(tx, { orgIdByKey })]
    })
    await catchUp()
    expect(counts[0]).toBeGreaterThanOrEqual(24)
    expect(counts[1]).toBeGreaterThanOrEqual(20)
    for (const table of [demands, scenarios]) {
      const rows = await db.select().from(table)
      for (const row of rows) await assertIndustryCodes(row.jurisdictionCode, row.industryCodes)
      const cities = new Set(rows.map((r) => r.jurisdictionCode.slice(0, 4)))
      expect([...cities].sort()).toEqual(['3303', '3305', '3502'])
      const levels = rows.map((r) => r.confidentiality)
      expect(levels.filter((l) => l === 'public').length).toBeGreaterThan(rows.length / 2)
      expect(levels).toContain('internal')
      expect(levels).toContain('secret')
    }
    const visitor = await ctx
      .app()
      .inject({ method: 'GET', url: `/api/v1/demands?q=${encodeURIComponent('具身智能')}` })
    expect(visitor.json().items[0].title).toContain('具身智能')
    expect(visitor.json().items.every((i: { confidentiality: string }) => i.confidentiality === 'public')).toBe(true)
    const huli = await ctx.app().inject({ method: 'GET', url: '/api/v1/scenarios?jurisdiction=350206' })
    expect(huli.json().total).toBeGreaterThanOrEqual(3)
  })
})
