import { afterEach, describe, expect, it } from 'vitest'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { advanceClock, now, resetClock } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { createCarrier, file, organization, WAN } from '../policies/test-fixtures'

const ctx = withTestApp()
afterEach(() => resetClock())
const post = (s: Session, url: string, payload: unknown) =>
  ctx.app().inject({ method: 'POST', url, headers: s.headers, payload: payload as object })
const get = (s: Session, url: string) => ctx.app().inject({ method: 'GET', url, headers: s.headers })
const ok = async (res: ReturnType<typeof post>) => {
  const done = await res
  expect(done.statusCode, done.body).toBeLessThan(300)
  return done.json()
}
const today = () => todayInShanghai(now())

/** An enterprise with a 20 万元 voucher and a delivered 5 万元 PoC service, ready to redeem. */
async function deliveredOrder() {
  const cityAccount = await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '330500')).id })
  const city = await signIn(ctx.app(), cityAccount)
  const district = await signIn(
    ctx.app(),
    await createAccount('districtOfficer', { orgId: (await organization('scienceBureau', '330502')).id }),
  )
  const enterpriseOrg = await organization('enterprise', '330502')
  const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: enterpriseOrg.id }))
  const providerOrg = await organization('pocCenter', '330502')
  const provider = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: providerOrg.id }))
  const center = await createCarrier({
    ownerOrgId: providerOrg.id,
    jurisdictionCode: '330502',
    kind: 'pocCenter',
    capabilities: [{ name: '样机性能测评', category: 'technical' }],
  })
  const pool = await ok(
    post(city, '/api/v1/voucher-pools', {
      name: '湖州市创新券（测试批次）',
      jurisdictionCode: '330500',
      year: 2026,
      totalFen: 100 * WAN,
      policyCode: 'huzhou-innovation-voucher',
    }),
  )
  const issue = (amountFen: number) =>
    ok(
      post(district, '/api/v1/vouchers', {
        poolId: pool.id,
        enterpriseOrgId: enterpriseOrg.id,
        amountFen,
        validFrom: today(),
        validTo: addDays(today(), 60),
        categories: ['poc'],
      }),
    )
  const vouchers = [await issue(2 * WAN), await issue(3 * WAN)]
  let order = await ok(
    post(enterprise, '/api/v1/service-orders', {
      carrierId: center.id,
      category: 'poc',
      title: '灵巧手关节模组技术可行性验证',
      description: '对关节模组开展性能测评与可靠性试验',
      priceFen: 5 * WAN,
    }),
  )
  order = await ok(post(provider, `/api/v1/service-orders/${order.id}/provider`, { action: 'accept', version: 1 }))
  order = await ok(
    post(provider, `/api/v1/service-orders/${order.id}/provider`, { action: 'deliver', version: order.version }),
  )
  return { cityAccount, city, district, enterprise, pool, vouchers, order }
}

