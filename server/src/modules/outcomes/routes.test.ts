import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { client, newCenter, verifiedProject } from '../verification/testing'
import { MAX_OUTCOME_FEN } from './contracts'

const ctx = withTestApp()
const api = () => client(ctx.app())

describe('outcome statistics card', () => {
  it("gives a center its own organization's numbers and a city officer the city's", async () => {
    const center = await newCenter(ctx.app(), '330303')
    const project = await verifiedProject(ctx.app(), center)
    const today = todayInShanghai(now())
    const fee = await api().post(center.session, `/api/v1/projects/${project.id}/outcomes`, {
      kind: 'serviceFee',
      payer: '瓯越理工大学',
      item: '商业可行性验证服务',
      amountFen: 250_000,
      occurredOn: today,
    })
    expect(fee.statusCode, fee.body).toBe(201)
    const mine = await api().get(center.session, `/api/v1/outcome-statistics?from=${today}&to=${today}`)
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json()).toMatchObject({ scope: 'organization', admitted: 1, verified: 1, serviceRevenueFen: 250_000 })
    const city = await signIn(ctx.app(), await createAccount('cityOfficer'))
    const res = await api().get(city, `/api/v1/outcome-statistics?from=${today}&to=${today}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ scope: 'city', scopeName: '浙江省温州市' })
    expect(res.json().serviceRevenueFen).toBeGreaterThanOrEqual(250_000)
  })

  it('refuses a period that ends before it starts, and roles without a scope', async () => {
    const center = await newCenter(ctx.app())
    const backwards = await api().get(center.session, '/api/v1/outcome-statistics?from=2026-02-01&to=2026-01-01')
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error.details.fields[0]).toMatchObject({ message: '结束日期不能早于开始日期' })
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    expect((await api().get(researcher, '/api/v1/outcome-statistics?from=2026-01-01&to=2026-01-31')).statusCode).toBe(
      403,
    )
  })

  it('refuses an outcome amount above 100 亿元 or below zero, writing nothing', async () => {
    const center = await newCenter(ctx.app())
    const project = await verifiedProject(ctx.app(), center)
    const url = `/api/v1/projects/${project.id}/outcomes`
    const today = todayInShanghai(now())
    const funding = (amountFen: number) =>
      api().post(center.session, url, {
        kind: 'funding',
        investor: '温州科创基金',
        round: 'angel',
        relay: 'incubation',
        amountFen,
        occurredOn: today,
      })
    const typo = await funding(99_999_999_999 * 100)
    expect(typo.statusCode).toBe(400)
    expect(typo.json().error.details.fields[0]).toMatchObject({
      path: 'amountFen',
      message: '单笔金额不超过 100 亿元，请核对金额与单位（元）',
    })
    expect((await funding(MAX_OUTCOME_FEN + 1)).statusCode).toBe(400)
    const negative = await api().post(center.session, url, {
      kind: 'license',
      counterparty: '温州某机器人公司',
      amountFen: -100_000,
      occurredOn: today,
    })
    expect(negative.statusCode).toBe(400)
    expect(negative.json().error.details.fields[0]).toMatchObject({ path: 'amountFen', message: '金额不能为负' })
    expect((await api().get(center.session, url)).json()).toMatchObject({ items: [], fundingFen: 0 })
    expect((await api().get(center.session, `/api/v1/projects/${project.id}`)).json().status).toBe('verified')

    const largest = await funding(MAX_OUTCOME_FEN)
    expect(largest.statusCode, largest.body).toBe(201)
    expect(largest.json().summary).toContain('10,000,000,000 元')
  })

  it("lists the center's directors on the verification detail, for signing gates", async () => {
    const center = await newCenter(ctx.app())
    const project = await verifiedProject(ctx.app(), center)
    const detail = (await api().get(center.session, `/api/v1/projects/${project.id}/verification`)).json()
    expect(detail.directors).toEqual([
      { name: '陈明', role: 'administrative', roleLabel: '行政主任' },
      { name: '刘洋', role: 'technical', roleLabel: '技术主任' },
    ])
  })
})
