import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resetClock } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { createCarrier, file, organization, setToday, WAN } from './test-fixtures'

const ctx = withTestApp()
// Payments are dated between the city's approval and today: the tests run on a fixed day.
beforeEach(() => setToday('2026-12-08'))
afterEach(() => resetClock())
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
  it('carries an enterprise’s application through review and payment, takes one a year, and starts again the next year', async () => {
    const o = await officers('350200', '350206')
    const org = await organization('enterprise', '350206')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: org.id }))

    const first = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HT-2026-001', 100 * WAN))
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ status: 'submitted', statusLabel: '待区县审核', computedFen: 20 * WAN })
    expect(first.json().computation.summary).toBe(
      '当年度实际支付给高校、科研院所的研发经费 100 万元 × 20% = 20 万元，未超过年度上限 30 万元，核定 20 万元',
    )
    // Region codes read by name in the explanation and in 依据的数据; the application keeps the codes.
    expect(first.json().computation.steps).toContain(
      '✓属于政策适用地区：注册地为福建省厦门市湖里区（机构库），在福建省厦门市湖里区范围内',
    )
    expect(first.json().computation.facts).toContainEqual(
      expect.objectContaining({ fact: 'organization.jurisdiction', value: '福建省厦门市湖里区', source: '机构库' }),
    )
    expect(first.json().computation.steps.join('\n')).not.toContain('350206')

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
      paidOn: '2026-12-08',
      reference: 'BF-001',
      version: approved.version,
    })
    expect(tooMuch.statusCode).toBe(422)
    const wrongLevel = await post(o.city, `/api/v1/policy-applications/${approved.id}/payments`, {
      financeLevel: 'city',
      amountFen: WAN,
      paidOn: '2026-12-08',
      reference: 'BF-001',
      version: approved.version,
    })
    expect(wrongLevel.statusCode).toBe(422)
    const paid = await post(o.city, `/api/v1/policy-applications/${approved.id}/payments`, {
      financeLevel: 'district',
      amountFen: 20 * WAN,
      paidOn: '2026-12-08',
      reference: 'BF-001',
      version: approved.version,
    })
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json()).toMatchObject({ status: 'paid', paidFen: 20 * WAN })

    // 当年度 payments are declared together (厦湖科工函〔2025〕12号 三(一)): one application a year.
    const second = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HT-2026-002', 150 * WAN))
    expect(second.statusCode).toBe(409)
    expect(second.json().error.message).toBe('本单位已有 2026 年度该政策的申请（已拨付），不能重复申报')

    const nextYear = await post(user, '/api/v1/policy-applications', universityPayment(2027, 'HT-2027-001', 200 * WAN))
    expect(nextYear.json()).toMatchObject({ computedFen: 30 * WAN })

    const inbox = (await get(user, '/api/v1/notifications')).json()
    expect(inbox.items.map((n: { title: string }) => n.title)).toContain(`政策资金拨付：${org.name}`)
    const budget = (await get(o.city, '/api/v1/policy-budget?year=2026'))
      .json()
      .items.find((i: { policyCode: string }) => i.policyCode === 'huli-industry-university')
    expect(budget).toMatchObject({
      committedFen: 20 * WAN,
      paidFen: 20 * WAN,
      budgetFen: null,
      budgetText: '政策年度预算（待定）',
      split: '区县级财政全额承担',
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
    expect(app.can).toEqual({ reviewDistrict: false, reviewCity: false, pay: false, withdraw: true })
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

    // 区县审核 belongs to 湖里区: a city officer may not take it for a district's applicant, and nothing is written.
    const byCityAsDistrict = await post(o.city, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'approve',
      version: 3,
    })
    expect(byCityAsDistrict.statusCode).toBe(403)
    expect(byCityAsDistrict.json().error.message).toBe('该申请须由所在区县先行审核')
    const asCitySees = (await get(o.city, `/api/v1/policy-applications/${app.id}`)).json()
    expect(asCitySees).toMatchObject({ status: 'submitted', version: 3 })
    expect(asCitySees.can).toEqual({ reviewDistrict: false, reviewCity: false, pay: false, withdraw: false })
    expect(asCitySees.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'review.district.return',
      'resubmit',
    ])
    expect((await get(o.district, `/api/v1/policy-applications/${app.id}`)).json().can.reviewDistrict).toBe(true)

    const byDistrict = await post(o.district, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'approve',
      version: 3,
    })
    expect(byDistrict.json()).toMatchObject({
      status: 'districtApproved',
      can: { reviewDistrict: false, reviewCity: false },
    })
    const districtAgain = await post(o.district, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'approve',
      version: 4,
    })
    expect(districtAgain.statusCode).toBe(403)
    expect(districtAgain.json().error.message).toBe('市级审核须由市级科技管理人员办理')
    expect((await get(o.city, `/api/v1/policy-applications/${app.id}`)).json().can.reviewCity).toBe(true)
    const approved = await post(o.city, `/api/v1/policy-applications/${app.id}/review`, {
      decision: 'approve',
      version: 4,
    })
    expect(approved.json()).toMatchObject({ status: 'approved', can: { reviewCity: false, pay: true } })
    expect(
      approved.json().events.map((e: { action: string; actorRole: string }) => `${e.action}:${e.actorRole}`),
    ).toEqual([
      'submit:enterpriseUser',
      'review.district.return:districtOfficer',
      'resubmit:enterpriseUser',
      'review.district.approve:districtOfficer',
      'review.city.approve:cityOfficer',
    ])
  })

  it('lets a city officer take the district step only for an applicant registered at the city itself, and not both steps', async () => {
    const owner = await organization('pocCenter', '330500')
    const center = await createCarrier({
      ownerOrgId: owner.id,
      jurisdictionCode: '330500',
      kind: 'pocCenter',
      level: 'provincial',
      status: 'accredited',
      year: 2026,
      name: '湖州市本级审核测试概念验证中心',
    })
    const operator = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: owner.id }))
    const applied = await post(operator, '/api/v1/policy-applications', {
      policyCode: 'huzhou-poc-first-provincial',
      year: 2026,
      carrierId: center.id,
    })
    expect(applied.statusCode, applied.body).toBe(201)
    const id = applied.json().id
    const cityBureau = await organization('scienceBureau', '330500')
    const city = await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: cityBureau.id }))
    const colleague = await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: cityBureau.id }))
    const district = await signIn(
      ctx.app(),
      await createAccount('districtOfficer', { orgId: (await organization('scienceBureau', '330502')).id }),
    )
    expect((await get(district, `/api/v1/policy-applications/${id}`)).statusCode).toBe(404)
    expect((await get(city, `/api/v1/policy-applications/${id}`)).json().can.reviewDistrict).toBe(true)

    const firstStep = await post(city, `/api/v1/policy-applications/${id}/review`, { decision: 'approve', version: 1 })
    expect(firstStep.json()).toMatchObject({ status: 'districtApproved', can: { reviewCity: false } })
    const sameOfficer = await post(city, `/api/v1/policy-applications/${id}/review`, {
      decision: 'approve',
      version: 2,
    })
    expect(sameOfficer.statusCode).toBe(403)
    expect(sameOfficer.json().error.message).toBe('区县审核与市级审核须由不同人员办理')
    expect((await get(colleague, `/api/v1/policy-applications/${id}`)).json().can.reviewCity).toBe(true)
    const approved = await post(colleague, `/api/v1/policy-applications/${id}/review`, {
      decision: 'approve',
      version: 2,
    })
    expect(approved.json().status).toBe('approved')
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

