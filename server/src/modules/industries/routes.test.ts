import { describe, expect, it } from 'vitest'
import { withTestApp } from '../../test/app'

const ctx = withTestApp()
const list = (query = '') => ctx.app().inject({ method: 'GET', url: `/api/v1/industry-systems${query}` })

describe('GET /api/v1/industry-systems', () => {
  it('gives an area its own system, its city’s and the national one, without sign-in', async () => {
    const res = await list('?jurisdiction=350206')
    expect(res.statusCode).toBe(200)
    const jurisdictions = res.json().items.map((s: { jurisdictionCode: string }) => s.jurisdictionCode)
    expect(jurisdictions).toEqual(['350206', '350200', '000000'])
  })

  it('offers 湖州 “1366” with 具身智能机器人 among its nodes', async () => {
    const [huzhou] = (await list('?jurisdiction=330500')).json().items
    expect(huzhou.jurisdictionCode).toBe('330500')
    expect(huzhou.nodes.map((n: { name: string }) => n.name)).toContain('具身智能机器人')
  })

  it('lists every active system when no area is given', async () => {
    expect((await list()).json().items.length).toBeGreaterThanOrEqual(5)
  })

  it.each(['?jurisdiction=3305', '?jurisdiction=abcdef', '?other=1'])('rejects %s with 400', async (query) => {
    expect((await list(query)).statusCode).toBe(400)
  })
})
