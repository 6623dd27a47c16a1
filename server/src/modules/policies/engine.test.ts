import { describe, expect, it } from 'vitest'
import type { PolicyDefinition } from './definition'
import { computeEntitlement, EMPTY_LEDGER, type LedgerState } from './engine'
import type { FactKey, FactSet, FactValue } from './facts'
import { readShippedPolicies } from './rules'

const shipped = new Map(readShippedPolicies().map((d) => [d.code, d]))
const policy = (code: string) => {
  const d = shipped.get(code)
  if (!d) throw new Error(`no shipped policy ${code}`)
  return d
}
const WAN = 1_000_000

function facts(values: Partial<Record<FactKey, FactValue>>): FactSet {
  const out: FactSet = {}
  for (const [key, value] of Object.entries(values))
    out[key as FactKey] = { value: value!, origin: 'platform', source: '测试' }
  return out
}

function run(
  d: PolicyDefinition,
  year: number,
  values: Partial<Record<FactKey, FactValue>>,
  ledger: Partial<LedgerState> = {},
) {
  return computeEntitlement({
    definition: d,
    version: 1,
    year,
    facts: facts(values),
    ledger: { ...EMPTY_LEDGER, ...ledger },
    areaName: '测试区',
  })
}

const withParameters = (d: PolicyDefinition, values: Record<string, number>): PolicyDefinition => ({
  ...d,
  parameters: Object.fromEntries(
    Object.entries(d.parameters).map(([k, p]) => [k, k in values ? { ...p, value: values[k]! } : p]),
  ),
})

describe('湖里区 公共技术服务平台 (seed 000 二(一)): 50% of own investment, ≤200 万元 a year, ≤3 years', () => {
  const d = policy('huli-public-platform')
  const platform = { 'carrier.kind': 'pocCenter', 'carrier.jurisdiction': '350206', 'funding.cityFunded': true }
  it.each([
    [320 * WAN, 160 * WAN, '自筹投入 320 万元 × 50% = 160 万元，未超过年度上限 200 万元，核定 160 万元'],
    [400 * WAN, 200 * WAN, '自筹投入 400 万元 × 50% = 200 万元，未超过年度上限 200 万元，核定 200 万元'],
    [400 * WAN + 1, 200 * WAN, '自筹投入 400.000001 万元 × 50% = 200 万元，未超过年度上限 200 万元，核定 200 万元'],
    [
      400 * WAN + 2,
      200 * WAN,
      '自筹投入 400.000002 万元 × 50% = 200.000001 万元，超过年度上限 200 万元，按上限计 200 万元，核定 200 万元',
    ],
    [
      900 * WAN,
      200 * WAN,
      '自筹投入 900 万元 × 50% = 450 万元，超过年度上限 200 万元，按上限计 200 万元，核定 200 万元',
    ],
    [0, 0, '自筹投入 0 元 × 50% = 0 元，未超过年度上限 200 万元，额度已用完，核定 0 元'],
  ])('own investment %i 分 → %i 分', (base, amount, summary) => {
    const c = run(d, 2026, { ...platform, 'spending.ownInvestmentFen': base })
    expect(c).toMatchObject({ status: 'computed', amountFen: amount, summary, policyVersion: 1 })
  })
  it('caps the year across applications with the ledger', () => {
    const c = run(
      d,
      2026,
      { ...platform, 'spending.ownInvestmentFen': 320 * WAN },
      { yearCommittedFen: 150 * WAN, firstSupportYear: 2026 },
    )
    expect(c.amountFen).toBe(50 * WAN)
    expect(c.summary).toContain('本年度已核定 150 万元，剩余额度 50 万元')
  })
  it.each([
    [2024, 3, 'computed'],
    [2023, 4, 'ineligible'],
  ])('counts support years from the first supported year (first %i → year %i of support)', (first, index, status) => {
    const c = run(d, 2026, { ...platform, 'spending.ownInvestmentFen': 100 * WAN }, { firstSupportYear: first })
    expect(c.supportYear).toBe(index)
    expect(c.status).toBe(status)
    if (status === 'ineligible') expect(c.steps.join('\n')).toContain('第 4 年超过最长支持年限 3 年')
  })
  it('refuses a platform without city funding and asks for the proof when the platform does not know', () => {
    expect(run(d, 2026, { ...platform, 'funding.cityFunded': false, 'spending.ownInvestmentFen': WAN }).status).toBe(
      'ineligible',
    )
    const { 'funding.cityFunded': _omit, ...rest } = platform
    const c = run(d, 2026, { ...rest, 'spending.ownInvestmentFen': WAN })
    expect(c.status).toBe('incomplete')
    expect(c.missing).toEqual([{ fact: 'funding.cityFunded', label: '获得市级投入', evidence: '市级立项或拨款文件' }])
  })
  it.each([
    ['incubator', '350206'],
    ['pocCenter', '350203'],
    ['pocCenter', '330502'],
  ])('refuses a %s in %s', (kind, area) => {
    expect(
      run(d, 2026, {
        ...platform,
        'carrier.kind': kind,
        'carrier.jurisdiction': area,
        'spending.ownInvestmentFen': WAN,
      }).status,
    ).toBe('ineligible')
  })
})

