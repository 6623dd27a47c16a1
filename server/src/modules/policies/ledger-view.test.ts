import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resetClock } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { file, organization, setToday, WAN } from './test-fixtures'

const ctx = withTestApp()
beforeEach(() => setToday('2026-12-08'))
afterEach(() => resetClock())
const post = (s: Session, url: string, payload: unknown) =>
  ctx.app().inject({ method: 'POST', url, headers: s.headers, payload: payload as object })
const get = (s: Session | null, url: string) =>
  ctx.app().inject({ method: 'GET', url, ...(s ? { headers: s.headers } : {}) })

describe('the facts a policy reads, for the calculator and the application form', () => {
  it('lists who, where, the conditions and the amount’s base, with their types and evidence', async () => {
    const res = await get(null, '/api/v1/policies/huli-public-platform')
    const inputs = res.json().inputs as { fact: string; declarable: boolean; itemized: boolean; options: unknown }[]
    expect(inputs.map((i) => i.fact)).toEqual([
      'carrier.kind',
      'carrier.jurisdiction',
      'funding.cityFunded',
      'spending.ownInvestmentFen',
    ])
    expect(inputs[0]).toMatchObject({
      declarable: false,
      options: [
        { value: 'pocCenter', label: '概念验证中心' },
        { value: 'pilotPlatform', label: '中试平台' },
      ],
    })
    expect(inputs[3]).toMatchObject({ declarable: true, itemized: true, evidence: '自筹投入专项审计报告或财务凭证' })
  })
})

describe('政策台账: per entity × policy × year', () => {
  it('shows what was committed and paid by level of finance, the total across years and the caps, in the officer’s area only', async () => {
    const district = await signIn(
      ctx.app(),
      await createAccount('districtOfficer', { orgId: (await organization('scienceBureau', '350206')).id }),
    )
    const city = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '350200')).id }),
    )
    const elsewhere = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '330300')).id }),
    )
    const org = await organization('enterprise', '350206', '厦门台账测试科技有限公司')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: org.id }))
    const applied = await post(user, '/api/v1/policy-applications', {
      policyCode: 'huli-industry-university',
      year: 2026,
      costItems: [
        {
          fact: 'spending.universityRdPaymentsFen',
          reference: 'TZ-2026-1',
          description: '合作研发',
          amountFen: 100 * WAN,
        },
      ],
      evidence: [file('合同.pdf', 'cooperationContract'), file('凭证.pdf', 'paymentVouchers')],
    })
    expect(applied.statusCode, applied.body).toBe(201)
    const id = applied.json().id
    const d = await post(district, `/api/v1/policy-applications/${id}/review`, { decision: 'approve', version: 1 })
    const c = await post(city, `/api/v1/policy-applications/${id}/review`, {
      decision: 'approve',
      version: d.json().version,
    })
    expect(c.statusCode, c.body).toBe(200)
    const paid = await post(city, `/api/v1/policy-applications/${id}/payments`, {
      financeLevel: 'district',
      amountFen: 5 * WAN,
      paidOn: '2026-12-08',
      reference: 'BF-TZ-1',
      version: c.json().version,
    })
    expect(paid.statusCode, paid.body).toBe(200)
    // A part paid reads 部分拨付 in the header and in the history, not 已核定待拨付.
    expect(paid.json().statusLabel).toBe('部分拨付')
    expect(paid.json().events.at(-1)).toMatchObject({ action: 'pay', toStatus: 'approved', toStatusLabel: '部分拨付' })

    const ledger = await get(city, '/api/v1/policy-ledger?year=2026&policy=huli-industry-university')
    expect(ledger.statusCode, ledger.body).toBe(200)
    const row = ledger.json().items.find((r: { subjectId: string }) => r.subjectId === org.id)
    expect(row).toMatchObject({
      subjectName: '厦门台账测试科技有限公司',
      committedFen: 20 * WAN,
      paidFen: 5 * WAN,
      outstandingFen: 15 * WAN,
      totalCommittedFen: 20 * WAN,
      supportYears: [2026],
      applications: 1,
      caps: ['年度上限 30 万元'],
    })
    expect(row.byLevel.find((l: { level: string | null }) => l.level === 'district')).toMatchObject({
      committedFen: 20 * WAN,
      paidFen: 5 * WAN,
    })
    const other = await get(elsewhere, '/api/v1/policy-ledger?year=2026')
    expect(other.json().items.some((r: { subjectId: string }) => r.subjectId === org.id)).toBe(false)
    expect((await get(user, '/api/v1/policy-ledger')).statusCode).toBe(403)
    expect((await get(city, '/api/v1/policy-ledger?year=20')).statusCode).toBe(400)
  })
})
