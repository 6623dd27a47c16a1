import type { InjectOptions } from 'fastify'
import { describe, expect, it } from 'vitest'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { readShippedPolicies } from './rules'
import { organization, WAN } from './test-fixtures'

const ctx = withTestApp()
const inject = (options: InjectOptions) => ctx.app().inject(options)

describe('policies as data: the shipped set, read by anyone', () => {
  it('loads every shipped policy at start, once, as version 1 with its 待定 parameters marked', async () => {
    const res = await inject({ method: 'GET', url: '/api/v1/policies' })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { code: string; version: number; pendingParameters: { key: string }[] }[]
    expect(items.map((p) => p.code).sort()).toEqual(
      readShippedPolicies()
        .map((d) => d.code)
        .sort(),
    )
    expect(items.every((p) => p.version === 1)).toBe(true)
    const agency = items.find((p) => p.code === 'huli-service-agency')!
    expect(agency.pendingParameters.map((p) => p.key)).toContain('annualCap')
    const huzhou = (await inject({ method: 'GET', url: '/api/v1/policies?jurisdiction=330502' })).json().items as {
      code: string
    }[]
    expect(huzhou.every((p) => p.code.startsWith('huzhou-'))).toBe(true)
  })

  it('explains a policy’s rules in Chinese with the seed’s words', async () => {
    const p = (await inject({ method: 'GET', url: '/api/v1/policies/huli-public-platform' })).json()
    expect(p.citation).toContain('年度最高 200 万元，最长支持三年')
    expect(p.rules).toContain('计算：自筹投入 × 50%，年度上限 200 万元')
    expect(p.rules).toContain('支持年限：3 年（自首个支持年度起算）')
    expect(p.rules).toContain('申报次数：每个主体每年度申报一次')
    expect(p.rules.join('\n')).toContain('资金分担：区县级财政全额承担（湖里区《措施》为区级政策')
    expect(p.definition.applications).toMatchObject({ perYear: 'one' })
    const excellent = (await inject({ method: 'GET', url: '/api/v1/policies/huzhou-poc-excellent' })).json()
    expect(excellent.rules.join('\n')).toContain('每个落地湖州产业化项目的奖励额（待定）')
    expect(excellent.rules.join('\n')).toContain('资金分担：市级 30% · 区县级 70%（')
    const insurance = (await inject({ method: 'GET', url: '/api/v1/policies/huzhou-poc-insurance' })).json()
    expect(insurance.rules).toContain('申报次数：每年度可多次申报，年度上限合并计算（在办申请的测算金额先行占用）')
    const pilot = (await inject({ method: 'GET', url: '/api/v1/policies/huzhou-pilot-first-provincial' })).json()
    expect(pilot.rules.join('\n')).toContain('资金分担：待定')
    expect((await inject({ method: 'GET', url: '/api/v1/policies/no-such-policy' })).statusCode).toBe(404)
  })
})