describe('湖里区 新设服务机构 (seed 000 二(一)): year 1 80% ≤150 万元, years 2–3 50% of last year ≤100 万元', () => {
  const d = policy('huli-new-service-entity')
  const base = {
    'organization.kind': 'serviceAgency',
    'organization.jurisdiction': '350206',
    'organization.isLegalEntity': true,
    'agency.qualified': true,
    'organization.establishedYear': 2025,
  }
  it.each([
    [2025, { 'spending.ownInvestmentFen': 100 * WAN }, 80 * WAN, 1],
    [2025, { 'spending.ownInvestmentFen': 187.5 * WAN }, 150 * WAN, 1],
    [2025, { 'spending.ownInvestmentFen': 300 * WAN }, 150 * WAN, 1],
    [2026, { 'spending.previousYearOwnInvestmentFen': 120 * WAN }, 60 * WAN, 2],
    [2026, { 'spending.previousYearOwnInvestmentFen': 200 * WAN }, 100 * WAN, 2],
    [2027, { 'spending.previousYearOwnInvestmentFen': 500 * WAN }, 100 * WAN, 3],
  ])('year %i → %i 分 (support year %i)', (year, values, amount, index) => {
    const c = run(d, year, { ...base, ...values })
    expect(c).toMatchObject({ status: 'computed', amountFen: amount, supportYear: index })
  })
  it('uses the first-year rule in year 1 and the previous year’s investment afterwards', () => {
    expect(run(d, 2025, { ...base, 'spending.ownInvestmentFen': 100 * WAN }).summary).toBe(
      '自筹投入 100 万元 × 80% = 80 万元，未超过年度上限 150 万元，核定 80 万元',
    )
    const later = run(d, 2026, { ...base, 'spending.ownInvestmentFen': 100 * WAN })
    expect(later.status).toBe('incomplete')
    expect(later.missing.map((m) => m.fact)).toEqual(['spending.previousYearOwnInvestmentFen'])
  })
  it('stops after the third year and before the founding year', () => {
    expect(run(d, 2028, { ...base, 'spending.previousYearOwnInvestmentFen': WAN }).status).toBe('ineligible')
    expect(run(d, 2024, { ...base, 'spending.ownInvestmentFen': WAN }).status).toBe('ineligible')
  })
  it('needs the founding year', () => {
    const { 'organization.establishedYear': _omit, ...rest } = base
    expect(run(d, 2025, { ...rest, 'spending.ownInvestmentFen': WAN }).missing.map((m) => m.fact)).toContain(
      'organization.establishedYear',
    )
  })
})

