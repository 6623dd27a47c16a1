import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { noopProvider, RecordingProvider, setMessageProvider } from './messaging'
import { createCarrier, organization, WAN } from './test-fixtures'

const ctx = withTestApp()
const post = (s: Session, url: string, payload: unknown) =>
  ctx.app().inject({ method: 'POST', url, headers: s.headers, payload: payload as object })
const get = (s: Session, url: string) => ctx.app().inject({ method: 'GET', url, headers: s.headers })
const messages = new RecordingProvider()
beforeAll(() => setMessageProvider(messages))
afterAll(() => setMessageProvider(noopProvider))

async function huzhouCenters() {
  const provincial = await organization('pocCenter', '330502')
  const municipal = await organization('pocCenter', '330503')
  const far = await organization('pocCenter', '330303')
  return {
    provincial,
    municipal,
    provincialCenter: await createCarrier({
      ownerOrgId: provincial.id,
      jurisdictionCode: '330502',
      kind: 'pocCenter',
      level: 'provincial',
      status: 'accredited',
      year: 2026,
      name: '湖州测试省级概念验证中心',
    }),
    municipalCenter: await createCarrier({
      ownerOrgId: municipal.id,
      jurisdictionCode: '330503',
      kind: 'pocCenter',
      level: 'municipal',
      status: 'accredited',
      year: 2026,
      name: '湖州测试市级概念验证中心',
    }),
    applying: await createCarrier({
      ownerOrgId: municipal.id,
      jurisdictionCode: '330503',
      kind: 'pocCenter',
      status: 'applying',
      name: '湖州测试申报中概念验证中心',
    }),
    wenzhou: await createCarrier({
      ownerOrgId: far.id,
      jurisdictionCode: '330303',
      kind: 'pocCenter',
      level: 'provincial',
      status: 'accredited',
      year: 2026,
      name: '温州测试省级概念验证中心',
    }),
  }
}

