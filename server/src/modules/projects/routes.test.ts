import { describe, expect, it } from 'vitest'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'

const ctx = withTestApp()

async function setup() {
  const center = await createOrganization({
    kind: 'pocCenter',
    jurisdictionCode: '330303',
    name: `温州市测试概念验证中心${Math.random()}`,
  })
  const otherCenter = await createOrganization({ kind: 'pocCenter', jurisdictionCode: '330302' })
  const farCenter = await createOrganization({ kind: 'pocCenter', jurisdictionCode: '330502' })
  const researcher = await signIn(ctx.app(), await createAccount('researcher'))
  const operator = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: center.id }))
  const sameCity = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: otherCenter.id }))
  const otherCity = await signIn(ctx.app(), await createAccount('centerOperator', { orgId: farCenter.id }))
  return { center, researcher, operator, sameCity, otherCity }
}

const application = (centerOrgId: string, extra: Record<string, unknown> = {}) => ({
  title: '柔性电子皮肤触觉传感阵列',
  summary:
    '基于液态金属与弹性体的柔性触觉传感阵列，面向机器人电子皮肤，已完成实验室原理样件，需要开展技术与工艺可行性验证。',
  channel: 'application',
  centerOrgId,
  team: [{ name: '李教授', role: '负责人' }],
  requestedTypes: ['principle', 'technical'],
  budgetFen: 50_000_000,
  trl: 3,
  ...extra,
})

const get = (s: Session, id: string) =>
  ctx.app().inject({ method: 'GET', url: `/api/v1/projects/${id}`, headers: s.headers })

describe('proof-of-concept project pool', () => {
  it('takes a researcher’s application into the 1+N pool: the center and the city’s other centers see it, another city’s do not', async () => {
    const { center, researcher, operator, sameCity, otherCity } = await setup()
    const res = await ctx
      .app()
      .inject({ method: 'POST', url: '/api/v1/projects', headers: researcher.headers, payload: application(center.id) })
    expect(res.statusCode, res.body).toBe(201)
    const project = res.json()
    expect(project).toMatchObject({
      status: 'submitted',
      statusLabel: '已申报',
      channelLabel: '科研人员申报',
      requestedTypeLabels: ['原理验证', '技术与工艺可行性验证'],
    })
    expect((await get(operator, project.id)).json()).toMatchObject({ canManage: true })
    expect((await get(sameCity, project.id)).json()).toMatchObject({ canManage: false })
    expect((await get(otherCity, project.id)).statusCode).toBe(404)
  })

  it('refuses a budget of nothing or past 10 亿元, saying so, and keeps nothing', async () => {
    const { center, researcher } = await setup()
    for (const [budgetFen, message] of [
      [0, '验证预算应大于 0'],
      [-1000, '金额不能为负'],
      [100_000_000_001, '验证预算不超过 10 亿元'],
    ] as const) {
      const res = await ctx.app().inject({
        method: 'POST',
        url: '/api/v1/projects',
        headers: researcher.headers,
        payload: application(center.id, { title: `预算校验用项目${budgetFen}`, budgetFen }),
      })
      expect(res.statusCode, String(budgetFen)).toBe(400)
      expect(res.json().error.details.fields).toContainEqual({ path: 'budgetFen', message })
    }
    const mine = await ctx.app().inject({ method: 'GET', url: '/api/v1/projects', headers: researcher.headers })
    expect(JSON.stringify(mine.json())).not.toContain('预算校验用项目')
  })

  it('lets the center return it for correction with a reason, and the applicant resubmit', async () => {
    const { center, researcher, operator } = await setup()
    const project = (
      await ctx.app().inject({
        method: 'POST',
        url: '/api/v1/projects',
        headers: researcher.headers,
        payload: application(center.id),
      })
    ).json()
    const noReason = await ctx.app().inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/transition`,
      headers: operator.headers,
      payload: { to: 'returned', version: 1 },
    })
    expect(noReason.statusCode).toBe(400)
    const back = await ctx.app().inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/transition`,
      headers: operator.headers,
      payload: { to: 'returned', note: '请补充样件测试数据', version: 1 },
    })
    expect(back.json()).toMatchObject({ status: 'returned', statusNote: '请补充样件测试数据', canEdit: false })
    const byResearcher = await ctx.app().inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/transition`,
      headers: researcher.headers,
      payload: { to: 'rejected', note: 'x', version: 2 },
    })
    expect(byResearcher.statusCode).toBe(403)
    const edited = await ctx.app().inject({
      method: 'PATCH',
      url: `/api/v1/projects/${project.id}`,
      headers: researcher.headers,
      payload: { trl: 4, version: 2 },
    })
    expect(edited.json().trl).toBe(4)
    const again = await ctx.app().inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/transition`,
      headers: researcher.headers,
      payload: { to: 'submitted', version: 3 },
    })
    expect(again.json().status).toBe('submitted')
    const detail = (await get(researcher, project.id)).json()
    expect(detail.events.map((e: { to: string }) => e.to)).toEqual(['submitted', 'returned', 'submitted'])
  })

  it('accepts projects through an open 征集 call only, and channels only for the roles they fit', async () => {
    const { center, researcher, operator } = await setup()
    const call = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/solicitations',
      headers: operator.headers,
      payload: {
        title: '2026 年苗圃计划项目征集',
        description: '面向高校院所征集具有产业化潜力的早期科技成果。',
        requirements: '项目申报书、团队简介',
        deadline: addDays(todayInShanghai(now()), 30),
      },
    })
    expect(call.statusCode, call.body).toBe(201)
    const viaCall = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: researcher.headers,
      payload: application(center.id, { channel: 'solicitation', solicitationId: call.json().id }),
    })
    expect(viaCall.json().channelLabel).toBe('征集申报')
    const missing = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: researcher.headers,
      payload: application(center.id, { channel: 'solicitation' }),
    })
    expect(missing.statusCode).toBe(400)
    const wrongRole = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: researcher.headers,
      payload: application(center.id, { channel: 'fundRequest' }),
    })
    expect(wrongRole.statusCode).toBe(403)
    const notCenter = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: researcher.headers,
      payload: application((await createOrganization()).id),
    })
    expect(notCenter.statusCode).toBe(400)
  })

  it('filters the pool by channel and industry, and lists the centers an applicant may choose', async () => {
    const { center, researcher, operator } = await setup()
    const apply = (extra: Record<string, unknown>) =>
      ctx.app().inject({
        method: 'POST',
        url: '/api/v1/projects',
        headers: researcher.headers,
        payload: application(center.id, extra),
      })
    const tagged = (await apply({ title: '带产业标签的项目', industryCodes: ['x:IND-1'] })).json()
    await apply({ title: '没有产业标签的项目' })
    const list = (query: string) =>
      ctx.app().inject({ method: 'GET', url: `/api/v1/projects?scope=center&${query}`, headers: operator.headers })
    const byIndustry = (await list('industry=x:IND-1')).json()
    expect(byIndustry.items.map((p: { id: string }) => p.id)).toEqual([tagged.id])
    expect((await list('channel=application')).json().total).toBe(2)
    expect((await list('channel=fundRequest')).json().total).toBe(0)
    expect((await list('channel=nope')).statusCode).toBe(400)
    const centers = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/projects/centers', headers: researcher.headers })
    expect(centers.statusCode).toBe(200)
    expect(centers.json().items.map((c: { id: string }) => c.id)).toContain(center.id)
  })
})