describe('创新券兑付: the proof and the amounts', () => {
  it('refuses the same file as both the contract and the payment proof, holding nothing', async () => {
    const w = await deliveredOrder()
    const redeem = (paymentProof: ReturnType<typeof file>) =>
      post(w.enterprise, `/api/v1/service-orders/${w.order.id}/redemption`, {
        contract: file('服务合同.pdf'),
        paymentProof,
        contractAmountFen: 5 * WAN,
        enterprisePaidFen: 0,
        allocations: w.vouchers.map((v, i) => ({ voucherId: v.id, amountFen: (i + 2) * WAN })),
        version: w.order.version,
      })
    // Renamed, the same bytes are still the same document.
    const same = await redeem({ ...file('服务合同.pdf'), fileName: '付款凭证.pdf' })
    expect(same.statusCode).toBe(400)
    expect(same.json().error.details.fields).toEqual([
      { path: 'paymentProof', message: '服务合同与付款凭证不能是同一文件' },
    ])
    expect((await ok(get(w.enterprise, `/api/v1/service-orders/${w.order.id}`))).status).toBe('delivered')
    const held = (await ok(get(w.enterprise, '/api/v1/vouchers'))).items
    expect(held.map((v: { heldFen: number }) => v.heldFen)).toEqual([0, 0])

    // No seed document limits the share a voucher may pay, so a zero self-payment stands (the reviewer is warned).
    const accepted = await ok(redeem(file('付款凭证.pdf')))
    expect(accepted).toMatchObject({ status: 'redemptionSubmitted', enterprisePaidFen: 0, voucherFen: 5 * WAN })
  })

  it('asks for the review decision instead of assuming one', async () => {
    const w = await deliveredOrder()
    const submitted = await ok(
      post(w.enterprise, `/api/v1/service-orders/${w.order.id}/redemption`, {
        contract: file('服务合同.pdf'),
        paymentProof: file('付款凭证.pdf'),
        contractAmountFen: 5 * WAN,
        enterprisePaidFen: 3 * WAN,
        allocations: [{ voucherId: w.vouchers[0].id, amountFen: 2 * WAN }],
        version: w.order.version,
      }),
    )
    const undecided = await post(w.district, `/api/v1/service-orders/${w.order.id}/redemption-review`, {
      version: submitted.version,
    })
    expect(undecided.statusCode).toBe(400)
    expect(undecided.json().error.details.fields).toEqual([{ path: 'decision', message: '请选择审核结论' }])
    expect((await ok(get(w.district, `/api/v1/service-orders/${w.order.id}`))).status).toBe('redemptionSubmitted')
  })
})

describe('创新券拨付: the payout date', () => {
  it('takes a payout dated from the approval day up to today in Beijing, and refuses a date outside it', async () => {
    const w = await deliveredOrder()
    let order = await ok(
      post(w.enterprise, `/api/v1/service-orders/${w.order.id}/redemption`, {
        contract: file('服务合同.pdf'),
        paymentProof: file('付款凭证.pdf'),
        contractAmountFen: 5 * WAN,
        enterprisePaidFen: 3 * WAN,
        allocations: [{ voucherId: w.vouchers[0].id, amountFen: 2 * WAN }],
        version: w.order.version,
      }),
    )
    order = await ok(
      post(w.district, `/api/v1/service-orders/${order.id}/redemption-review`, {
        decision: 'approve',
        version: order.version,
      }),
    )
    const approvedOn = today()
    const payout = (city: Session, paidOn: string) =>
      post(city, `/api/v1/service-orders/${order.id}/payout`, {
        paidOn,
        reference: 'HZ-BF-001',
        version: order.version,
      })

    const early = await payout(w.city, addDays(approvedOn, -1))
    expect(early.statusCode).toBe(400)
    expect(early.json().error.details.fields).toEqual([
      { path: 'paidOn', message: `拨付日期不能早于兑付核准日期 ${approvedOn}` },
    ])

    // Half past midnight in Beijing: the UTC date is still the day before, and Beijing's date is the one that counts.
    const utc = now()
    advanceClock(((24 * 60 + 16 * 60 + 30 - (utc.getUTCHours() * 60 + utc.getUTCMinutes())) % (24 * 60)) * 60_000)
    const city = await signIn(ctx.app(), w.cityAccount)
    expect(now().toISOString().slice(0, 10)).toBe(addDays(today(), -1))
    const late = await payout(city, addDays(today(), 1))
    expect(late.statusCode).toBe(400)
    expect(late.json().error.details.fields).toEqual([{ path: 'paidOn', message: '拨付日期不能晚于今天' }])
    expect((await ok(get(city, `/api/v1/service-orders/${order.id}`))).status).toBe('redeemed')
    const pool = (await ok(get(city, '/api/v1/voucher-pools'))).items.find((p: { id: string }) => p.id === w.pool.id)
    expect(pool.paidOutFen).toBe(0)

    const paid = await ok(payout(city, today()))
    expect(paid).toMatchObject({ status: 'paid', paidOn: today() })
  })
})