describe('拨付: dated between the city’s approval and today, each with its own 凭证号', () => {
  it('refuses a payment dated after today or before the approval, and a 凭证号 used twice, writing nothing', async () => {
    setToday('2026-12-01')
    const o = await officers('350200', '350206')
    const org = await organization('enterprise', '350206')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: org.id }))
    const applied = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'PAY-2026-1', 100 * WAN))
    expect(applied.statusCode, applied.body).toBe(201)
    const approved = await approve(o, applied.json().id)
    expect(approved.status).toBe('approved')

    setToday('2026-12-08')
    const payer = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '350200')).id }),
    )
    const url = `/api/v1/policy-applications/${approved.id}/payments`
    const pay = (paidOn: string, reference: string, amountFen: number, version = approved.version) =>
      post(payer, url, { financeLevel: 'district', amountFen, paidOn, reference, version })
    for (const [paidOn, message] of [
      ['2027-06-01', '拨付日期不能晚于今天'],
      ['2026-12-09', '拨付日期不能晚于今天'],
      ['2020-01-01', '拨付日期不能早于核定日期 2026-12-01（市级审核通过之日）'],
      ['2026-11-30', '拨付日期不能早于核定日期 2026-12-01（市级审核通过之日）'],
    ] as const) {
      const refused = await pay(paidOn, `BF-${paidOn}`, 5 * WAN)
      expect(refused.statusCode, paidOn).toBe(400)
      expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message })
      expect(refused.json().error.details.fields).toEqual([{ path: 'paidOn', message }])
    }
    const untouched = (await get(payer, `/api/v1/policy-applications/${approved.id}`)).json()
    expect(untouched).toMatchObject({ status: 'approved', paidFen: 0, version: approved.version })
    expect(untouched.ledger.map((l: { kind: string }) => l.kind)).toEqual(['commitment'])

    const onApprovalDay = await pay('2026-12-01', 'X1', 5 * WAN)
    expect(onApprovalDay.statusCode, onApprovalDay.body).toBe(200)
    expect(onApprovalDay.json()).toMatchObject({ status: 'approved', statusLabel: '部分拨付', paidFen: 5 * WAN })
    const version = onApprovalDay.json().version
    for (const reference of ['X1', 'x-1']) {
      const again = await pay('2026-12-08', reference, 5 * WAN, version)
      expect(again.statusCode).toBe(400)
      expect(again.json().error.details.fields).toEqual([
        { path: 'reference', message: `凭证号“${reference}”已用于本申请的另一笔拨付` },
      ])
    }
    expect((await get(payer, `/api/v1/policy-applications/${approved.id}`)).json()).toMatchObject({
      paidFen: 5 * WAN,
      version,
    })
    const today = await pay('2026-12-08', 'X2', 15 * WAN, version)
    expect(today.statusCode, today.body).toBe(200)
    expect(today.json()).toMatchObject({ status: 'paid', paidFen: 20 * WAN, can: { pay: false } })
    expect(today.json().ledger.map((l: { reference: string | null }) => l.reference)).toEqual([null, 'X1', 'X2'])
  })

  it('answers a wrong decision or level of finance in Chinese', async () => {
    const o = await officers('350200', '350206')
    const id = '00000000-0000-4000-8000-000000000001'
    const review = await post(o.city, `/api/v1/policy-applications/${id}/review`, { decision: 'ok', version: 1 })
    expect(review.json().error.details.fields).toEqual([
      { path: 'decision', message: '审核结论应为通过、退回或不予通过' },
    ])
    const payment = await post(o.city, `/api/v1/policy-applications/${id}/payments`, {
      financeLevel: 'province',
      amountFen: 1,
      paidOn: '2026-12-08',
      reference: 'X',
      version: 1,
    })
    expect(payment.json().error.details.fields).toEqual([{ path: 'financeLevel', message: '财政级次应为市级或区县级' }])
  })
})