describe('湖里区 产学研合作 (seed 000 三(一)): 20% of payments to universities, ≤30 万元 per enterprise per year', () => {
  const d = policy('huli-industry-university')
  const base = { 'organization.kind': 'enterprise', 'organization.jurisdiction': '350206' }
  it.each([
    [100 * WAN, 20 * WAN],
    [150 * WAN, 30 * WAN],
    [150 * WAN + 5, 30 * WAN + 1],
    [400 * WAN, 30 * WAN],
  ])('payments %i 分 → before the cap and ledger, %i 分', (paid, gross) => {
    const c = run(d, 2026, { ...base, 'spending.universityRdPaymentsFen': paid })
    expect(Math.min(c.grossFen!, 30 * WAN)).toBe(Math.min(gross, 30 * WAN))
    expect(c.amountFen).toBe(Math.min(gross, 30 * WAN))
  })
  it('leaves only what the year has left after an earlier application', () => {
    const c = run(d, 2026, { ...base, 'spending.universityRdPaymentsFen': 100 * WAN }, { yearCommittedFen: 25 * WAN })
    expect(c.amountFen).toBe(5 * WAN)
  })
  it.each([
    [{ yearReservedFen: 30 * WAN }, 0, '本年度在办申请已测算 30 万元，剩余额度 0 元'],
    [{ yearReservedFen: 25 * WAN }, 5 * WAN, '本年度在办申请已测算 25 万元，剩余额度 5 万元'],
    [
      { yearCommittedFen: 10 * WAN, yearReservedFen: 5 * WAN },
      15 * WAN,
      '本年度已核定 10 万元、在办申请已测算 5 万元，剩余额度 15 万元',
    ],
    [{ yearReservedFen: 5 * WAN, totalReservedFen: 50 * WAN }, 20 * WAN, '剩余额度 25 万元，核定 20 万元'],
  ])('counts what applications in review were estimated at against the year: %o', (ledger, amount, text) => {
    const c = run(d, 2026, { ...base, 'spending.universityRdPaymentsFen': 100 * WAN }, ledger)
    expect(c.amountFen).toBe(amount)
    expect(c.summary).toContain(text)
  })
  it('reads region and industry codes by name, keeping the codes in the facts', () => {
    const c = computeEntitlement({
      definition: d,
      version: 1,
      year: 2026,
      facts: facts({
        ...base,
        'enterprise.industryCodes': ['wenzhou-5n:WZ-4-3'],
        'spending.universityRdPaymentsFen': WAN,
      }),
      ledger: EMPTY_LEDGER,
      areaName: '福建省厦门市湖里区',
      names: new Map([
        ['350206', '福建省厦门市湖里区'],
        ['wenzhou-5n:WZ-4-3', '工业机器人'],
      ]),
    })
    expect(c.steps).toContain('✓属于政策适用地区：注册地为福建省厦门市湖里区（测试），在福建省厦门市湖里区范围内')
    expect(c.facts.filter((f) => f.fact !== 'spending.universityRdPaymentsFen').map((f) => [f.label, f.value])).toEqual(
      [
        ['主体类型', '企业'],
        ['注册地', '福建省厦门市湖里区'],
        ['所属产业', '工业机器人'],
      ],
    )
  })
  it('is for enterprises only', () => {
    expect(
      run(d, 2026, { ...base, 'organization.kind': 'university', 'spending.universityRdPaymentsFen': WAN }).status,
    ).toBe('ineligible')
  })
})

describe('湖里区 科技服务机构 (seed 000 三(二)): 50% of own investment, cap 待定', () => {
  const d = policy('huli-service-agency')
  const base = {
    'organization.kind': 'serviceAgency',
    'organization.jurisdiction': '350206',
    'agency.qualified': true,
    'spending.ownInvestmentFen': 300 * WAN,
  }
  it('computes the 50% but refuses to grant until the cap is set', () => {
    const c = run(d, 2026, base)
    expect(c).toMatchObject({ status: 'pending', grossFen: 150 * WAN, amountFen: null })
    expect(c.pendingParameters.map((p) => p.key)).toEqual(['annualCap'])
    expect(c.steps.at(-1)).toContain('“年度最高补助额”文件未规定')
  })
  it('grants once an officer has set the cap', () => {
    const c = run(withParameters(d, { annualCap: 100 * WAN }), 2026, base)
    expect(c).toMatchObject({ status: 'computed', amountFen: 100 * WAN })
  })
})

describe.each([
  ['huzhou-poc-first-provincial', 'pocCenter'],
  ['huzhou-pilot-first-provincial', 'pilotPlatform'],
])('湖州 %s (seed 002 四): 50 万元 once, for the first provincial accreditation', (code, kind) => {
  const d = policy(code)
  const base = {
    'carrier.kind': kind,
    'carrier.jurisdiction': '330502',
    'accreditation.status': 'accredited',
    'accreditation.level': 'provincial',
    'accreditation.year': 2026,
  }
  it('grants 50 万元 in the year of the accreditation', () => {
    expect(run(d, 2026, base)).toMatchObject({
      status: 'computed',
      amountFen: 50 * WAN,
      summary: '首次认定省级奖励 50 万元，核定 50 万元',
    })
  })
  it.each([
    [{ 'accreditation.level': 'municipal' }, 2026],
    [{ 'accreditation.status': 'applying' }, 2026],
    [{ 'accreditation.year': 2025 }, 2026],
    [{ 'carrier.jurisdiction': '330303' }, 2026],
  ])('refuses %o', (change, year) => {
    expect(run(d, year, { ...base, ...change }).status).toBe('ineligible')
  })
  it('is granted once per center', () => {
    expect(run(d, 2026, base, { grants: 1 }).steps.join('')).toContain('每个主体限一次')
  })
  it.each([
    [2024, 'ineligible', '政策自 2025-09-11 起施行'],
    [2025, 'computed', ''],
    [2027, 'computed', ''],
    [2028, 'ineligible', '政策有效期至 2027-12-31'],
  ])('year %i is %s by the validity period', (year, status, text) => {
    const c = run(d, year, { ...base, 'accreditation.year': year })
    expect(c.status).toBe(status)
    expect(c.steps.join('')).toContain(text)
  })
})

