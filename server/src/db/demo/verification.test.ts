import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { organizations } from '../../modules/organizations/schema'
import { centerStatistics } from '../../modules/outcomes/statistics'
import { projects } from '../../modules/projects/schema'
import { catchUp } from '../../modules/search/service'
import { verifyReport } from '../../modules/verification/reports'
import { verificationReports } from '../../modules/verification/schema'
import { getVerification } from '../../modules/verification/service'
import { anonymousActor, systemActor } from '../../platform/auth/actor'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { db } from '..'
import { seedDemoCarriers, seedDemoInstruments } from './carriers-instruments'
import { demoOrganizations } from './organizations'
import { seedDemoVerification } from './verification'

const ctx = withTestApp()

describe('demo verification, hand-offs and outcomes', () => {
  it('seeds projects at every stage whose reports verify and whose numbers the statistics count', async () => {
    const orgIdByKey = new Map<string, string>()
    const seeded = await db.transaction(async (tx) => {
      for (const org of demoOrganizations) {
        const id = newId()
        orgIdByKey.set(org.key, id)
        await tx.insert(organizations).values({ ...org, id, isLegalEntity: true, createdAt: now(), updatedAt: now() })
      }
      await seedDemoCarriers(tx, { orgIdByKey })
      await seedDemoInstruments(tx, { orgIdByKey })
      return seedDemoVerification(tx, { orgIdByKey })
    })
    await catchUp()
    expect(seeded).toBe(5)
    const rows = await db.select().from(projects)
    expect(rows.map((p) => p.status).sort()).toEqual(['admitted', 'landed', 'terminated', 'verified', 'verifying'])

    const reports = await db.select().from(verificationReports)
    expect(reports).toHaveLength(2)
    for (const r of reports) {
      expect(await verifyReport(anonymousActor(), r.code, {}), r.code).toMatchObject({ valid: true, problems: [] })
    }
    const verifying = rows.find((p) => p.status === 'verifying')!
    const detail = await getVerification(systemActor('test'), verifying.id)
    expect(detail.stages.map((s) => s.status)).toEqual(['passed', 'active', 'pending', 'pending'])
    expect(detail.stages[1]!.delegations[0]).toMatchObject({ instrumentName: expect.any(String) })

    const center = orgIdByKey.get('wenzhou-poc-center')!
    const today = todayInShanghai(now())
    expect(await centerStatistics(center, addDays(today, -365), today)).toMatchObject({
      admitted: 4,
      verified: 1,
      samples: 1,
      products: 1,
      landings: 1,
      serviceRevenueFen: 24_000_000,
      handedOff: 1,
    })
    const pilot = await signIn(
      ctx.app(),
      await createAccount('pilotPlatformOperator', { orgId: orgIdByKey.get('huzhou-pilot-platform')! }),
    )
    const offers = (await ctx.app().inject({ method: 'GET', url: '/api/v1/handoffs', headers: pilot.headers })).json()
    expect(offers.items.map((h: { status: string }) => h.status).sort()).toEqual(['accepted', 'offered'])
    const landed = rows.find((p) => p.status === 'landed')!
    const seen = await ctx.app().inject({ method: 'GET', url: `/api/v1/projects/${landed.id}`, headers: pilot.headers })
    expect(seen.statusCode).toBe(200)
    const [university] = await db
      .select()
      .from(organizations)
      .where(eq(organizations.id, orgIdByKey.get('wenzhou-university')!))
    expect(landed.applicantOrgId).toBe(university!.id)
  })
})
