import { describe, expect, it } from 'vitest'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { advanceClock, now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { createCarrier, file, organization, WAN } from '../policies/test-fixtures'

const ctx = withTestApp()
const post = (s: Session, url: string, payload: unknown) =>
  ctx.app().inject({ method: 'POST', url, headers: s.headers, payload: payload as object })
const get = (s: Session, url: string) => ctx.app().inject({ method: 'GET', url, headers: s.headers })

async function setup() {
  const bureau = await organization('scienceBureau', '330500')
  const cityAccount = await createAccount('cityOfficer', { orgId: bureau.id })
  const city = await signIn(ctx.app(), cityAccount)
  const district = await signIn(
    ctx.app(),
    await createAccount('districtOfficer', { orgId: (await organization('scienceBureau', '330502')).id }),
  )
  const enterpriseOrg = await organization('enterprise', '330502')
  const enterpriseAccount = await createAccount('enterpriseUser', { orgId: enterpriseOrg.id })
  const enterprise = await signIn(ctx.app(), enterpriseAccount)
  const providerOrg = await organization('pocCenter', '330502')
  const provider = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: providerOrg.id }))
  const center = await createCarrier({
    ownerOrgId: providerOrg.id,
    jurisdictionCode: '330502',
    kind: 'pocCenter',
    name: '湖州测试具身智能概念验证中心',
    capabilities: [{ name: '样机性能测评', category: 'technical' }],
  })
  const pool = await post(city, '/api/v1/voucher-pools', {
    name: '湖州市创新券（测试批次）',
    jurisdictionCode: '330500',
    year: 2026,
    totalFen: 100 * WAN,
    policyCode: 'huzhou-innovation-voucher',
  })
  expect(pool.statusCode, pool.body).toBe(201)
  return {
    cityAccount,
    enterpriseAccount,
    city,
    district,
    enterprise,
    enterpriseOrg,
    provider,
    providerOrg,
    center,
    pool: pool.json(),
  }
}

const today = () => todayInShanghai(now())

