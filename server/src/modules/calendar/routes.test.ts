import { describe, expect, it } from 'vitest'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'

const ctx = withTestApp()
const get = (query: string) => ctx.app().inject({ method: 'GET', url: `/api/v1/calendar/workdays?${query}` })

const year2027 = {
  year: 2027,
  source: '测试用安排（非官方）',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  adjustedWorkdays: ['2027-01-09'],
}

describe('GET /api/v1/calendar/workdays', () => {
  it('answers the contract without sign-in', async () => {
    const res = await get('from=2026-09-24&count=3')
    expect(res.statusCode).toBe(200)
    // 09-25..09-27 中秋, 09-28 Monday.
    expect(res.json()).toEqual({
      from: '2026-09-24',
      to: '2026-09-29',
      workdays: ['2026-09-24', '2026-09-28', '2026-09-29'],
    })
  })

  it('answers 422 CALENDAR_YEAR_MISSING for a year with no loaded arrangement', async () => {
    const res = await get('from=2027-03-01&count=5')
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', details: { year: 2027 } })
    expect(res.json().error.message).toContain('2027 年节假日安排尚未发布')
  })

  it.each([
    'from=2026-02-30&count=5',
    'from=2026/03/01&count=5',
    'from=&count=5',
    'count=5',
    'from=2026-03-01&count=0',
    'from=2026-03-01&count=abc',
    'from=2026-03-01&count=1.5',
    'from=2026-03-01&count=367',
    'from=2026-03-01&count=5&extra=1',
  ])('answers 400 for %s', async (query) => {
    const res = await get(query)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('uses a year once the system administrator loads it, and checks the year first', async () => {
    const admin = await signIn(ctx.app(), await createAccount('systemAdmin'))
    const mismatch = await ctx
      .app()
      .inject({ method: 'PUT', url: '/api/v1/calendar/years/2028', headers: admin.headers, payload: year2027 })
    expect(mismatch.statusCode).toBe(400)
    const wrongWeekday = await ctx.app().inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: admin.headers,
      payload: { ...year2027, adjustedWorkdays: ['2027-01-04'] },
    })
    expect(wrongWeekday.statusCode).toBe(400)
    expect((await get('from=2027-01-01&count=1')).statusCode).toBe(422)
    const loaded = await ctx
      .app()
      .inject({ method: 'PUT', url: '/api/v1/calendar/years/2027', headers: admin.headers, payload: year2027 })
    expect(loaded.json()).toEqual({ year: 2027, replaced: false })
    expect((await get('from=2027-01-01&count=2')).json().workdays).toEqual(['2027-01-04', '2027-01-05'])
    expect((await get('from=2026-12-31&count=2')).json().workdays).toEqual(['2026-12-31', '2027-01-04'])
  })
})