describe('several applications of one entity for one policy and year', () => {
  it('refuses a second while the first is in review, and where several are allowed counts the first’s estimate', async () => {
    const o = await officers('350200', '350206')
    const org = await organization('enterprise', '350206')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: org.id }))
    const first = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HL-CXY-001', 200 * WAN))
    expect(first.json()).toMatchObject({ computedFen: 30 * WAN })
    const district = await post(o.district, `/api/v1/policy-applications/${first.json().id}/review`, {
      decision: 'approve',
      version: 1,
    })
    expect(district.json().statusLabel).toBe('待市级审核')

    const second = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HL-CXY-002', 50 * WAN))
    expect(second.statusCode).toBe(409)
    expect(second.json().error.message).toBe('本单位已有 2026 年度该政策的申请（待市级审核），不能重复申报')
    expect((await get(user, '/api/v1/policy-applications?year=2026')).json().total).toBe(1)

    // A version that allows several a year (say, one per contract): the first's 30 万元 is spoken for.
    const policy = (await get(o.city, '/api/v1/policies/huli-industry-university')).json()
    const revised = await ctx.app().inject({
      method: 'PUT',
      url: '/api/v1/policies/huli-industry-university',
      headers: o.city.headers,
      payload: {
        definition: { ...policy.definition, applications: { perYear: 'many', source: '测试：按合同逐项申报' } },
        changeNote: '测试：允许按合同逐项申报',
      },
    })
    expect(revised.statusCode, revised.body).toBe(200)
    expect(revised.json().rules).toContain('申报次数：每年度可多次申报，年度上限合并计算（在办申请的测算金额先行占用）')
    const capped = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HL-CXY-002', 50 * WAN))
    expect(capped.statusCode).toBe(422)
    expect(capped.json().error.message).toBe(
      '额度已用完：当年度实际支付给高校、科研院所的研发经费 50 万元 × 20% = 10 万元，未超过年度上限 30 万元，本年度在办申请已测算 30 万元，剩余额度 0 元，额度已用完，核定 0 元',
    )
    expect((await get(user, '/api/v1/policy-applications?year=2026')).json().total).toBe(1)

    const withdrawn = await post(user, `/api/v1/policy-applications/${first.json().id}/withdraw`, { version: 2 })
    expect(withdrawn.json().status).toBe('withdrawn')
    const alone = await post(user, '/api/v1/policy-applications', universityPayment(2026, 'HL-CXY-002', 50 * WAN))
    expect(alone.statusCode, alone.body).toBe(201)
    expect(alone.json().computedFen).toBe(10 * WAN)
  })
})