describe('创新券: issue → order → redeem with proof → payout → rate → expiry (seed 002 四, seed 003)', () => {
  it('pays a provider from the voucher budget after a redemption with contract and payment proof', async () => {
    const s = await setup()
    const issued = await post(s.district, '/api/v1/vouchers', {
      poolId: s.pool.id,
      enterpriseOrgId: s.enterpriseOrg.id,
      amountFen: 20 * WAN,
      validFrom: today(),
      validTo: addDays(today(), 60),
      categories: ['poc', 'pilot'],
    })
    expect(issued.statusCode, issued.body).toBe(201)
    const voucher = issued.json()
    expect(voucher).toMatchObject({ balanceFen: 20 * WAN, status: 'active', categoryLabels: ['概念验证', '中试'] })
    expect(voucher.code).toMatch(/^CXQ-2026-[0-9A-F]{10}$/)
    expect((await get(s.enterprise, `/api/v1/vouchers/${voucher.id}`)).json()).toMatchObject({ code: voucher.code })
    expect((await get(s.provider, `/api/v1/vouchers/${voucher.id}`)).statusCode).toBe(404)
    const testing = await post(s.city, '/api/v1/vouchers', {
      poolId: s.pool.id,
      enterpriseOrgId: s.enterpriseOrg.id,
      amountFen: WAN,
      validFrom: today(),
      validTo: addDays(today(), 10),
      categories: ['testing'],
    })
    expect(testing.statusCode).toBe(400)
    expect(testing.json().error.message).toContain('不含检测')

    const order = await post(s.enterprise, '/api/v1/service-orders', {
      carrierId: s.center.id,
      category: 'poc',
      title: '灵巧手关节模组技术可行性验证',
      description: '对关节模组开展性能测评与可靠性试验',
      priceFen: 30 * WAN,
    })
    expect(order.statusCode, order.body).toBe(201)
    let o = order.json()
    const early = await post(s.enterprise, `/api/v1/service-orders/${o.id}/redemption`, {
      contract: file('服务合同.pdf'),
      paymentProof: file('付款凭证.pdf'),
      contractAmountFen: 30 * WAN,
      enterprisePaidFen: 10 * WAN,
      allocations: [{ voucherId: voucher.id, amountFen: 20 * WAN }],
      version: o.version,
    })
    expect(early.statusCode).toBe(422)
    o = (
      await post(s.provider, `/api/v1/service-orders/${o.id}/provider`, { action: 'accept', version: o.version })
    ).json()
    o = (
      await post(s.provider, `/api/v1/service-orders/${o.id}/provider`, {
        action: 'deliver',
        note: '已出具技术可行性报告',
        version: o.version,
      })
    ).json()
    expect(o.status).toBe('delivered')

    const short = await post(s.enterprise, `/api/v1/service-orders/${o.id}/redemption`, {
      contract: file('服务合同.pdf'),
      paymentProof: file('付款凭证.pdf'),
      contractAmountFen: 30 * WAN,
      enterprisePaidFen: 5 * WAN,
      allocations: [{ voucherId: voucher.id, amountFen: 20 * WAN }],
      version: o.version,
    })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.message).toContain('不足合同金额')
    const noProof = await post(s.enterprise, `/api/v1/service-orders/${o.id}/redemption`, {
      contract: file('服务合同.pdf'),
      contractAmountFen: 30 * WAN,
      enterprisePaidFen: 10 * WAN,
      allocations: [{ voucherId: voucher.id, amountFen: 20 * WAN }],
      version: o.version,
    })
    expect(noProof.statusCode).toBe(400)
    const redeemed = await post(s.enterprise, `/api/v1/service-orders/${o.id}/redemption`, {
      contract: file('服务合同.pdf'),
      paymentProof: file('付款凭证.pdf'),
      contractAmountFen: 30 * WAN,
      enterprisePaidFen: 10 * WAN,
      allocations: [{ voucherId: voucher.id, amountFen: 20 * WAN }],
      version: o.version,
    })
    expect(redeemed.statusCode, redeemed.body).toBe(200)
    o = redeemed.json()
    expect(o).toMatchObject({ status: 'redemptionSubmitted', voucherFen: 20 * WAN })
    expect(o.contract.digest).toMatch(/^[0-9a-f]{64}$/)
    const held = (await get(s.enterprise, '/api/v1/vouchers')).json().items[0]
    expect(held).toMatchObject({ balanceFen: 0, heldFen: 20 * WAN })

    o = (
      await post(s.district, `/api/v1/service-orders/${o.id}/redemption-review`, {
        decision: 'approve',
        version: o.version,
      })
    ).json()
    expect(o.status).toBe('redeemed')
    expect((await get(s.enterprise, '/api/v1/vouchers')).json().items[0]).toMatchObject({ status: 'used', heldFen: 0 })
    const paid = await post(s.city, `/api/v1/service-orders/${o.id}/payout`, {
      paidOn: today(),
      reference: 'CXQ-BF-001',
      version: o.version,
    })
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json().status).toBe('paid')
    const pool = (await get(s.city, '/api/v1/voucher-pools'))
      .json()
      .items.find((p: { id: string }) => p.id === s.pool.id)
    expect(pool).toMatchObject({
      totalFen: 100 * WAN,
      issuedFen: 20 * WAN,
      availableFen: 80 * WAN,
      paidOutFen: 20 * WAN,
    })

    const rated = await post(s.enterprise, `/api/v1/service-orders/${o.id}/rating`, {
      score: 5,
      comment: '报告专业，周期短',
    })
    expect(rated.json()).toMatchObject({ rating: 5 })
    expect((await post(s.enterprise, `/api/v1/service-orders/${o.id}/rating`, { score: 1 })).statusCode).toBe(409)
    const providerInbox = (await get(s.provider, '/api/v1/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind)
    expect(providerInbox).toEqual(expect.arrayContaining(['voucher.order', 'voucher.redemption', 'voucher.payout']))
  })

  it('returns an expired voucher’s balance to the budget, at the day after its last day in Asia/Shanghai', async () => {
    const s = await setup()
    const v = (
      await post(s.city, '/api/v1/vouchers', {
        poolId: s.pool.id,
        enterpriseOrgId: s.enterpriseOrg.id,
        amountFen: 30 * WAN,
        validFrom: today(),
        validTo: addDays(today(), 1),
        categories: ['poc'],
      })
    ).json()
    expect((await post(s.city, '/api/v1/vouchers/expire', null)).json()).toEqual({ expired: 0, returnedFen: 0 })
    let moved = 86_400_000
    advanceClock(moved)
    try {
      // A day on, the sessions have timed out: sign in again. The last valid day itself does not expire it.
      const onLastDay = await signIn(ctx.app(), s.cityAccount)
      expect((await post(onLastDay, '/api/v1/vouchers/expire', null)).json()).toEqual({ expired: 0, returnedFen: 0 })
      advanceClock(86_400_000)
      moved += 86_400_000
      const city = await signIn(ctx.app(), s.cityAccount)
      const enterprise = await signIn(ctx.app(), s.enterpriseAccount)
      const run = await post(city, '/api/v1/vouchers/expire', null)
      expect(run.json()).toEqual({ expired: 1, returnedFen: 30 * WAN })
      expect((await post(city, '/api/v1/vouchers/expire', null)).json()).toEqual({ expired: 0, returnedFen: 0 })
      const voucher = (await get(enterprise, '/api/v1/vouchers'))
        .json()
        .items.find((x: { id: string }) => x.id === v.id)
      expect(voucher).toMatchObject({ status: 'expired', statusLabel: '已过期', balanceFen: 0 })
      const pool = (await get(city, '/api/v1/voucher-pools'))
        .json()
        .items.find((p: { id: string }) => p.id === s.pool.id)
      expect(pool).toMatchObject({ issuedFen: 30 * WAN, returnedFen: 30 * WAN, availableFen: 100 * WAN })
    } finally {
      advanceClock(-moved)
    }
  })

  it('flags a provider after repeated bad ratings or a false claim, in its credit record', async () => {
    const s = await setup()
    const v = (
      await post(s.city, '/api/v1/vouchers', {
        poolId: s.pool.id,
        enterpriseOrgId: s.enterpriseOrg.id,
        amountFen: 10 * WAN,
        validFrom: today(),
        validTo: addDays(today(), 30),
        categories: ['poc'],
      })
    ).json()
    const delivered = async (title: string) => {
      let o = (
        await post(s.enterprise, '/api/v1/service-orders', {
          carrierId: s.center.id,
          category: 'poc',
          title,
          description: '样机性能测评',
          priceFen: 4 * WAN,
        })
      ).json()
      o = (
        await post(s.provider, `/api/v1/service-orders/${o.id}/provider`, { action: 'accept', version: o.version })
      ).json()
      return (
        await post(s.provider, `/api/v1/service-orders/${o.id}/provider`, { action: 'deliver', version: o.version })
      ).json()
    }
    const first = await delivered('测评一')
    await post(s.enterprise, `/api/v1/service-orders/${first.id}/rating`, { score: 2, comment: '报告数据不完整' })
    let credit = (await get(s.city, '/api/v1/provider-credit'))
      .json()
      .items.find((c: { providerOrgId: string }) => c.providerOrgId === s.providerOrg.id)
    expect(credit).toMatchObject({ flagged: false, badRatings: 1 })
    const second = await delivered('测评二')
    await post(s.enterprise, `/api/v1/service-orders/${second.id}/rating`, { score: 1 })
    credit = (await get(s.city, '/api/v1/provider-credit'))
      .json()
      .items.find((c: { providerOrgId: string }) => c.providerOrgId === s.providerOrg.id)
    expect(credit).toMatchObject({ flagged: true, reason: '近一年 2 次评价为 2 星及以下' })
    expect((await get(s.provider, '/api/v1/provider-credit')).json().items).toHaveLength(1)

    const third = await delivered('测评三')
    const r = (
      await post(s.enterprise, `/api/v1/service-orders/${third.id}/redemption`, {
        contract: file('合同三.pdf'),
        paymentProof: file('付款三.pdf'),
        contractAmountFen: 4 * WAN,
        enterprisePaidFen: 0,
        allocations: [{ voucherId: v.id, amountFen: 4 * WAN }],
        version: third.version,
      })
    ).json()
    const rejected = await post(s.district, `/api/v1/service-orders/${r.id}/redemption-review`, {
      decision: 'reject',
      falseClaim: true,
      note: '服务未实际开展，报告系复制',
      version: r.version,
    })
    expect(rejected.json()).toMatchObject({ status: 'redemptionRejected', falseClaim: true })
    expect(
      (await get(s.enterprise, '/api/v1/vouchers')).json().items.find((x: { id: string }) => x.id === v.id),
    ).toMatchObject({ balanceFen: 10 * WAN, heldFen: 0 })
    credit = (await get(s.city, '/api/v1/provider-credit'))
      .json()
      .items.find((c: { providerOrgId: string }) => c.providerOrgId === s.providerOrg.id)
    expect(credit.reason).toContain('近一年虚假申报 1 次')
  })

  it('issues only to enterprises the policy serves, within the pool', async () => {
    const s = await setup()
    const far = await organization('enterprise', '330302')
    const wenzhouOfficer = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '330300')).id }),
    )
    expect(
      (
        await post(wenzhouOfficer, '/api/v1/vouchers', {
          poolId: s.pool.id,
          enterpriseOrgId: far.id,
          amountFen: WAN,
          validFrom: today(),
          validTo: addDays(today(), 5),
          categories: ['poc'],
        })
      ).statusCode,
    ).toBe(404)
    expect(
      (
        await post(s.city, '/api/v1/vouchers', {
          poolId: s.pool.id,
          enterpriseOrgId: far.id,
          amountFen: WAN,
          validFrom: today(),
          validTo: addDays(today(), 5),
          categories: ['poc'],
        })
      ).statusCode,
    ).toBe(403)
    const tooMuch = await post(s.city, '/api/v1/vouchers', {
      poolId: s.pool.id,
      enterpriseOrgId: s.enterpriseOrg.id,
      amountFen: 101 * WAN,
      validFrom: today(),
      validTo: addDays(today(), 5),
      categories: ['poc'],
    })
    expect(tooMuch.statusCode).toBe(422)
    expect(tooMuch.json().error.message).toContain('券池余额 100 万元')
    const university = await organization('university', '330502')
    expect(
      (
        await post(s.city, '/api/v1/vouchers', {
          poolId: s.pool.id,
          enterpriseOrgId: university.id,
          amountFen: WAN,
          validFrom: today(),
          validTo: addDays(today(), 5),
          categories: ['poc'],
        })
      ).statusCode,
    ).toBe(400)
    const other = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    expect((await get(other, '/api/v1/vouchers')).json().total).toBe(0)
  })
})
