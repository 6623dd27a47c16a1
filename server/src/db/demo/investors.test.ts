import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { matchProject } from '../../modules/matching/project-pairs'
import { organizations } from '../../modules/organizations/schema'
import { projects } from '../../modules/projects/schema'
import { catchUp } from '../../modules/search/service'
import { systemActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { withTestApp } from '../../test/app'
import { db } from '..'
import { seedDemoCarriers, seedDemoInstruments } from './carriers-instruments'
import { seedDemoInvestors } from './investors'
import { demoOrganizations } from './organizations'
import { seedDemoVerification } from './verification'

withTestApp()

describe('demo investors', () => {
  it('gives the demo’s verified projects investors in the three cities, each with its reasons', async () => {
    const orgIdByKey = new Map<string, string>()
    const seeded = await db.transaction(async (tx) => {
      for (const org of demoOrganizations) {
        const id = newId()
        orgIdByKey.set(org.key, id)
        await tx.insert(organizations).values({ ...org, id, isLegalEntity: true, createdAt: now(), updatedAt: now() })
      }
      await seedDemoCarriers(tx, { orgIdByKey })
      await seedDemoInstruments(tx, { orgIdByKey })
      await seedDemoVerification(tx, { orgIdByKey })
      return seedDemoInvestors(tx, { orgIdByKey })
    })
    await catchUp()
    expect(seeded).toBe(4)
    const investors = await db.select().from(organizations).where(eq(organizations.kind, 'investor'))
    expect(new Set(investors.map((o) => o.jurisdictionCode.slice(0, 4)))).toEqual(new Set(['3502', '3303', '3305']))

    const [hand] = await db.select().from(projects).where(eq(projects.title, '灵巧手多模态触觉反馈控制系统'))
    const matched = await matchProject(systemActor('test'), { projectId: hand!.id, toType: 'investor', limit: 10 })
    expect(matched.results.map((r) => r.title)).toEqual(
      expect.arrayContaining(['湖州太湖天使创业投资合伙企业（有限合伙）', '厦门鹭创科技成果转化投资管理有限公司']),
    )
    for (const r of matched.results) expect(r.reasons.some((x) => x.startsWith('投资阶段'))).toBe(true)
  })
})
