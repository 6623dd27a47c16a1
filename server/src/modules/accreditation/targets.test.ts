import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { resetClock } from '../../platform/clock/clock'
import { withTestApp } from '../../test/app'
import { organizations } from '../organizations/schema'
import { fillPool, registryCarrier, setToday } from './test-support'

const ctx = withTestApp()
afterAll(() => resetClock())

const get = async (url: string) => {
  const res = await ctx.app().inject({ method: 'GET', url })
  return { status: res.statusCode, body: res.json() }
}
type Item = {
  key: string
  current: number | null
  target: number | null
  series: { year: number; value: number | null }[]
}

beforeAll(async () => {
  setToday('2026-03-01')
  const hz = (
    name: string,
    area: string,
    industryCodes: string[],
    standing: Parameters<typeof registryCarrier>[0]['standing'],
    kind: 'pocCenter' | 'pilotPlatform' = 'pocCenter',
  ) => registryCarrier({ name, area, kind, industryCodes: industryCodes.map((c) => `huzhou-1366:${c}`), standing })
  const robots = await hz('湖州市具身智能机器人概念验证中心', '330502', ['HZ-1-1'], ['accredited', 'municipal', 2025])
  await hz('湖州市现代纺织概念验证中心', '330503', ['HZ-3-1'], ['accredited', 'municipal', 2026])
  await hz('湖州市人工智能概念验证中心', '330502', ['HZ-1'], ['accredited', 'provincial', 2025])
  const gone = await hz('湖州市生物医药概念验证中心', '330502', ['HZ-6-4'], ['accredited', 'municipal', 2025])
  await hz('湖州市新能源汽车概念验证中心', '330522', ['HZ-6-1'], ['applying', 'municipal', null])
  const platform = await hz(
    '湖州南太湖智能装备中试平台',
    '330502',
    ['HZ-6-2'],
    ['accredited', 'municipal', 2025],
    'pilotPlatform',
  )
  await hz('湖州新能源汽车零部件中试平台', '330522', ['HZ-6-1'], ['accredited', 'provincial', 2024], 'pilotPlatform')
  const handedOff = { count: 3, platformCarrierId: platform.carrier.id, platformOrgId: platform.org.id }
  await fillPool(robots.org.id, { admitted: 3, handedOff })
  setToday('2026-08-01')
  await db.update(organizations).set({ status: 'deregistered' }).where(eq(organizations.id, gone.org.id))
})

describe('targets and progress from the records (seed 002 “1620” and 中试平台目标)', () => {
  it('counts Huzhou’s accredited centers and platforms by level over time', async () => {
    const res = await get('/api/v1/targets?city=330500')
    expect(res.status).toBe(200)
    const item = (key: string) => res.body.items.find((i: Item) => i.key === key) as Item & Record<string, unknown>
    expect(item('huzhou.municipal')).toMatchObject({
      current: 2,
      target: 20,
      percent: 10,
      met: false,
      // 2025 counts the deregistered center (its accreditation ended only now); 2027 lies ahead.
      series: [
        { year: 2025, value: 2 },
        { year: 2026, value: 2 },
        { year: 2027, value: null },
      ],
    })
    expect(item('huzhou.provincial')).toMatchObject({ current: 1, target: 6 })
    expect(item('huzhou.national')).toMatchObject({ current: 0, target: 1 })
    expect(item('huzhou.municipal')).toMatchObject({ overdue: false })
    // 2025's target, not reached by its date: 未按期完成, not 推进中.
    expect(item('huzhou.pilot.municipal2025')).toMatchObject({
      overdue: true,
      current: 1,
      target: 10,
      series: [{ year: 2025, value: 1 }],
    })
    expect(item('huzhou.pilot.provincial')).toMatchObject({ current: 1, target: 4 })
    expect(item('huzhou.pilot.services')).toMatchObject({ current: 3, target: 300 })
    expect(item('huzhou.pilot.rdRatio')).toMatchObject({ current: null, target: null, met: null })
    expect(item('huzhou.coverage')).toMatchObject({ current: 5, target: 19 })
  })

  it('shows which chains have an accredited center and which do not', async () => {
    const res = await get('/api/v1/targets/coverage?city=330500')
    expect(res.body).toMatchObject({ systemCode: 'huzhou-1366', total: 19, covered: 5 })
    const leaf = (name: string) => res.body.leaves.find((l: { name: string }) => l.name === name)
    expect(leaf('具身智能机器人').centers.map((c: { name: string; via: string | null }) => [c.name, c.via])).toEqual([
      ['湖州市具身智能机器人概念验证中心', null],
      ['湖州市人工智能概念验证中心', '人工智能'],
    ])
    expect(leaf('智能驾驶')).toMatchObject({ covered: true, path: '先导产业 / 人工智能' })
    expect(leaf('生物医药').covered).toBe(false)
    expect(leaf('新能源汽车').covered).toBe(false)
  })

  it('reads a district as its city and explains what the platform cannot measure', async () => {
    const res = await get('/api/v1/targets?city=330302')
    expect(res.body.cityName).toBe('温州市')
    const institutions = res.body.items.find((i: Item) => i.key === 'wenzhou.institutions')
    expect(institutions.explanation[0]).toMatch(/^不由平台计算：平台未登记/)
    expect(res.body.items.find((i: Item) => i.key === 'wenzhou.municipal').target).toBe(30)
  })
})
