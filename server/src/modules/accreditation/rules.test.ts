import { afterEach, describe, expect, it } from 'vitest'
import { resetClock } from '../../platform/clock/clock'
import { withTestApp } from '../../test/app'
import { createOrganization } from '../../test/factories'
import { parseRuleFile } from './rules'
import { evaluationParameters, session, setToday } from './test-support'

const ctx = withTestApp()
afterEach(() => resetClock())

const call = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) => {
  const res = await ctx.app().inject({ method, url, headers, ...(payload ? { payload } : {}) })
  return { status: res.statusCode, body: res.json() }
}
const inForce = (city: string, on: string) =>
  call('GET', `/api/v1/accreditation/rules/in-force?city=${city}&kind=pocCenter&on=${on}`)

describe('rule versions by date (DESIGN principle 2)', () => {
  it('lists the shipped versions with what is still 待定', async () => {
    const res = await call('GET', '/api/v1/accreditation/rules?city=330500')
    expect(res.body.items.map((v: { code: string }) => v.code).sort()).toEqual(['huzhou-pilot', 'huzhou-poc'])
    const poc = res.body.items.find((v: { code: string }) => v.code === 'huzhou-poc')
    expect(poc.pending.map((p: { label: string }) => p.label)).toEqual([
      '市级概念验证中心认定条件',
      '市级概念验证中心认定程序（申报、审核、公示期）',
      '绩效评价指标、分值与等次分数线',
      '淘汰与动态管理标准',
    ])
  })

  it.each([
    ['2025-11-17', 1],
    ['2027-12-31', 1],
  ])('uses the version in force on %s', async (on, version) => {
    expect((await inForce('330300', on)).body.version).toBe(version)
  })

  it.each(['2025-11-16', '2028-01-01'])('refuses %s, outside every version, with a Chinese message', async (on) => {
    const res = await inForce('330300', on)
    expect(res.status).toBe(422)
    expect(res.body.error).toMatchObject({
      code: 'RULE_VERSION_MISSING',
      message: `${on} 不在温州市概念验证中心认定规则任何版本的有效期内（现有版本：2025-11-17 至 2027-12-31），无法据此办理`,
    })
  })

  it('refuses to open a call on a date outside every version', async () => {
    setToday('2028-01-05')
    const city = await session(ctx.app(), 'cityOfficer')
    const res = await call('POST', '/api/v1/accreditation/calls', city.headers, {
      carrierKind: 'pocCenter',
      title: '2028年度温州市概念验证中心认定',
      deadline: '2028-03-31',
    })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('RULE_VERSION_MISSING')
  })

  it('lets a city officer set 待定 parameters as a new version from a date; older dates keep the old version', async () => {
    setToday('2026-06-15')
    const city = await session(ctx.app(), 'cityOfficer')
    const [v1] = (await call('GET', '/api/v1/accreditation/rules?city=330300')).body.items
    const wrongSum = await call('POST', `/api/v1/accreditation/rules/${v1.id}/parameters`, city.headers, {
      values: { ...evaluationParameters, 'evaluation.points.impact': 6 },
      versionLabel: '2026 考核细则',
      effectiveFrom: '2026-07-01',
      note: '市科技局 2026 年绩效评价细则',
    })
    expect(wrongSum.status).toBe(400)
    expect(wrongSum.body.error.message).toContain('各指标分值合计应为 100，当前为 101')
    const unknown = await call('POST', `/api/v1/accreditation/rules/${v1.id}/parameters`, city.headers, {
      values: { 'evaluation.points.nothing': 3 },
      versionLabel: 'x',
      note: '试试',
    })
    expect(unknown.status).toBe(400)
    const v2 = await call('POST', `/api/v1/accreditation/rules/${v1.id}/parameters`, city.headers, {
      values: evaluationParameters,
      versionLabel: '2026 考核细则',
      effectiveFrom: '2026-07-01',
      note: '市科技局 2026 年绩效评价细则',
    })
    expect(v2.status, JSON.stringify(v2.body)).toBe(201)
    expect(v2.body).toMatchObject({
      version: 2,
      effectiveFrom: '2026-07-01',
      effectiveTo: '2027-12-31',
      pending: [],
      basedOn: v1.id,
    })
    expect((await inForce('330300', '2026-06-30')).body.version).toBe(1)
    expect((await inForce('330300', '2026-07-01')).body.version).toBe(2)
  })

  it('refuses another city’s officer', async () => {
    const [v1] = (await call('GET', '/api/v1/accreditation/rules?city=330300')).body.items
    const huzhou = await createOrganization({ kind: 'scienceBureau', jurisdictionCode: '330500' })
    const officer = await session(ctx.app(), 'cityOfficer', huzhou.id)
    const res = await call('POST', `/api/v1/accreditation/rules/${v1.id}/parameters`, officer.headers, {
      values: { 'evaluation.points.staff': 10 },
      versionLabel: 'x',
      note: '越权',
    })
    expect(res.status).toBe(403)
  })
})

describe('Huzhou: what the plans leave open is 待定, never invented', () => {
  it('refuses a call while the conditions are 待定, then accepts one once the city adds them', async () => {
    setToday('2026-05-11')
    const huzhou = await createOrganization({ kind: 'scienceBureau', jurisdictionCode: '330500' })
    const officer = await session(ctx.app(), 'cityOfficer', huzhou.id)
    const body = { carrierKind: 'pocCenter', title: '2026年度湖州市概念验证中心认定', deadline: '2026-07-31' }
    const refused = await call('POST', '/api/v1/accreditation/calls', officer.headers, body)
    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe('RULE_PARAMETER_PENDING')
    expect(refused.body.error.message).toContain('中以下内容待定：认定条件')

    const shipped = parseRuleFile('huzhou-poc-2025.json')
    const wenzhou = parseRuleFile('wenzhou-poc-2025.json')
    const document = {
      ...shipped,
      versionLabel: '2026 认定办法',
      effectiveFrom: '2026-05-11',
      parameters: shipped.parameters.filter((p) => p.key === 'evaluation' || p.key === 'dynamicManagement'),
      conditions: wenzhou.conditions!.filter((c) => c.id === 'subject' || c.id === 'pool'),
      procedure: { ...wenzhou.procedure!, noticeWorkdays: 7 },
    }
    const added = await call('POST', '/api/v1/accreditation/rules', officer.headers, {
      document,
      note: '市科技局印发认定办法',
    })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    expect(added.body.version).toBe(2)
    const opened = await call('POST', '/api/v1/accreditation/calls', officer.headers, body)
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    expect(opened.body.ruleVersion).toContain('第 2 版')
  })

  it('validates an added version like the shipped data, in Chinese', async () => {
    const huzhou = await createOrganization({ kind: 'scienceBureau', jurisdictionCode: '330500' })
    const officer = await session(ctx.app(), 'cityOfficer', huzhou.id)
    const document = { ...parseRuleFile('huzhou-poc-2025.json'), parameters: [] }
    const res = await call('POST', '/api/v1/accreditation/rules', officer.headers, { document, note: '缺少待定说明' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('认定条件为空时须在参数中标明待定')
  })
})
