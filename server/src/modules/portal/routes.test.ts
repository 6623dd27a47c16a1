import { describe, expect, it } from 'vitest'
import { signIn, withTestApp } from '../../test/app'
import { createAccount, createOrganization } from '../../test/factories'
import { archiveRecord, CATALOGUE_FILTERS, createPortalRecord, PORTAL_PATHS, PORTAL_TYPE_LIST } from './record-fixtures'
import type { PortalType } from './service'

const ctx = withTestApp()

const get = (url: string) => ctx.app().inject({ method: 'GET', url })
type Summary = {
  totals: { type: string; count: number }[]
  chains: { code: string; name: string; counts: Record<string, number> }[]
}
const summary = async (city = '330300') => (await get(`/api/v1/portal/summary?city=${city}`)).json() as Summary
const total = (s: Summary, type: PortalType) => s.totals.find((t) => t.type === type)!.count
/** The catalogue a visitor sees for a kind in a city, as the portal's search page asks for it. */
const catalogue = async (type: PortalType, query: string) =>
  (await get(`${PORTAL_PATHS[type]}?jurisdiction=330300${CATALOGUE_FILTERS[type]}&pageSize=50${query}`)).json() as {
    items: { id: string }[]
    total: number
  }
const match = (text: string, city: string) =>
  ctx.app().inject({ method: 'POST', url: '/api/v1/portal/match', payload: { text, city } })

describe('archived records on the public portal', () => {
  it.each(PORTAL_TYPE_LIST)(
    'takes an archived %s out of the catalogue, the counts and its portal page',
    async (type) => {
      const title = `归档测试${type}记录甲`
      const { id, owner } = await createPortalRecord(ctx.app(), type, title)
      const before = await summary()
      expect((await get(`/api/v1/portal/${type}/${id}`)).statusCode).toBe(200)
      expect((await catalogue(type, `&q=${encodeURIComponent(title)}`)).items.map((i) => i.id)).toContain(id)

      await archiveRecord(ctx.app(), type, id, owner)

      const page = await get(`/api/v1/portal/${type}/${id}`)
      expect(page.statusCode).toBe(404)
      expect(page.json().error.message).toMatch(/已归档，不再公开$/)
      expect(page.json().error.details).toMatchObject({ archived: true })
      expect((await catalogue(type, `&q=${encodeURIComponent(title)}`)).items.map((i) => i.id)).not.toContain(id)
      expect(total(await summary(), type)).toBe(total(before, type) - 1)
    },
  )

  it('answers an archived record the visitor may not see with the plain 404, not its archived state', async () => {
    const { id, owner } = await createPortalRecord(ctx.app(), 'achievement', '内部归档的成果', {
      confidentiality: 'internal',
    })
    await archiveRecord(ctx.app(), 'achievement', id, owner)
    const page = await get(`/api/v1/portal/achievement/${id}`)
    expect(page.statusCode).toBe(404)
    expect(page.json().error.message).not.toMatch(/归档/)
  })

  it('leaves an archived achievement out of 为我匹配', async () => {
    const kept = await createPortalRecord(ctx.app(), 'achievement', '钙钛矿叠层光伏组件封装工艺')
    const gone = await createPortalRecord(ctx.app(), 'achievement', '钙钛矿叠层光伏电池界面钝化')
    await archiveRecord(ctx.app(), 'achievement', gone.id, gone.owner)
    const res = await match('钙钛矿叠层光伏', '330300')
    expect(res.statusCode).toBe(200)
    const ids = res.json().results.map((r: { id: string }) => r.id)
    expect(ids).toContain(kept.id)
    expect(ids).not.toContain(gone.id)
  })
})

describe('portal home counts by industry chain', () => {
  it('counts on every chain what the catalogue of that kind, filtered by the chain, lists', async () => {
    await createPortalRecord(ctx.app(), 'demand', '机器人焊接工作站视觉引导需求')
    await createPortalRecord(ctx.app(), 'carrier', '工业机器人中试验证平台')
    const home = await summary()
    const robot = home.chains.find((c) => c.code === 'wenzhou-5n:WZ-4-3')!
    expect(robot.counts.demand).toBeGreaterThan(0)
    expect(robot.counts.carrier).toBeGreaterThan(0)
    for (const chain of home.chains) {
      for (const type of PORTAL_TYPE_LIST.filter((t) => (chain.counts[t] ?? 0) > 0)) {
        const listed = await catalogue(type, `&industry=${encodeURIComponent(chain.code)}`)
        expect({ chain: chain.name, type, total: listed.total }).toEqual({
          chain: chain.name,
          type,
          total: chain.counts[type],
        })
      }
    }
  })

  it('counts only bookable instruments, as the catalogue lists them', async () => {
    await createPortalRecord(ctx.app(), 'instrument', '维护中的激光共聚焦显微镜', { availability: 'maintenance' })
    await createPortalRecord(ctx.app(), 'instrument', '可预约的X射线衍射仪')
    expect(total(await summary(), 'instrument')).toBe((await catalogue('instrument', '')).total)
  })
})

