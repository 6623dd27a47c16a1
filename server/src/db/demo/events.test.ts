import { describe, expect, it } from 'vitest'
import { organizations } from '../../modules/organizations/schema'
import { catchUp } from '../../modules/search/service'
import { now } from '../../platform/clock/clock'
import { newId } from '../../platform/ids/ids'
import { withTestApp } from '../../test/app'
import { db } from '..'
import { seedDemoAchievements } from './achievements'
import { seedDemoDemands } from './demands'
import { seedDemoEvents } from './events'
import { demoOrganizations } from './organizations'

const ctx = withTestApp()

describe('demo events', () => {
  it('seeds an upcoming roadshow and a past matchmaking event in 温州 and a roadshow in 湖州, featuring public records', async () => {
    const seeded = await db.transaction(async (tx) => {
      const orgIdByKey = new Map<string, string>()
      for (const org of demoOrganizations) {
        const id = newId()
        orgIdByKey.set(org.key, id)
        await tx.insert(organizations).values({ ...org, id, isLegalEntity: true, createdAt: now(), updatedAt: now() })
      }
      await seedDemoAchievements(tx, { orgIdByKey, withCsl: false })
      await seedDemoDemands(tx, { orgIdByKey })
      return seedDemoEvents(tx, { orgIdByKey })
    })
    await catchUp()
    expect(seeded).toBe(3)
    type Listed = { id: string; kind: string; status: string; featured: { recordType: string; recordId: string }[] }
    const wenzhou = (await ctx.app().inject({ method: 'GET', url: '/api/v1/events?city=330300' })).json()
      .items as Listed[]
    expect(wenzhou.map((e) => [e.kind, e.status, e.featured.length, e.featured[0]?.recordType])).toEqual([
      ['roadshow', 'open', 3, 'achievement'],
      ['matchmaking', 'finished', 2, 'demand'],
    ])
    // Every featured record is readable by a visitor, as an event's page is.
    for (const record of wenzhou.flatMap((e) => e.featured)) {
      const path = record.recordType === 'achievement' ? 'achievements' : 'demands'
      const res = await ctx.app().inject({ method: 'GET', url: `/api/v1/${path}/${record.recordId}` })
      expect(res.statusCode, `${path}/${record.recordId}`).toBe(200)
    }
    const huzhou = (await ctx.app().inject({ method: 'GET', url: '/api/v1/events?city=330500' })).json()
      .items as Listed[]
    expect(huzhou.map((e) => [e.kind, e.status, e.featured.length])).toEqual([['roadshow', 'open', 2]])
  })
})
