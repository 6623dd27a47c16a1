import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { CreateEnterprise } from '../../modules/enterprises/contracts'
import { enterpriseProfiles } from '../../modules/enterprises/schema'
import { CreateExpert } from '../../modules/experts/contracts'
import { experts } from '../../modules/experts/schema'
import { findExpertsForConflicts } from '../../modules/experts/service'
import { assertIndustryCodes } from '../../modules/industries/service'
import { organizations } from '../../modules/organizations/schema'
import { catchUp } from '../../modules/search/service'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { db } from '..'
import { seedDemoDemands } from './demands'
import { seedDemoEnterprises, seedDemoExperts } from './enterprises-experts'
import { demoOrganizations } from './organizations'

const ctx = withTestApp()

describe('demo enterprises and experts', () => {
  it('seeds valid profiles for the three cities beside the demand demo’s enterprises, searchable at once', async () => {
    const expertAccount = await createAccount('expert', { username: 'expert' })
    const counts = await db.transaction(async (tx) => {
      const orgIdByKey = new Map<string, string>()
      for (const org of demoOrganizations) {
        const id = newId()
        orgIdByKey.set(org.key, id)
        await tx.insert(organizations).values({ ...org, id, isLegalEntity: true, createdAt: now(), updatedAt: now() })
      }
      await seedDemoDemands(tx, { orgIdByKey })
      return [await seedDemoEnterprises(tx, { orgIdByKey }), await seedDemoExperts(tx, { orgIdByKey })]
    })
    await catchUp()
    expect(counts[0]).toBeGreaterThanOrEqual(30)
    expect(counts[1]).toBeGreaterThanOrEqual(30)

    const profiles = await db.select().from(enterpriseProfiles)
    const people = await db.select().from(experts)
    for (const rows of [profiles, people]) {
      expect([...new Set(rows.map((r) => r.jurisdictionCode.slice(0, 4)))].sort()).toEqual(['3303', '3305', '3502'])
      const levels = rows.map((r) => r.confidentiality)
      expect(levels.filter((l) => l === 'public').length).toBeGreaterThan(rows.length / 3)
      expect(levels).toContain('internal')
      expect(levels).toContain('secret')
      for (const row of rows) await assertIndustryCodes(row.jurisdictionCode, row.industryCodes)
    }
    // Every record passes what the forms accept.
    for (const p of profiles) {
      const {
        id: _i,
        ownerOrgId: _o,
        jurisdictionCode: _j,
        source: _s,
        sourceLabel: _l,
        importKey: _k,
        version: _v,
        createdBy: _c,
        createdAt: _a,
        updatedAt: _u,
        archivedAt: _r,
        sortName: _n,
        ...fields
      } = p
      expect(CreateEnterprise.safeParse({ ...fields, organizationId: p.id }).error).toBeUndefined()
    }
    for (const x of people) {
      const {
        id: _i,
        ownerOrgId: _o,
        jurisdictionCode: _j,
        source: _s,
        sourceLabel: _l,
        importKey: _k,
        version: _v,
        createdBy: _c,
        createdAt: _a,
        updatedAt: _u,
        archivedAt: _r,
        sortName: _n,
        ...fields
      } = x
      expect(CreateExpert.safeParse(fields).error, x.name).toBeUndefined()
    }
    // The demand demo's enterprises got a profile each, and no organization twice.
    const [{ n }] = (await db
      .select({ n: count() })
      .from(organizations)
      .where(eq(organizations.kind, 'enterprise'))) as [{ n: number }]
    expect(Number(n)).toBe(profiles.length)

    const officer = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const robots = await ctx
      .app()
      .inject({ method: 'GET', url: `/api/v1/enterprises?q=${encodeURIComponent('具身智能')}` })
    expect(robots.json().items[0].name).toBe('湖州太湖具身智能机器人有限公司')
    const tanks = (await ctx.app().inject({ method: 'GET', url: '/api/v1/experts', headers: officer.headers })).json()
    expect(tanks.facets.thinkTank.map((f: { value: string }) => f.value).sort()).toEqual([
      'commercial',
      'product',
      'technical',
    ])

    const linked = people.find((p) => p.userId === expertAccount.id)
    expect(linked?.name).toBe('吴志远')
    const [facts] = await findExpertsForConflicts([people.find((p) => p.name === '张海涛')!.id])
    expect(facts!.enterpriseTies[0]).toMatchObject({
      kind: 'employment',
      organizationName: '温州瓯江智能电气股份有限公司',
    })
    expect(facts!.enterpriseTies[0]!.organizationId).toBeTruthy()
  })
})
