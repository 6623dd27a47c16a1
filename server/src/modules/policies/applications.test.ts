import { describe, expect, it } from 'vitest'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { createCarrier, file, organization, WAN } from './test-fixtures'

const ctx = withTestApp()
const post = (s: Session, url: string, payload: unknown) =>
  ctx.app().inject({ method: 'POST', url, headers: s.headers, payload: payload as object })
const get = (s: Session, url: string) => ctx.app().inject({ method: 'GET', url, headers: s.headers })

async function officers(city: string, district: string) {
  const cityBureau = await organization('scienceBureau', city)
  const districtBureau = await organization('scienceBureau', district)
  return {
    district: await signIn(ctx.app(), await createAccount('districtOfficer', { orgId: districtBureau.id })),
    city: await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: cityBureau.id })),
    city2: await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: cityBureau.id })),
  }
}

const universityPayment = (year: number, reference: string, amountFen: number) => ({
  policyCode: 'huli-industry-university',
  year,
  costItems: [
    { fact: 'spending.universityRdPaymentsFen', reference, description: '与鹭岛大学合作研发经费', amountFen },
  ],
  evidence: [file('合作合同.pdf', 'cooperationContract'), file('付款凭证.pdf', 'paymentVouchers')],
})

async function approve(o: Awaited<ReturnType<typeof officers>>, id: string) {
  let app = (await get(o.district, `/api/v1/policy-applications/${id}`)).json()
  const district = await post(o.district, `/api/v1/policy-applications/${id}/review`, {
    decision: 'approve',
    version: app.version,
  })
  expect(district.statusCode, district.body).toBe(200)
  app = district.json()
  const city = await post(o.city, `/api/v1/policy-applications/${id}/review`, {
    decision: 'approve',
    version: app.version,
  })
  expect(city.statusCode, city.body).toBe(200)
  return city.json()
}

