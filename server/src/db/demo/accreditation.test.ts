import { afterAll, describe, expect, it } from 'vitest'
import { setToday } from '../../modules/accreditation/test-support'
import { organizations } from '../../modules/organizations/schema'
import { catchUp } from '../../modules/search/service'
import { now, resetClock } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { db } from '..'
import { seedDemoAccreditation } from './accreditation'
import { seedDemoCarriers } from './carriers-instruments'
import { seedDemoDemands } from './demands'
import { seedDemoEnterprises, seedDemoExperts } from './enterprises-experts'
import { demoOrganizations } from './organizations'

const ctx = withTestApp()
afterAll(() => resetClock())

describe('demo accreditation', () => {
  it('shows Huzhou’s and Wenzhou’s progress and an application the 鹿城 district can recommend', async () => {
    setToday('2026-11-20')
    const district = await createAccount('districtOfficer')
    const made = await db.transaction(async (tx) => {
      const orgIdByKey = new Map<string, string>()
      for (const org of demoOrganizations) {
        const id = newId()
        orgIdByKey.set(org.key, id)
        await tx.insert(organizations).values({ ...org, id, isLegalEntity: true, createdAt: now(), updatedAt: now() })
      }
      await seedDemoDemands(tx, { orgIdByKey })
      await seedDemoEnterprises(tx, { orgIdByKey })
      await seedDemoExperts(tx, { orgIdByKey })
      await seedDemoCarriers(tx, { orgIdByKey })
      return seedDemoAccreditation(tx, { orgIdByKey })
    })
    await catchUp()
    expect(made).toBeGreaterThan(10)

    for (const [city, key] of [
      ['330500', 'huzhou.municipal'],
      ['330300', 'wenzhou.municipal'],
    ]) {
      const progress = (await ctx.app().inject({ method: 'GET', url: `/api/v1/targets?city=${city}` })).json()
      const item = progress.items.find((i: { key: string }) => i.key === key)
      expect(item.current, key).toBeGreaterThan(0)
      expect(item.series.find((s: { year: number }) => s.year === 2025).value, key).toBeGreaterThan(0)
    }

    const headers = (await signIn(ctx.app(), district)).headers
    const list = (await ctx.app().inject({ method: 'GET', url: '/api/v1/accreditation/applications', headers })).json()
    expect(list.items).toHaveLength(1)
    const [application] = list.items
    expect(application).toMatchObject({ centerName: '温州市合成生物概念验证中心', status: 'submitted' })
    expect(application.checks.met).toBe(application.checks.total)
    const res = await ctx.app().inject({
      method: 'POST',
      url: `/api/v1/accreditation/applications/${application.id}/review`,
      headers,
      payload: { decision: 'recommend', version: application.version },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().checks.results.find((r: { id: string }) => r.id === 'pool').evidence).toEqual([
      '平台记录：累计入库项目 42 个',
    ])
  }, 180_000)
})
