import { describe, expect, it } from 'vitest'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { createCarrier, file, organization, WAN } from './test-fixtures'

const ctx = withTestApp()
const post = (s: Session, url: string, payload: unknown) =>
  ctx.app().inject({ method: 'POST', url, headers: s.headers, payload: payload as object })

async function reviewers() {
  const city = await organization('scienceBureau', '350200')
  return {
    district: await signIn(
      ctx.app(),
      await createAccount('districtOfficer', { orgId: (await organization('scienceBureau', '350206')).id }),
    ),
    city: await signIn(ctx.app(), await createAccount('cityOfficer', { orgId: city.id })),
  }
}

async function approve(r: Awaited<ReturnType<typeof reviewers>>, app: { id: string; version: number }) {
  const d = await post(r.district, `/api/v1/policy-applications/${app.id}/review`, {
    decision: 'approve',
    version: app.version,
  })
  const c = await post(r.city, `/api/v1/policy-applications/${app.id}/review`, {
    decision: 'approve',
    version: d.json().version,
  })
  expect(c.statusCode, c.body).toBe(200)
  return c.json()
}

describe('multi-year schedules across applications (湖里 二(一))', () => {
  it('supports a public platform for three years from its first supported year, then stops', async () => {
    const r = await reviewers()
    const owner = await organization('serviceAgency', '350206')
    const operator = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: owner.id }))
    const platform = await createCarrier({ ownerOrgId: owner.id, jurisdictionCode: '350206', kind: 'pilotPlatform' })
    const apply = (year: number) =>
      post(operator, '/api/v1/policy-applications', {
        policyCode: 'huli-public-platform',
        year,
        carrierId: platform.id,
        declared: { 'funding.cityFunded': true },
        costItems: [
          {
            fact: 'spending.ownInvestmentFen',
            reference: `INV-${year}`,
            description: '中试线运营投入',
            amountFen: 100 * WAN,
          },
        ],
        evidence: [file('市级立项.pdf', 'cityFundingProof'), file(`审计${year}.pdf`, 'investmentAudit')],
      })
    for (const [year, index] of [
      [2024, 1],
      [2025, 2],
      [2026, 3],
    ] as const) {
      const res = await apply(year)
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json().computation.supportYear).toBe(index)
      expect((await approve(r, res.json())).approvedFen).toBe(50 * WAN)
    }
    const fourth = await apply(2027)
    expect(fourth.statusCode).toBe(422)
    expect(fourth.json().error.details.computation.steps.join('\n')).toContain(
      '首个支持年度为 2024 年，2027 年为第 4 个支持年度',
    )
    expect(fourth.json().error.message).toContain('第 4 年超过最长支持年限 3 年')
  })

  it('bases a new entity’s second year on the own investment approved for its first', async () => {
    const r = await reviewers()
    const agency = await organization('serviceAgency', '350206')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: agency.id }))
    const evidence = [
      file('营业执照.pdf', 'businessLicense'),
      file('团队说明.pdf', 'teamStatement'),
      file('审计报告.pdf', 'investmentAudit'),
    ]
    const first = await post(user, '/api/v1/policy-applications', {
      policyCode: 'huli-new-service-entity',
      year: 2025,
      declared: { 'organization.establishedYear': 2025, 'agency.qualified': true },
      costItems: [
        { fact: 'spending.ownInvestmentFen', reference: 'KB-2025', description: '开办投入', amountFen: 240 * WAN },
      ],
      evidence,
    })
    expect(first.json().computation.summary).toBe(
      '自筹投入 240 万元 × 80% = 192 万元，超过年度上限 150 万元，按上限计 150 万元，核定 150 万元',
    )
    await approve(r, first.json())
    const second = await post(user, '/api/v1/policy-applications', {
      policyCode: 'huli-new-service-entity',
      year: 2026,
      declared: {
        'organization.establishedYear': 2025,
        'agency.qualified': true,
        'spending.previousYearOwnInvestmentFen': 999 * WAN,
      },
      evidence,
    })
    expect(second.statusCode, second.body).toBe(201)
    const c = second.json().computation
    expect(c.supportYear).toBe(2)
    expect(c.summary).toBe(
      '上一年度自筹投入 240 万元 × 50% = 120 万元，超过年度上限 100 万元，按上限计 100 万元，核定 100 万元',
    )
    expect(c.facts.find((f: { fact: string }) => f.fact === 'spending.previousYearOwnInvestmentFen')).toMatchObject({
      origin: 'platform',
      source: '政策台账（2025 年度已核定申请）',
    })
  })
})