describe('政策精准推送 and 免申即享 (seed 003 四; seed 002 四)', () => {
  it('finds the eligible and the nearly eligible from platform data, explains each, and notifies them once', async () => {
    const c = await huzhouCenters()
    const officer = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '330500')).id }),
    )
    const preview = await get(officer, '/api/v1/policies/huzhou-poc-first-provincial/candidates?year=2026')
    expect(preview.statusCode, preview.body).toBe(200)
    const byName = new Map(preview.json().items.map((i: { subjectName: string }) => [i.subjectName, i]))
    expect(byName.get('湖州测试省级概念验证中心')).toMatchObject({
      status: 'eligible',
      amountText: '50 万元',
      notified: false,
    })
    expect((byName.get('湖州测试省级概念验证中心') as { reasons: string[] }).reasons.at(-1)).toBe(
      '预计可获 50 万元（首次认定省级奖励 50 万元，核定 50 万元）',
    )
    expect(byName.get('湖州测试市级概念验证中心')).toMatchObject({ status: 'nearlyEligible' })
    expect((byName.get('湖州测试市级概念验证中心') as { missing: string[] }).missing[0]).toContain(
      '尚需：认定为省级概念验证中心（认定为省级概念验证中心：认定级别为市级',
    )
    expect(byName.get('湖州测试申报中概念验证中心')).toMatchObject({ status: 'ineligible' })
    expect(byName.has('温州测试省级概念验证中心')).toBe(false)

    const pushed = await post(officer, '/api/v1/policies/huzhou-poc-first-provincial/push', { year: 2026 })
    expect(
      pushed
        .json()
        .items.filter((i: { notified: boolean }) => i.notified)
        .map((i: { subjectName: string }) => i.subjectName)
        .sort(),
    ).toEqual(['湖州测试市级概念验证中心', '湖州测试省级概念验证中心'])
    const center = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: c.provincial.id }))
    const inbox = (await get(center, '/api/v1/notifications?status=unread')).json()
    expect(inbox.unread).toBe(1)
    expect(inbox.items[0]).toMatchObject({
      kind: 'policy.push',
      title: '政策推送：您可能符合《首次认定省级概念验证中心奖励》',
    })
    expect(inbox.items[0].body).toContain('本项政策免申即享')
    const again = await post(officer, '/api/v1/policies/huzhou-poc-first-provincial/push', { year: 2026 })
    expect(again.json().items.some((i: { notified: boolean }) => i.notified)).toBe(false)
    const read = await post(center, `/api/v1/notifications/${inbox.items[0].id}/read`, null)
    expect(read.json().read).toBe(true)
    expect((await get(center, '/api/v1/notifications?status=unread')).json().unread).toBe(0)
  })

  it('sends e-mail and SMS only through the provider, which is off unless one is installed', async () => {
    const org = await organization('enterprise', '350206')
    const { db } = await import('../../db')
    const { organizations } = await import('../organizations/schema')
    const { eq } = await import('drizzle-orm')
    await db.update(organizations).set({ contactPhone: '0592-5550001' }).where(eq(organizations.id, org.id))
    const officer = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '350200')).id }),
    )
    const before = messages.sent.length
    const res = await post(officer, '/api/v1/policies/huli-industry-university/push', { year: 2026 })
    expect(res.json().items.find((i: { orgId: string }) => i.orgId === org.id)).toMatchObject({
      status: 'nearlyEligible',
      notified: true,
    })
    const sent = messages.sent.slice(before).filter((m) => m.to === '0592-5550001')
    expect(sent).toEqual([
      expect.objectContaining({ channel: 'sms', subject: '政策推送：您接近符合《产学研合作研发经费补助》' }),
    ])
  })

  it('grants 免申即享 without an application, once per center, split city 3 : district 7 at approval', async () => {
    const c = await huzhouCenters()
    const city = await organization('scienceBureau', '330500')
    const officer = await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: city.id }))
    const second = await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: city.id }))
    const district = await signIn(
      ctx.app(),
      await createAccount('districtOfficer', { orgId: (await organization('scienceBureau', '330502')).id }),
    )
    const run = await post(officer, '/api/v1/policies/huzhou-poc-first-provincial/entitlements', { year: 2026 })
    expect(run.statusCode, run.body).toBe(200)
    const mine = run.json().created.find((x: { subjectName: string }) => x.subjectName === '湖州测试省级概念验证中心')
    expect(mine).toMatchObject({ amountText: '50 万元' })
    const rerun = await post(officer, '/api/v1/policies/huzhou-poc-first-provincial/entitlements', { year: 2026 })
    expect(rerun.json().skipped).toContainEqual({ subjectName: '湖州测试省级概念验证中心', reason: '已有同年度申请' })

    const d = await post(district, `/api/v1/policy-applications/${mine.applicationId}/review`, {
      decision: 'approve',
      version: 1,
    })
    expect(d.statusCode, d.body).toBe(200)
    const approved = await post(second, `/api/v1/policy-applications/${mine.applicationId}/review`, {
      decision: 'approve',
      version: 2,
    })
    expect(approved.json()).toMatchObject({
      mode: 'automatic',
      modeLabel: '免申即享',
      status: 'approved',
      approvedFen: 50 * WAN,
    })
    expect(
      approved.json().ledger.map((l: { financeLevel: string; amountFen: number }) => [l.financeLevel, l.amountFen]),
    ).toEqual([
      ['city', 15 * WAN],
      ['district', 35 * WAN],
    ])
    const center = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: c.provincial.id }))
    const inbox = (await get(center, '/api/v1/notifications')).json().items.map((n: { kind: string }) => n.kind)
    expect(inbox).toContain('policy.entitled')
    const applyAgain = await post(center, '/api/v1/policy-applications', {
      policyCode: 'huzhou-poc-first-provincial',
      year: 2027,
      carrierId: c.provincialCenter.id,
    })
    expect(applyAgain.statusCode).toBe(422)

    const pilotRun = await post(officer, '/api/v1/policies/huzhou-pilot-first-provincial/entitlements', { year: 2026 })
    expect(pilotRun.statusCode).toBe(200)
    const budget = (await get(officer, '/api/v1/policy-budget?year=2026'))
      .json()
      .items.find((i: { policyCode: string }) => i.policyCode === 'huzhou-poc-first-provincial')
    expect(budget.split).toBe('市级 30% · 区县级 70%')
    expect(budget.byLevel).toEqual([
      { level: 'city', label: '市级财政', committedFen: 15 * WAN, paidFen: 0 },
      { level: 'district', label: '区县级财政', committedFen: 35 * WAN, paidFen: 0 },
    ])
  })

  it('refuses 免申即享 for a policy that needs documents, and the push outside the officer’s area', async () => {
    const officer = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '330500')).id }),
    )
    expect((await post(officer, '/api/v1/policies/huzhou-poc-excellent/entitlements', { year: 2026 })).statusCode).toBe(
      422,
    )
    expect((await post(officer, '/api/v1/policies/huli-public-platform/push', { year: 2026 })).statusCode).toBe(403)
  })
})
