import { describe, expect, it } from 'vitest'
import { signIn, withTestApp } from '../../test/app'
import { achievementPayload, createAccount } from '../../test/factories'

const ctx = withTestApp()

// Filed under 工业机器人 (a chain, a leaf of 温州's system), so the chain counts can be checked.
const achievement = (confidentiality: 'public' | 'secret', title: string) =>
  achievementPayload(confidentiality, title, ['wenzhou-5n:WZ-4-3'])

const thisYear = () => {
  const shanghai = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  return { from: `${shanghai.slice(0, 4)}-01-01`, to: shanghai }
}

type Cockpit = {
  registries: { type: string; total: number; added: number; open: number | null }[]
  chains: { code: string; achievements: number }[]
  connect: { leads: number; events: number; signups: number }
}
const registry = (cockpit: Cockpit, type: string) => cockpit.registries.find((r) => r.type === type)!

describe('城市驾驶舱', () => {
  it('counts an area’s records under the list rules: a 保密 achievement counts for the city officer, not for a district officer of another organization', async () => {
    const app = ctx.app()
    const city = await signIn(app, await createAccount('cityOfficer'))
    const district = await signIn(app, await createAccount('districtOfficer'))
    const researcher = await signIn(app, await createAccount('researcher'))
    const read = async (headers: Record<string, string>, period = thisYear()) => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/cockpit', headers, query: period })
      expect(res.statusCode, res.body).toBe(200)
      return res.json() as Cockpit
    }
    const before = { city: await read(city.headers), district: await read(district.headers) }

    for (const [confidentiality, title] of [
      ['public', '工业机器人关节高精度运动控制算法'],
      ['secret', '保密的伺服驱动方案'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/achievements',
        headers: researcher.headers,
        payload: achievement(confidentiality, title),
      })
      expect(res.statusCode, res.body).toBe(201)
    }
    const lead = await app.inject({
      method: 'POST',
      url: '/api/v1/achievements',
      headers: researcher.headers,
      payload: achievement('public', '数控机床热误差实时补偿方法'),
    })
    const enterprise = await signIn(app, await createAccount('enterpriseUser'))
    const interested = await app.inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: enterprise.headers,
      payload: { recordType: 'achievement', recordId: lead.json().achievement.id, message: '希望了解许可条件' },
    })
    expect(interested.statusCode, interested.body).toBe(201)

    const after = { city: await read(city.headers), district: await read(district.headers) }
    const delta = (who: 'city' | 'district', field: 'total' | 'added') =>
      registry(after[who], 'achievement')[field] - registry(before[who], 'achievement')[field]
    expect([delta('city', 'total'), delta('city', 'added')]).toEqual([3, 3])
    expect([delta('district', 'total'), delta('district', 'added')]).toEqual([2, 2])
    // Filed under 工业机器人, one of 温州's chains: the same rule there.
    const robots = (c: Cockpit) => c.chains.find((x) => x.code === 'wenzhou-5n:WZ-4-3')!.achievements
    expect(robots(after.city) - robots(before.city)).toBe(3)
    expect(robots(after.district) - robots(before.district)).toBe(2)
    expect(after.city.connect.leads - before.city.connect.leads).toBe(1)
    expect(registry(after.city, 'demand').open).not.toBeNull()
    expect(registry(after.city, 'expert').open).toBeNull()

    // A past period: the records are there, none was added then.
    const past = await read(city.headers, { from: '2020-01-01', to: '2020-12-31' })
    expect(registry(past, 'achievement')).toMatchObject({ total: registry(after.city, 'achievement').total, added: 0 })
    expect(past.connect).toEqual({ leads: 0, events: 0, signups: 0 })
  })

  it('explains a bad period in Chinese, and is for officers only', async () => {
    const app = ctx.app()
    const city = await signIn(app, await createAccount('cityOfficer'))
    const cases: [Record<string, string>, string, string][] = [
      [{ from: '2026-12-31', to: '2026-01-01' }, 'to', '结束日期不能早于开始日期'],
      [{ from: '2026/01/01', to: '2026-12-31' }, 'from', '开始日期应为 YYYY-MM-DD 格式的有效日期'],
      [{ from: '2026-01-01', to: '2026-02-30' }, 'to', '结束日期应为 YYYY-MM-DD 格式的有效日期'],
      [{ from: '2026-13-45', to: '2026-12-31' }, 'from', '开始日期应为 YYYY-MM-DD 格式的有效日期'],
      [{ from: "2026-01-01' or 1=1 --", to: '2026-12-31' }, 'from', '开始日期应为 YYYY-MM-DD 格式的有效日期'],
      [{ from: '2026-01-01', to: '9'.repeat(10_000) }, 'to', '结束日期应为 YYYY-MM-DD 格式的有效日期'],
    ]
    for (const [query, path, message] of cases) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/cockpit', headers: city.headers, query })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.details.fields).toEqual([expect.objectContaining({ path, message })])
    }
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/v1/cockpit',
      headers: city.headers,
      query: { from: '2026-01-01', to: '2026-12-31', area: '000000' },
    })
    expect(unknown.statusCode).toBe(400)
    const period = { from: '2026-01-01', to: '2026-12-31' }
    expect((await app.inject({ method: 'GET', url: '/api/v1/cockpit', query: period })).statusCode).toBe(401)
    const researcher = await signIn(app, await createAccount('researcher'))
    const refused = await app.inject({
      method: 'GET',
      url: '/api/v1/cockpit',
      headers: researcher.headers,
      query: period,
    })
    expect(refused.statusCode).toBe(403)
  })
})