describe('apply → district review → city approval → payment, with the ledger across applications and years', () => {
  it('carries an enterprise’s applications through review, caps the year across two of them, and starts again the next year', async () => {
    const o = await officers('350200', '350206')
    const org = await organization('enterprise', '350206')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: org.id }))

    const first = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HT-2026-001', 100 * WAN))
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ status: 'submitted', statusLabel: '待区县审核', computedFen: 20 * WAN })
    expect(first.json().computation.summary).toBe(
      '当年度实际支付给高校、科研院所的研发经费 100 万元 × 20% = 20 万元，未超过年度上限 30 万元，核定 20 万元',
    )

    const early = await post(o.city, `/api/v1/policy-applications/${first.json().id}/payments`, {
      financeLevel: 'district',
      amountFen: 1,
      paidOn: '2026-11-01',
      reference: 'X',
      version: 1,
    })
    expect(early.statusCode).toBe(422)

    const approved = await approve(o, first.json().id)
    expect(approved).toMatchObject({ status: 'approved', approvedFen: 20 * WAN })
    expect(approved.ledger).toEqual([
      expect.objectContaining({ kind: 'commitment', financeLevel: 'district', amountFen: 20 * WAN }),
    ])
    expect(approved.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'submitted',
      'districtApproved',
      'approved',
    ])
    expect(approved.events.at(-1).explanation.join('\n')).toContain(
      '依据：《湖里区推动科技创新和产业创新深度融合的若干措施》《产学研合作研发经费补助》第 1 版',
    )

    const tooMuch = await post(o.city, `/api/v1/policy-applications/${approved.id}/payments`, {
      financeLevel: 'district',
      amountFen: 20 * WAN + 1,
      paidOn: '2026-11-20',
      reference: 'BF-001',
      version: approved.version,
    })
    expect(tooMuch.statusCode).toBe(422)
    const wrongLevel = await post(o.city, `/api/v1/policy-applications/${approved.id}/payments`, {
      financeLevel: 'city',
      amountFen: WAN,
      paidOn: '2026-11-20',
      reference: 'BF-001',
      version: approved.version,
    })
    expect(wrongLevel.statusCode).toBe(422)
    const paid = await post(o.city, `/api/v1/policy-applications/${approved.id}/payments`, {
      financeLevel: 'district',
      amountFen: 20 * WAN,
      paidOn: '2026-11-20',
      reference: 'BF-001',
      version: approved.version,
    })
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json()).toMatchObject({ status: 'paid', paidFen: 20 * WAN })

    const second = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HT-2026-002', 150 * WAN))
    expect(second.json().computation.summary).toContain('本年度已核定 20 万元，剩余额度 10 万元')
    expect(second.json().computedFen).toBe(10 * WAN)
    expect((await approve(o, second.json().id)).approvedFen).toBe(10 * WAN)

    const third = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HT-2026-003', 50 * WAN))
    expect(third.statusCode).toBe(422)
    expect(third.json().error.message).toContain('额度已用完')

    const nextYear = await post(user, '/api/v1/policy-applications', universityPayment(2027, 'HT-2027-001', 200 * WAN))
    expect(nextYear.json()).toMatchObject({ computedFen: 30 * WAN })

    const inbox = (await get(user, '/api/v1/notifications')).json()
    expect(inbox.items.map((n: { title: string }) => n.title)).toContain(`政策资金拨付：${org.name}`)
    const budget = (await get(o.city, '/api/v1/policy-budget?year=2026'))
      .json()
      .items.find((i: { policyCode: string }) => i.policyCode === 'huli-industry-university')
    expect(budget).toMatchObject({
      committedFen: 30 * WAN,
      paidFen: 20 * WAN,
      budgetFen: null,
      budgetText: '政策年度预算（待定）',
      split: '区县级财政 1',
    })
  })

  it('refuses the same cost item under a second policy, however it is typed', async () => {
    const agency = await organization('serviceAgency', '350206')
    const operator = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: agency.id }))
    const platform = await createCarrier({ ownerOrgId: agency.id, jurisdictionCode: '350206', kind: 'pocCenter' })
    const first = await post(operator, '/api/v1/policy-applications', {
      policyCode: 'huli-public-platform',
      year: 2026,
      carrierId: platform.id,
      declared: { 'funding.cityFunded': true },
      costItems: [
        {
          fact: 'spending.ownInvestmentFen',
          reference: 'FP 0001-A',
          description: '检测设备购置',
          amountFen: 320 * WAN,
        },
      ],
      evidence: [file('市级立项.pdf', 'cityFundingProof'), file('审计报告.pdf', 'investmentAudit')],
    })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json().computedFen).toBe(160 * WAN)
    const second = await post(operator, '/api/v1/policy-applications', {
      policyCode: 'huli-new-service-entity',
      year: 2026,
      declared: { 'organization.establishedYear': 2026, 'agency.qualified': true },
      costItems: [
        {
          fact: 'spending.ownInvestmentFen',
          reference: 'ｆｐ０００１ａ',
          description: '检测设备购置',
          amountFen: 320 * WAN,
        },
      ],
      evidence: [
        file('营业执照.pdf', 'businessLicense'),
        file('团队说明.pdf', 'teamStatement'),
        file('审计报告.pdf', 'investmentAudit'),
      ],
    })
    expect(second.statusCode).toBe(409)
    expect(second.json().error.message).toContain('已在《公共技术服务平台支持》的申请中申报')
    const withdrawn = await post(operator, `/api/v1/policy-applications/${first.json().id}/withdraw`, { version: 1 })
    expect(withdrawn.json().status).toBe('withdrawn')
    const again = await post(operator, '/api/v1/policy-applications', {
      policyCode: 'huli-new-service-entity',
      year: 2026,
      declared: { 'organization.establishedYear': 2026, 'agency.qualified': true },
      costItems: [
        { fact: 'spending.ownInvestmentFen', reference: 'FP0001A', description: '检测设备购置', amountFen: 320 * WAN },
      ],
      evidence: [
        file('营业执照.pdf', 'businessLicense'),
        file('团队说明.pdf', 'teamStatement'),
        file('审计报告.pdf', 'investmentAudit'),
      ],
    })
    expect(again.statusCode, again.body).toBe(201)
    expect(again.json().computation.summary).toBe(
      '自筹投入 320 万元 × 80% = 256 万元，超过年度上限 150 万元，按上限计 150 万元，核定 150 万元',
    )
  })

  it('holds an application whose amount needs a 待定 parameter until a city officer sets it', async () => {
    const o = await officers('350200', '350206')
    const agency = await organization('serviceAgency', '350206')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: agency.id }))
    const res = await post(user, '/api/v1/policy-applications', {
      policyCode: 'huli-service-agency',
      year: 2026,
      declared: { 'agency.qualified': true },
      costItems: [
        {
          fact: 'spending.ownInvestmentFen',
          reference: 'KB-2026-01',
          description: '场地装修与开办费',
          amountFen: 300 * WAN,
        },
      ],
      evidence: [
        file('营业执照.pdf', 'businessLicense'),
        file('团队说明.pdf', 'teamStatement'),
        file('审计报告.pdf', 'investmentAudit'),
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().computation).toMatchObject({
      status: 'pending',
      statusLabel: '待定参数尚未设定',
      amountFen: null,
    })
    const district = await post(o.district, `/api/v1/policy-applications/${res.json().id}/review`, {
      decision: 'approve',
      version: 1,
    })
    expect(district.json().status).toBe('districtApproved')
    const refused = await post(o.city, `/api/v1/policy-applications/${res.json().id}/review`, {
      decision: 'approve',
      version: 2,
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.message).toContain('待定参数尚未设定：“年度最高补助额”')
    const set = await post(o.city, '/api/v1/policies/huli-service-agency/parameters', {
      values: { annualCap: 100 * WAN },
      changeNote: '湖科工〔2026〕8 号',
    })
    expect(set.statusCode, set.body).toBe(200)
    const sameReviewer = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '350200')).id }),
    )
    const approved = await post(sameReviewer, `/api/v1/policy-applications/${res.json().id}/review`, {
      decision: 'approve',
      amountFen: 90 * WAN,
      note: '部分开办费不属于建设运营支出，核减 10 万元',
      version: 2,
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({
      status: 'approved',
      approvedFen: 90 * WAN,
      computedFen: 100 * WAN,
      policyVersion: 2,
    })
    expect(approved.json().events.at(-1).note).toBe('核减：部分开办费不属于建设运营支出，核减 10 万元')
  })

  it('keeps the district and city reviews apart and lets the applicant correct a returned application', async () => {
    const o = await officers('350200', '350206')
    const org = await organization('enterprise', '350206')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: org.id }))
    const other = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const app = (await post(user, '/api/v1/policy-applications', universityPayment(2026, 'R-1', 10 * WAN))).json()
    expect((await get(other, `/api/v1/policy-applications/${app.id}`)).statusCode).toBe(404)
    const noReason = await post(o.district, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'return',
      version: 1,
    })
    expect(noReason.statusCode).toBe(400)
    const returned = await post(o.district, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'return',
      note: '请补充付款银行回单',
      version: 1,
    })
    expect(returned.json().status).toBe('returned')
    const resubmitted = await post(user, `/api/v1/policy-applications/${app.id}/resubmit`, {
      ...universityPayment(2026, 'R-1', 12 * WAN),
      policyCode: undefined,
      year: undefined,
      version: 2,
    })
    expect(resubmitted.statusCode, resubmitted.body).toBe(200)
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', computedFen: 2.4 * WAN })
    const byCityAsDistrict = await post(o.city, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'approve',
      version: 3,
    })
    expect(byCityAsDistrict.json().status).toBe('districtApproved')
    const sameOfficer = await post(o.city, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'approve',
      version: 4,
    })
    expect(sameOfficer.statusCode).toBe(403)
    expect(sameOfficer.json().error.message).toBe('区县审核与市级审核须由不同人员办理')
    const byDistrict = await post(o.district, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'approve',
      version: 4,
    })
    expect(byDistrict.statusCode).toBe(403)
    expect(
      (await post(o.city2, `/api/v1/policy-applications/${app.id}/review`, { decision: 'approve', version: 4 })).json()
        .status,
    ).toBe('approved')
  })

  it('refuses what the policy does not cover: another area, missing evidence, a fact the platform decides', async () => {
    const elsewhere = await organization('enterprise', '330302')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: elsewhere.id }))
    const res = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'W-1', 10 * WAN))
    expect(res.statusCode).toBe(422)
    expect(res.json().error.message).toContain('不符合政策条件')
    const huli = await signIn(
      ctx.app(),
      await createAccount('enterpriseUser', { orgId: (await organization('enterprise', '350206')).id }),
    )
    const noEvidence = await post(huli, '/api/v1/policy-applications', {
      ...universityPayment(2026, 'W-2', WAN),
      evidence: [],
    })
    expect(noEvidence.statusCode).toBe(400)
    expect(noEvidence.json().error.message).toContain('请提供材料：产学研合作合同')
    const declaredKind = await post(huli, '/api/v1/policy-applications', {
      ...universityPayment(2026, 'W-3', WAN),
      declared: { 'organization.kind': 'enterprise' },
    })
    expect(declaredKind.statusCode).toBe(400)
    expect(declaredKind.json().error.message).toContain('以平台数据为准')
  })
})
