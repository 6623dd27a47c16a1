import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { organizations } from '../../modules/organizations/schema'
import { listCandidates } from '../../modules/policies/push'
import { policyApplications } from '../../modules/policies/schema'
import { expireVouchers } from '../../modules/vouchers/expiry'
import { voucherPoolEntries, vouchers } from '../../modules/vouchers/schema'
import { systemActor } from '../../platform/auth/actor'
import { now } from '../../platform/clock/clock'
import { withTestApp } from '../../test/app'
import { db } from '..'
import { seedDemoCarriers } from './carriers-instruments'
import { seedDemoEnterprises } from './enterprises-experts'
import { demoOrganizations } from './organizations'
import { seedDemoPolicies } from './policies'

withTestApp()

describe('demo policies and vouchers', () => {
  it('seed applications in every state and vouchers, and the push finds the right demo entities with reasons', async () => {
    const orgIdByKey = new Map<string, string>()
    await db.transaction(async (tx) => {
      for (const o of demoOrganizations) {
        const [row] = await tx
          .insert(organizations)
          .values({
            id: crypto.randomUUID(),
            name: o.name,
            kind: o.kind,
            uscc: o.uscc,
            jurisdictionCode: o.jurisdictionCode,
            address: o.address,
            createdAt: now(),
            updatedAt: now(),
          })
          .returning()
        orgIdByKey.set(o.key, row!.id)
      }
      await seedDemoEnterprises(tx, { orgIdByKey })
      await seedDemoCarriers(tx, { orgIdByKey })
      expect(await seedDemoPolicies(tx, { orgIdByKey })).toBe(9)
    })
    const apps = await db.select().from(policyApplications)
    expect(apps.map((a) => `${a.policyCode}:${a.status}`).sort()).toEqual([
      'huli-industry-university:approved',
      'huli-industry-university:submitted',
      'huli-public-platform:districtApproved',
      'huli-service-agency:submitted',
      'huzhou-pilot-first-provincial:submitted',
      'huzhou-poc-first-provincial:paid',
    ])
    expect(apps.find((a) => a.policyCode === 'huli-service-agency')!.computation.status).toBe('pending')
    expect(apps.find((a) => a.policyCode === 'huli-public-platform')!.computation.summary).toBe(
      '自筹投入 320 万元 × 50% = 160 万元，未超过年度上限 200 万元，核定 160 万元',
    )

    const officer = systemActor('test')
    const pocs = await listCandidates(officer, 'huzhou-poc-first-provincial', 2025)
    const status = new Map(pocs.items.map((i) => [i.subjectName, i]))
    expect(status.get('湖州市人工智能概念验证中心')).toMatchObject({ status: 'ineligible' })
    expect(status.get('湖州市人工智能概念验证中心')!.reasons.join('')).not.toContain('✗认定')
    for (const name of [
      '湖州市具身智能机器人概念验证中心',
      '湖州市现代纺织概念验证中心',
      '湖州市绿色家居概念验证中心',
    ]) {
      expect(status.get(name), name).toMatchObject({ status: 'nearlyEligible' })
      expect(status.get(name)!.missing[0]).toContain('尚需：认定为省级概念验证中心')
    }
    expect(status.get('湖州市地理信息概念验证中心')).toMatchObject({ status: 'ineligible' })
    expect([...status.keys()].some((n) => n.startsWith('温州'))).toBe(false)
    const pilots = await listCandidates(officer, 'huzhou-pilot-first-provincial', 2025)
    expect(pilots.items.filter((i) => i.status === 'eligible').map((i) => i.subjectName)).toEqual([
      '湖州新能源汽车零部件中试平台',
    ])
    const huli = await listCandidates(officer, 'huli-industry-university', 2026)
    expect(huli.items.filter((i) => i.status === 'nearlyEligible').map((i) => i.subjectName)).toContain(
      '厦门湖里光电显示科技有限公司',
    )
    expect(huli.items.every((i) => i.jurisdictionCode === '350206')).toBe(true)

    const before = await db.select().from(vouchers)
    expect(before.map((v) => v.status).sort()).toEqual(['active', 'active', 'active'])
    expect(await expireVouchers(systemActor('start'))).toEqual({ expired: 1, returnedFen: 5_000_000 })
    const returned = await db.select().from(voucherPoolEntries).where(eq(voucherPoolEntries.kind, 'return'))
    expect(returned.map((e) => e.amountFen)).toEqual([5_000_000])
  })
})