describe.each(['huzhou-poc-excellent', 'huzhou-pilot-excellent'])(
  '湖州 %s (seed 002 四): ≤100 万元, scaling 待定',
  (code) => {
    const d = policy(code)
    const kind = code.includes('poc') ? 'pocCenter' : 'pilotPlatform'
    const base = {
      'carrier.kind': kind,
      'carrier.jurisdiction': '330521',
      'accreditation.status': 'accredited',
      'accreditation.level': 'municipal',
      'evaluation.band': '优秀',
      'evaluation.year': 2026,
      'outcomes.landedLocally': 3,
      'outcomes.serviceRevenueFen': 500 * WAN,
    }
    it('says the scaling is 待定 instead of inventing it', () => {
      const c = run(d, 2026, base)
      expect(c.status).toBe('pending')
      expect(c.pendingParameters.map((p) => p.key)).toEqual(['perLandedProject', 'revenueRate'])
      expect(c.summary).toContain('× 每个')
      expect(c.summary).toContain('最高 100 万元')
    })
    it.each([
      [{ perLandedProject: 20 * WAN, revenueRate: 10 }, 100 * WAN],
      [{ perLandedProject: 10 * WAN, revenueRate: 10 }, 80 * WAN],
    ])('scales by projects and revenue once set: %o → %i 分', (values, amount) => {
      expect(run(withParameters(d, values), 2026, base)).toMatchObject({ status: 'computed', amountFen: amount })
    })
    it('requires 优秀 in the claim year', () => {
      expect(run(d, 2026, { ...base, 'evaluation.band': '合格' }).status).toBe('ineligible')
      expect(run(d, 2026, { ...base, 'evaluation.year': 2025 }).status).toBe('ineligible')
    })
  },
)

describe('湖州 科技保险保费补贴 (seed 002 四): rate and cap 待定', () => {
  it('is pending until both are set', () => {
    const d = policy('huzhou-poc-insurance')
    const base = {
      'organization.kind': 'enterprise',
      'organization.jurisdiction': '330502',
      'insurance.pocProject': true,
      'insurance.premiumFen': 8 * WAN,
    }
    expect(run(d, 2026, base).pendingParameters.map((p) => p.key)).toEqual(['premiumRate', 'annualCap'])
    expect(run(withParameters(d, { premiumRate: 50, annualCap: 3 * WAN }), 2026, base).amountFen).toBe(3 * WAN)
  })
})

describe('湖州 创新券 (seed 002 四): eligibility only, the amount is the voucher’s', () => {
  it('admits an enterprise of the city and no one else', () => {
    const d = policy('huzhou-innovation-voucher')
    expect(run(d, 2026, { 'organization.kind': 'enterprise', 'organization.jurisdiction': '330523' }).status).toBe(
      'computed',
    )
    expect(run(d, 2026, { 'organization.kind': 'university', 'organization.jurisdiction': '330523' }).status).toBe(
      'ineligible',
    )
  })
})

describe('the annual budget, when set, bounds the amount', () => {
  it('grants only the remaining budget', () => {
    const d = withParameters(policy('huli-industry-university'), { annualBudget: 100 * WAN })
    const c = run(
      d,
      2026,
      {
        'organization.kind': 'enterprise',
        'organization.jurisdiction': '350206',
        'spending.universityRdPaymentsFen': 100 * WAN,
      },
      { budgetCommittedFen: 90 * WAN },
    )
    expect(c.amountFen).toBe(10 * WAN)
  })
})

describe('温州 省、市级概念验证中心财政补助 (seed 004 三(二)): amount 待定', () => {
  const d = policy('wenzhou-poc-center-subsidy')
  const base = {
    'carrier.kind': 'pocCenter',
    'carrier.jurisdiction': '330303',
    'accreditation.status': 'accredited',
    'accreditation.level': 'municipal',
  }
  it('finds the center eligible but will not name an amount until one is set', () => {
    expect(run(d, 2026, base)).toMatchObject({
      status: 'pending',
      amountFen: null,
      pendingParameters: [{ key: 'subsidy' }],
    })
  })
  it.each([
    [2025, 'computed'],
    [2024, 'ineligible'],
  ])('year %i is %s (方案 2025-11-17 起实施)', (year, status) => {
    expect(run(withParameters(d, { subsidy: 50 * WAN }), year, base).status).toBe(status)
  })
  it('grants the set amount once a year', () => {
    const set = withParameters(d, { subsidy: 50 * WAN })
    expect(run(set, 2026, base).amountFen).toBe(50 * WAN)
    expect(run(set, 2026, base, { yearCommittedFen: 50 * WAN }).amountFen).toBe(0)
    expect(run(set, 2026, { ...base, 'accreditation.level': 'national' }).status).toBe('ineligible')
  })
})