describe('the public calculator', () => {
  it('estimates from what-if facts with the arithmetic, writing nothing', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: {
        policyCode: 'huli-public-platform',
        year: 2026,
        facts: {
          'carrier.kind': 'pocCenter',
          'carrier.jurisdiction': '350206',
          'funding.cityFunded': true,
          'spending.ownInvestmentFen': 320 * WAN,
        },
      },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'computed',
      amountFen: 160 * WAN,
      amountText: '160 万元',
      summary: '自筹投入 320 万元 × 50% = 160 万元，未超过年度上限 200 万元，核定 160 万元',
      policyVersion: 1,
    })
    expect(res.json().basis).toContain('仅依测算假设')
    expect(res.json().steps).toContain(
      '✓属于政策适用地区：载体所在地为福建省厦门市湖里区（测算假设），在福建省厦门市湖里区范围内',
    )
    expect(res.json().facts).toContainEqual(
      expect.objectContaining({ fact: 'carrier.jurisdiction', value: '福建省厦门市湖里区', origin: 'whatIf' }),
    )
  })

  it('names an enterprise’s industries in the data it computed on, not their codes', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: {
        policyCode: 'huli-industry-university',
        year: 2026,
        facts: {
          'organization.kind': 'enterprise',
          'organization.jurisdiction': '350206',
          'enterprise.industryCodes': ['wenzhou-5n:WZ-4-3'],
          'spending.universityRdPaymentsFen': 100 * WAN,
        },
      },
    })
    expect(res.statusCode, res.body).toBe(200)
    const shown = new Map(res.json().facts.map((f: { fact: string; value: string }) => [f.fact, f.value]))
    expect(shown.get('enterprise.industryCodes')).toBe('工业机器人')
    expect(shown.get('organization.jurisdiction')).toBe('福建省厦门市湖里区')
  })

  it('says a 待定 parameter is open instead of inventing it', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: {
        policyCode: 'huzhou-poc-excellent',
        year: 2026,
        facts: {
          'carrier.kind': 'pocCenter',
          'carrier.jurisdiction': '330502',
          'accreditation.status': 'accredited',
          'accreditation.level': 'municipal',
          'evaluation.band': '优秀',
          'evaluation.year': 2026,
          'outcomes.landedLocally': 4,
          'outcomes.serviceRevenueFen': 380 * WAN,
        },
      },
    })
    const c = res.json()
    expect(c.status).toBe('pending')
    expect(c.amountFen).toBeNull()
    expect(c.steps.at(-1)).toContain('“每个落地湖州产业化项目的奖励额”、“服务收入奖励比例”文件未规定')
  })

  it('lists what is missing and refuses facts it does not know, in Chinese', async () => {
    const missing = await inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: {
        policyCode: 'huli-industry-university',
        year: 2026,
        facts: { 'organization.kind': 'enterprise', 'organization.jurisdiction': '350206' },
      },
    })
    expect(missing.json().status).toBe('incomplete')
    expect(missing.json().missing.map((m: { fact: string }) => m.fact)).toEqual(['spending.universityRdPaymentsFen'])
    const bad = await inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: {
        policyCode: 'huli-industry-university',
        year: 2026,
        facts: { 'spending.universityRdPaymentsFen': -1, wishes: 3 },
      },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toMatch(/不是平台认识的事实项|非负整数/)
  })

  it('uses a signed-in enterprise’s own platform data', async () => {
    const org = await organization('enterprise', '350206')
    const user = await signIn(ctx.app(), await createAccount('enterpriseUser', { orgId: org.id }))
    const res = await inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      headers: user.headers,
      payload: {
        policyCode: 'huli-industry-university',
        year: 2026,
        facts: { 'spending.universityRdPaymentsFen': 200 * WAN },
      },
    })
    expect(res.json()).toMatchObject({ status: 'computed', amountFen: 30 * WAN })
    expect(res.json().facts.find((f: { fact: string }) => f.fact === 'organization.kind')).toMatchObject({
      origin: 'platform',
      source: '机构库',
    })
  })
})

describe('a city officer edits a policy as a new version', () => {
  it('sets a 待定 parameter with its basis, keeps the old version, and only in their own area', async () => {
    const xiamen = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '350200')).id }),
    )
    const wenzhou = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '330300')).id }),
    )
    const payload = { values: { annualCap: 100 * WAN }, changeNote: '区科工局 2026 年第 3 次局务会议纪要' }
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/v1/policies/huli-service-agency/parameters',
          headers: wenzhou.headers,
          payload,
        })
      ).statusCode,
    ).toBe(403)
    const noNote = await inject({
      method: 'POST',
      url: '/api/v1/policies/huli-service-agency/parameters',
      headers: xiamen.headers,
      payload: { values: { annualCap: 1 } },
    })
    expect(noNote.statusCode).toBe(400)
    const res = await inject({
      method: 'POST',
      url: '/api/v1/policies/huli-service-agency/parameters',
      headers: xiamen.headers,
      payload,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ version: 2, origin: 'officer', pendingParameters: [{ key: 'annualBudget' }] })
    expect(res.json().parameters.find((p: { key: string }) => p.key === 'annualCap').source).toContain(
      '已设定：区科工局 2026 年第 3 次局务会议纪要',
    )
    const versions = (await inject({ method: 'GET', url: '/api/v1/policies/huli-service-agency/versions' })).json()
      .items
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ])
    const c = await inject({
      method: 'POST',
      url: '/api/v1/policy-calculator',
      payload: {
        policyCode: 'huli-service-agency',
        year: 2026,
        facts: {
          'organization.kind': 'serviceAgency',
          'organization.jurisdiction': '350206',
          'agency.qualified': true,
          'spending.ownInvestmentFen': 300 * WAN,
        },
      },
    })
    expect(c.json()).toMatchObject({ status: 'computed', amountFen: 100 * WAN, policyVersion: 2 })
  })

  it('validates a revised definition and answers each problem in Chinese', async () => {
    const xiamen = await signIn(
      ctx.app(),
      await createAccount('cityOfficer', { orgId: (await organization('scienceBureau', '350200')).id }),
    )
    const current = (await inject({ method: 'GET', url: '/api/v1/policies/huli-industry-university' })).json()
    const broken = {
      ...current.definition,
      parameters: { ...current.definition.parameters, rate: { ...current.definition.parameters.rate, value: 120 } },
    }
    const res = await inject({
      method: 'PUT',
      url: '/api/v1/policies/huli-industry-university',
      headers: xiamen.headers,
      payload: { definition: broken, changeNote: '测试' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.message).toContain('不能超过 100%')
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    expect(
      (
        await inject({
          method: 'PUT',
          url: '/api/v1/policies/huli-industry-university',
          headers: enterprise.headers,
          payload: { definition: current.definition, changeNote: '测试' },
        })
      ).statusCode,
    ).toBe(403)
  })
})
