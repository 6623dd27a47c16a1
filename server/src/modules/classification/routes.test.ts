import { describe, expect, it } from 'vitest'
import { withTestApp } from '../../test/app'

const ctx = withTestApp()
const classify = (payload: Record<string, unknown>) =>
  ctx.app().inject({ method: 'POST', url: '/api/v1/classify', payload })

describe('POST /api/v1/classify', () => {
  it('suggests 学科门类, 一级学科 and the area’s industry nodes without sign-in', async () => {
    const res = await classify({ text: '具身智能人形机器人关节力矩控制与灵巧手抓取', jurisdiction: '330500' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.category).toMatchObject({ label: '工学', confidence: expect.any(Number) })
    expect(body.discipline.label).toEqual(expect.any(String))
    expect(body.industries[0]).toMatchObject({ name: '具身智能机器人', code: expect.stringMatching(/:/) })
    expect(body.industries[0].confidence).toBeGreaterThan(0)
  })

  it('uses the systems of the area it is asked for', async () => {
    const huli = (await classify({ text: '集成电路设计 EDA 工具与芯片验证', jurisdiction: '350206' })).json()
    expect(huli.industries.map((i: { name: string }) => i.name)).toContain('集成电路设计')
  })

  it.each([
    {},
    { text: '' },
    { text: 'x'.repeat(8001) },
    { text: '芯片', jurisdiction: '3302' },
    { text: '芯片', extra: 1 },
  ])('rejects %j with 400', async (payload) => {
    const res = await classify(payload)
    expect(res.statusCode).toBe(400)
  })
})
