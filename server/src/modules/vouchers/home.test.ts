import { describe, expect, it } from 'vitest'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { createCarrier, file, organization, WAN } from '../policies/test-fixtures'

const ctx = withTestApp()
const post = async (s: Session, url: string, payload: unknown) => {
  const res = await ctx.app().inject({ method: 'POST', url, headers: s.headers, payload: payload as object })
  expect(res.statusCode, res.body).toBeLessThan(300)
  return res.json()
}
type Todo = { key: string; title: string; link?: string }
const todos = async (s: Session) =>
  (
    (await ctx.app().inject({ method: 'GET', url: '/api/v1/home/summary', headers: s.headers })).json().todos as Todo[]
  ).filter((t) => t.key.startsWith('voucher-'))

async function officer(role: 'cityOfficer' | 'districtOfficer', area: string) {
  return signIn(ctx.app(), await createAccount(role, { orgId: (await organization('scienceBureau', area)).id }))
}

describe('待办 of voucher officers: 兑付审核 and 拨付', () => {
  it('shows a submitted redemption to the officers over the enterprise’s area, then the approved one to the city that pays it', async () => {
    const city = await officer('cityOfficer', '330500')
    const district = await officer('districtOfficer', '330502')
    const otherDistrict = await officer('districtOfficer', '330503')
    const otherCity = await officer('cityOfficer', '330300')
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
    const pool = await post(city, '/api/v1/voucher-pools', {
      name: '湖州市创新券（测试批次）',
      jurisdictionCode: '330500',
      year: 2026,
      totalFen: 100 * WAN,
      policyCode: 'huzhou-innovation-voucher',
    })
    const today = todayInShanghai(now())
    const voucher = await post(district, '/api/v1/vouchers', {
      poolId: pool.id,
      enterpriseOrgId: enterpriseOrg.id,
      amountFen: 20 * WAN,
      validFrom: today,
      validTo: addDays(today, 60),
      categories: ['poc'],
    })
    let order = await post(enterprise, '/api/v1/service-orders', {
      carrierId: center.id,
      category: 'poc',
      title: '灵巧手关节模组技术可行性验证',
      description: '对关节模组开展性能测评与可靠性试验',
      priceFen: 30 * WAN,
    })
    order = await post(provider, `/api/v1/service-orders/${order.id}/provider`, {
      action: 'accept',
      version: order.version,
    })
    order = await post(provider, `/api/v1/service-orders/${order.id}/provider`, {
      action: 'deliver',
      note: '已出具技术可行性报告',
      version: order.version,
    })
    expect(await todos(district)).toEqual([])

    order = await post(enterprise, `/api/v1/service-orders/${order.id}/redemption`, {
      contract: file('服务合同.pdf'),
      paymentProof: file('付款凭证.pdf'),
      contractAmountFen: 30 * WAN,
      enterprisePaidFen: 10 * WAN,
      allocations: [{ voucherId: voucher.id, amountFen: 20 * WAN }],
      version: order.version,
    })
    const expected = [
      {
        key: 'voucher-redemptions',
        title: '有 1 个创新券兑付申请待审核',
        link: '/service-orders?status=redemptionSubmitted',
      },
    ]
    expect(await todos(district)).toEqual(expected)
    expect(await todos(city)).toEqual(expected)
    expect(await todos(otherDistrict)).toEqual([])
    expect(await todos(otherCity)).toEqual([])

    order = await post(district, `/api/v1/service-orders/${order.id}/redemption-review`, {
      decision: 'approve',
      version: order.version,
    })
    // Only the city records payouts (voucher.pay): the approved redemption waits on the city officer alone.
    expect(await todos(city)).toEqual([
      {
        key: 'voucher-payouts',
        title: '有 1 个创新券兑付已核准，待向服务方拨付',
        link: '/service-orders?status=redeemed',
      },
    ])
    expect(await todos(district)).toEqual([])
    expect(await todos(otherCity)).toEqual([])

    await post(city, `/api/v1/service-orders/${order.id}/payout`, {
      paidOn: today,
      reference: 'CXQ-BF-002',
      version: order.version,
    })
    expect(await todos(city)).toEqual([])
  })
})
