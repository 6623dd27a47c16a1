import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resetClock } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { createCarrier, file, organization, setToday, WAN } from './test-fixtures'

const ctx = withTestApp()
beforeEach(() => setToday('2026-12-08'))
afterEach(() => resetClock())
const post = (s: Session, url: string, payload: unknown) =>
  ctx.app().inject({ method: 'POST', url, headers: s.headers, payload: payload as object })
type Todo = { key: string; title: string; link?: string }
const todos = async (s: Session) =>
  (
    (await ctx.app().inject({ method: 'GET', url: '/api/v1/home/summary', headers: s.headers })).json().todos as Todo[]
  ).filter((t) => t.key.startsWith('policy-'))

async function officer(role: 'cityOfficer' | 'districtOfficer', area: string) {
  return signIn(ctx.app(), await createAccount(role, { orgId: (await organization('scienceBureau', area)).id }))
}

async function apply(area: string, reference: string) {
  const org = await organization('enterprise', area)
  const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: org.id }))
  const applied = await post(user, '/api/v1/policy-applications', {
    policyCode: 'huli-industry-university',
    year: 2026,
    costItems: [
      {
        fact: 'spending.universityRdPaymentsFen',
        reference,
        description: '与鹭岛大学合作研发经费',
        amountFen: 100 * WAN,
      },
    ],
    evidence: [file('合作合同.pdf', 'cooperationContract'), file('付款凭证.pdf', 'paymentVouchers')],
  })
  expect(applied.statusCode, applied.body).toBe(201)
  return applied.json()
}

async function approve(s: Session, application: { id: string; version: number }) {
  const reviewed = await post(s, `/api/v1/policy-applications/${application.id}/review`, {
    decision: 'approve',
    version: application.version,
  })
  expect(reviewed.statusCode, reviewed.body).toBe(200)
  return reviewed.json()
}

describe('待办 of policy officers: 区县审核 then 市级审核', () => {
  it('shows an application to its district first, then to its city, and to no other area', async () => {
    const district = await officer('districtOfficer', '350206')
    const otherDistrict = await officer('districtOfficer', '350203')
    const city = await officer('cityOfficer', '350200')
    const otherCity = await officer('cityOfficer', '330300')
    const application = await apply('350206', 'HT-2026-101')

    expect(await todos(district)).toEqual([
      { key: 'policy-review-district', title: '有 1 个政策申请待区县审核', link: '/policies/applications?tab=todo' },
    ])
    expect(await todos(otherDistrict)).toEqual([])
    expect(await todos(city)).toEqual([])

    const districtApproved = await approve(district, application)
    expect(await todos(district)).toEqual([])
    expect(await todos(city)).toEqual([
      {
        key: 'policy-review-city',
        title: '有 1 个政策申请已通过区县审核，待市级审核',
        link: '/policies/applications?tab=todo',
      },
    ])
    expect(await todos(otherCity)).toEqual([])

    const approved = await approve(city, districtApproved)
    expect(approved.status).toBe('approved')
    expect(await todos(city)).toEqual([
      { key: 'policy-payment', title: '有 1 个政策申请已核定待拨付', link: '/policies/applications?tab=pay' },
    ])
    expect(await todos(district)).toEqual([])
    const paid = await post(city, `/api/v1/policy-applications/${application.id}/payments`, {
      financeLevel: 'district',
      amountFen: approved.approvedFen,
      paidOn: '2026-12-08',
      reference: 'BF-2026-101',
      version: approved.version,
    })
    expect(paid.json().status).toBe('paid')
    expect(await todos(city)).toEqual([])
  })

  it('gives the first review of a city-level applicant to the city, and its city review to another officer', async () => {
    const district = await officer('districtOfficer', '330502')
    const city = await officer('cityOfficer', '330500')
    const colleague = await officer('cityOfficer', '330500')
    const owner = await organization('pocCenter', '330500')
    const center = await createCarrier({
      ownerOrgId: owner.id,
      jurisdictionCode: '330500',
      kind: 'pocCenter',
      level: 'provincial',
      status: 'accredited',
      year: 2026,
      name: '湖州市本级测试省级概念验证中心',
    })
    const operator = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: owner.id }))
    const applied = await post(operator, '/api/v1/policy-applications', {
      policyCode: 'huzhou-poc-first-provincial',
      year: 2026,
      carrierId: center.id,
    })
    expect(applied.statusCode, applied.body).toBe(201)

    expect(await todos(district)).toEqual([])
    expect(await todos(city)).toEqual([
      {
        key: 'policy-review-district',
        title: '有 1 个市本级单位的政策申请待审核',
        link: '/policies/applications?tab=all&status=submitted',
      },
    ])

    // 区县审核与市级审核须由不同人员办理: the officer who took the first step does not see the second.
    const firstStep = await approve(city, applied.json())
    expect(await todos(city)).toEqual([])
    expect((await todos(colleague)).map((t) => [t.key, t.title])).toEqual([
      ['policy-review-city', '有 1 个政策申请已通过区县审核，待市级审核'],
    ])
    expect((await approve(colleague, firstStep)).status).toBe('approved')
    expect((await todos(colleague)).map((t) => t.key)).toEqual(['policy-payment'])
  })

  it('gives whoever records payments a to-do for every approved application not yet paid in full', async () => {
    const district = await officer('districtOfficer', '350206')
    const city = await officer('cityOfficer', '350200')
    const otherCity = await officer('cityOfficer', '330300')
    const first = await approve(city, await approve(district, await apply('350206', 'HT-2026-201')))
    await approve(city, await approve(district, await apply('350206', 'HT-2026-202')))
    const payment = {
      key: 'policy-payment',
      title: '有 2 个政策申请已核定待拨付',
      link: '/policies/applications?tab=pay',
    }
    expect(await todos(city)).toEqual([payment])
    // Only the city records payments (policy.pay), even the district's share.
    expect(await todos(district)).toEqual([])
    expect(await todos(otherCity)).toEqual([])

    const pay = (application: { id: string; version: number }, amountFen: number, reference: string) =>
      post(city, `/api/v1/policy-applications/${application.id}/payments`, {
        financeLevel: 'district',
        amountFen,
        paidOn: '2026-12-08',
        reference,
        version: application.version,
      })
    const part = await pay(first, 5 * WAN, 'BF-201-1')
    expect(part.statusCode, part.body).toBe(200)
    expect(await todos(city)).toEqual([{ ...payment, title: '有 2 个政策申请已核定待拨付（其中 1 个部分拨付）' }])
    expect((await pay(part.json(), 15 * WAN, 'BF-201-2')).json().status).toBe('paid')
    expect(await todos(city)).toEqual([{ ...payment, title: '有 1 个政策申请已核定待拨付' }])
  })
})