describe('为我匹配 on the portal', () => {
  it('answers only achievements of the selected city, as its catalogue does', async () => {
    const inCity = async (area: string, title: string) => {
      const org = await createOrganization({ kind: 'university', jurisdictionCode: area })
      const owner = await signIn(ctx.app(), await createAccount('researcher', { orgId: org.id }))
      const res = await ctx.app().inject({
        method: 'POST',
        url: '/api/v1/achievements',
        headers: owner.headers,
        payload: {
          title,
          summary: '碳化硅功率器件的外延生长与栅氧可靠性工艺，降低导通电阻，适用于新能源汽车电驱与光伏逆变器。',
          keywords: ['碳化硅'],
          trl: 5,
          maturity: 'sample',
          transferModes: ['license'],
          confidentiality: 'public',
        },
      })
      return res.json().achievement.id as string
    }
    const wenzhou = await inCity('330302', '碳化硅外延片缺陷控制（温州）')
    const huzhou = await inCity('330502', '碳化硅功率模块封装（湖州）')
    const xiamen = await inCity('350203', '碳化硅衬底切割工艺（厦门）')
    const ids = async (city: string) => {
      const res = await match('我们需要碳化硅功率器件的工艺方案', city)
      expect(res.statusCode).toBe(200)
      return res.json().results.map((r: { id: string }) => r.id) as string[]
    }
    const all = [wenzhou, huzhou, xiamen]
    const ofCity = async (city: string) => (await ids(city)).filter((id) => all.includes(id))
    expect(await ofCity('330300')).toEqual([wenzhou])
    expect(await ofCity('330500')).toEqual([huzhou])
    expect(await ofCity('350200')).toEqual([xiamen])
    const noCity = await ctx
      .app()
      .inject({ method: 'POST', url: '/api/v1/portal/match', payload: { text: '碳化硅功率器件' } })
    expect(noCity.statusCode).toBe(400)
    expect(noCity.json().error.message).toMatch(/请选择城市/)
  })

  it('never shows a 保密 achievement to a visitor or another organization, on its portal page or in 为我匹配', async () => {
    const org = await createOrganization({ kind: 'university', jurisdictionCode: '330302' })
    const owner = await signIn(ctx.app(), await createAccount('researcher', { orgId: org.id }))
    const created = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/achievements',
      headers: owner.headers,
      payload: {
        title: '保密的氮化镓射频芯片封装工艺',
        summary: '氮化镓射频功率芯片的低热阻封装工艺，面向基站功放模块，已完成样品验证，热阻降低三成以上。',
        keywords: ['氮化镓'],
        trl: 5,
        maturity: 'sample',
        transferModes: ['license'],
        confidentiality: 'secret',
      },
    })
    const id = created.json().achievement.id as string
    const other = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    for (const [who, headers] of [
      ['visitor', {}],
      ['other organization', other.headers],
    ] as const) {
      const page = await ctx.app().inject({ method: 'GET', url: `/api/v1/portal/achievement/${id}`, headers })
      expect(page.statusCode, who).toBe(404)
      expect(page.body, who).not.toContain('氮化镓射频芯片')
      const found = await ctx.app().inject({
        method: 'POST',
        url: '/api/v1/portal/match',
        headers,
        payload: { text: '氮化镓射频芯片封装', city: '330300' },
      })
      expect(found.statusCode, who).toBe(200)
      expect(
        found.json().results.map((r: { id: string }) => r.id),
        who,
      ).not.toContain(id)
    }
    const own = await ctx
      .app()
      .inject({ method: 'GET', url: `/api/v1/portal/achievement/${id}`, headers: owner.headers })
    expect(own.statusCode).toBe(200)
  })
})
