import { describe, expect, it } from 'vitest'
import { systemActor } from '../../platform/auth/actor'
import { signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { createCarrier } from '../carriers/service'
import { evaluationFixtures } from '../evaluations/test-fixtures'
import { admittedProject, client, newCenter, newPilotPlatform, verifiedProject } from '../verification/testing'

const ctx = withTestApp()
const api = () => client(ctx.app())
const fx = evaluationFixtures(ctx.app)

type Result = { id: string; title: string; subtitle: string; reasons: string[]; why: { distanceKm?: number } }
type Excluded = { id: string; reasons: string[] }

async function newInvestor(profile: Record<string, unknown>) {
  const org = await createOrganization({ kind: 'investor', jurisdictionCode: '330302' })
  const session = await signIn(ctx.app(), await createAccount('investor', { orgId: org.id }))
  const saved = await ctx.app().inject({
    method: 'PUT',
    url: '/api/v1/investors/me/profile',
    headers: session.headers,
    payload: {
      kind: 'ventureCapital',
      stages: ['seed', 'angel'],
      industryCodes: ['huzhou-1366:HZ-1-1'],
      focusKeywords: ['电子皮肤'],
      ticketMinFen: 50_000_000,
      ticketMaxFen: 500_000_000,
      jurisdictionCodes: [],
      introduction: '专注硬科技早期投资',
      confidentiality: 'public',
      ...profile,
    },
  })
  expect(saved.statusCode, saved.body).toBe(200)
  return { org, session, profile: saved.json() }
}

describe('project → experts', () => {
  it('ranks experts by words, fields and think tanks, lists conflicted ones apart with the reason, and hides secret ones', async () => {
    const { org, operator } = await fx.center()
    const other = await fx.center()
    const applicant = await fx.researcher()
    const project = await fx.project(applicant.session, org.id, { disciplines: ['材料科学与工程'] })
    const fit = await fx.expert(operator, ['technical'], { disciplines: ['材料科学与工程'] })
    const commercial = await fx.expert(operator, ['commercial'])
    const conflicted = await fx.expert(operator, ['technical'], {
      keywords: ['柔性', '触觉传感', '固态电池', '电子皮肤', '液态金属'],
      affiliations: [{ organizationId: applicant.account.orgId, from: '2010-01-01' }],
    })
    const secret = await fx.expert(other.operator, ['technical'], { confidentiality: 'secret' })

    const res = await api().get(operator, `/api/v1/match/project/${project.id}/expert?limit=20`)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json() as { pair: { label: string }; results: Result[]; excluded: Excluded[] }
    expect(body.pair.label).toBe('项目找专家')
    const ids = body.results.map((r) => r.id)
    expect(ids).toEqual(expect.arrayContaining([fit.id, commercial.id]))
    expect(ids).not.toContain(conflicted.id)
    expect(ids).not.toContain(secret.id)
    const best = body.results.find((r) => r.id === fit.id)!
    expect(best.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^命中关键词：/),
        '学科相同：材料科学与工程',
        '属于项目所需的技术验证智库',
        '未发现利益冲突',
      ]),
    )
    expect(best.subtitle).toContain('技术验证智库')
    const excluded = body.excluded.find((e) => e.id === conflicted.id)
    expect(excluded?.reasons[0]).toMatch(/^回避：/)

    // Another center sees the pool's projects but does not choose their reviewers.
    expect((await api().get(other.operator, `/api/v1/match/project/${project.id}/expert`)).statusCode).toBe(403)
  })

  it('matches only a project the caller may see', async () => {
    const { org } = await fx.center()
    const applicant = await fx.researcher()
    const project = await fx.project(applicant.session, org.id)
    const stranger = await fx.researcher()
    expect((await api().get(stranger.session, `/api/v1/match/project/${project.id}/expert`)).statusCode).toBe(404)
    expect((await api().get(null, `/api/v1/match/project/${project.id}/expert`)).statusCode).toBe(401)
    expect((await api().get(applicant.session, `/api/v1/match/project/${project.id}/nobody`)).statusCode).toBe(400)
    // Reviewers and their conflicts are for the center in charge and the officers, not the applicant.
    const own = await api().get(applicant.session, `/api/v1/match/project/${project.id}/expert`)
    expect(own.statusCode).toBe(403)
    expect(own.json().error.message).toContain('评审回避')
    expect((await api().get(applicant.session, `/api/v1/match/project/${project.id}/carrier`)).statusCode).toBe(200)
  })
})

describe('project → PoC centers and pilot platforms', () => {
  it('ranks by capability, field, level and distance from the project’s center, without its own center or secret carriers', async () => {
    const center = await newCenter(ctx.app())
    const project = await admittedProject(ctx.app(), center.orgId)
    const near = await newPilotPlatform(ctx.app(), {
      area: '330302',
      at: [120.7, 28.0],
      name: '温州电子皮肤触觉传感器中试平台',
      capability: '机器人电子皮肤与触觉传感器中试线',
      level: 'provincial',
    })
    const far = await newPilotPlatform(ctx.app(), { area: '350206', at: [118.15, 24.5], name: '厦门食品发酵中试平台' })
    const hiddenOrg = await createOrganization({ kind: 'pocCenter', jurisdictionCode: '330302' })
    const { carrier: hidden } = await createCarrier(systemActor('test'), {
      name: '保密的触觉传感概念验证中心',
      kind: 'pocCenter',
      subtype: 'specialized',
      industryCodes: ['wenzhou-5n:WZ-F-2'],
      address: '温州市鹿城区',
      longitude: 120.65,
      latitude: 28.01,
      capabilities: [{ name: '触觉传感器原理验证', category: 'principle' }],
      feeStandards: [],
      accreditationStatus: 'none',
      directors: [],
      introduction: '柔性触觉传感阵列与电子皮肤的原理验证。',
      confidentiality: 'secret',
      organizationId: hiddenOrg.id,
    })

    const res = await api().get(project.applicant, `/api/v1/match/project/${project.id}/carrier?limit=20`)
    expect(res.statusCode, res.body).toBe(200)
    const results = res.json().results as Result[]
    const ids = results.map((r) => r.id)
    expect(ids).toContain(near.carrierId)
    expect(ids).not.toContain(center.carrierId)
    expect(ids).not.toContain(hidden.id)
    if (ids.includes(far.carrierId)) expect(ids.indexOf(near.carrierId)).toBeLessThan(ids.indexOf(far.carrierId))
    const best = results.find((r) => r.id === near.carrierId)!
    expect(best.subtitle).toBe('中试平台 · 浙江省温州市鹿城区 · 省级')
    expect(best.why.distanceKm).toBeGreaterThan(0)
    expect(best.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^具备所需能力：.*中试/),
        '省级（已认定）',
        expect.stringMatching(/^距项目所在概念验证中心约 \d+ 公里$/),
      ]),
    )
  })
})

describe('verified project → investors', () => {
  it('ranks investors by stage, field and ticket size, with reasons, over the profiles the caller may see', async () => {
    const center = await newCenter(ctx.app())
    const project = await verifiedProject(ctx.app(), center)
    const fits = await newInvestor({})
    const later = await newInvestor({ stages: ['growth'] })
    const secret = await newInvestor({ confidentiality: 'secret' })

    const res = await api().get(center.session, `/api/v1/match/project/${project.id}/investor`)
    expect(res.statusCode, res.body).toBe(200)
    const results = res.json().results as Result[]
    const ids = results.map((r) => r.id)
    expect(ids).toContain(fits.org.id)
    expect(ids).not.toContain(later.org.id)
    expect(ids).not.toContain(secret.org.id)
    expect(results.find((r) => r.id === fits.org.id)!.reasons).toEqual([
      '投资阶段相符：项目技术成熟度 TRL 3，处于种子期；机构投种子期、天使轮',
      '关注产业相同：具身智能机器人',
      '关注方向命中：电子皮肤',
      '单笔投资 50–500 万元，覆盖项目预算 80 万元',
      '投资地域不限',
    ])
  })

  it('waits until the project is verified', async () => {
    const center = await newCenter(ctx.app())
    const project = await admittedProject(ctx.app(), center.orgId)
    await newInvestor({})
    const res = await api().get(center.session, `/api/v1/match/project/${project.id}/investor`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ results: [], note: expect.stringContaining('完成概念验证后') })
  })
})

describe('我的投资偏好', () => {
  it('lets an investor keep its own profile and explains refused fields in Chinese', async () => {
    const { session, profile } = await newInvestor({})
    expect(profile).toMatchObject({ exists: true, version: 1, stageLabels: ['种子期', '天使轮'] })
    const read = await api().get(session, '/api/v1/investors/me/profile')
    expect(read.json()).toMatchObject({ industries: [{ code: 'huzhou-1366:HZ-1-1', name: expect.any(String) }] })
    const bad = await ctx.app().inject({
      method: 'PUT',
      url: '/api/v1/investors/me/profile',
      headers: session.headers,
      payload: { ...pick(profile), ticketMinFen: 500_000_000, ticketMaxFen: 1 },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('单笔投资上限不能低于下限')
    const stale = await ctx.app().inject({
      method: 'PUT',
      url: '/api/v1/investors/me/profile',
      headers: session.headers,
      payload: { ...pick(profile), version: 0 },
    })
    expect(stale.statusCode).toBe(409)
    const researcher = await fx.researcher()
    expect((await api().get(researcher.session, '/api/v1/investors/me/profile')).statusCode).toBe(403)
  })
})

/** The writable fields of a profile view. */
function pick(p: Record<string, unknown>) {
  const keys = ['kind', 'stages', 'industryCodes', 'focusKeywords', 'ticketMinFen', 'ticketMaxFen', 'jurisdictionCodes']
  return Object.fromEntries([...keys, 'introduction', 'confidentiality'].map((k) => [k, p[k]]))
}
