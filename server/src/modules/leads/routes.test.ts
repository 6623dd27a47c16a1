import { and, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { archiveRecord, createPortalRecord, PORTAL_TYPE_LIST } from '../portal/record-fixtures'
import { leads } from './schema'

const ctx = withTestApp()

const achievement = {
  title: '石墨烯导热膜连续化制备',
  summary: '采用卷对卷化学气相沉积连续制备石墨烯导热膜，热导率超过一千五百瓦每米开尔文，可用于消费电子散热。',
  trl: 5,
  maturity: 'sample',
  transferModes: ['license'],
  confidentiality: 'public',
}

describe('我有意向 leads', () => {
  it('turns a signed-in person’s interest into a lead the owner receives, once', async () => {
    const owner = await signIn(ctx.app(), await createAccount('researcher'))
    const created = (
      await ctx
        .app()
        .inject({ method: 'POST', url: '/api/v1/achievements', headers: owner.headers, payload: achievement })
    ).json().achievement
    const visitor = await ctx
      .app()
      .inject({ method: 'POST', url: '/api/v1/leads', payload: { recordType: 'achievement', recordId: created.id } })
    expect(visitor.statusCode).toBe(401)
    const buyer = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const lead = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: buyer.headers,
      payload: { recordType: 'achievement', recordId: created.id, message: '希望洽谈许可' },
    })
    expect(lead.statusCode).toBe(201)
    const twice = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: buyer.headers,
      payload: { recordType: 'achievement', recordId: created.id },
    })
    expect(twice.statusCode).toBe(409)
    // The owner's inbox has one message for it (the refused second attempt sends none).
    const inbox = (
      await ctx.app().inject({ method: 'GET', url: '/api/v1/notifications?status=unread', headers: owner.headers })
    ).json()
    expect(inbox.items.filter((n: { kind: string }) => n.kind === 'lead.new')).toEqual([
      expect.objectContaining({
        title: `收到新的合作意向：${achievement.title}`,
        body: expect.stringContaining('留言：希望洽谈许可'),
        link: '/leads',
      }),
    ])
    const received = (
      await ctx.app().inject({ method: 'GET', url: '/api/v1/leads?box=received', headers: owner.headers })
    ).json()
    expect(received.items[0]).toMatchObject({
      recordTitle: achievement.title,
      message: '希望洽谈许可',
      status: 'new',
      recordTypeLabel: '科技成果',
    })
    const done = await ctx.app().inject({
      method: 'POST',
      url: `/api/v1/leads/${received.items[0].id}/status`,
      headers: owner.headers,
      payload: { status: 'contacted' },
    })
    expect(done.json().status).toBe('contacted')
  })

  it('does not let interest reveal a 保密 record', async () => {
    const owner = await signIn(ctx.app(), await createAccount('researcher'))
    const hidden = (
      await ctx.app().inject({
        method: 'POST',
        url: '/api/v1/achievements',
        headers: owner.headers,
        payload: { ...achievement, title: '保密的热管理方案', confidentiality: 'secret' },
      })
    ).json().achievement
    const buyer = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: buyer.headers,
      payload: { recordType: 'achievement', recordId: hidden.id },
    })
    expect(res.statusCode).toBe(404)
  })
})

describe('我有意向 on an archived record', () => {
  it.each(PORTAL_TYPE_LIST)('refuses interest in an archived %s with the reason, and writes nothing', async (type) => {
    const { id, owner } = await createPortalRecord(ctx.app(), type, `已归档的${type}意向测试`)
    await archiveRecord(ctx.app(), type, id, owner)
    const buyer = await signIn(ctx.app(), await createAccount('expert'))
    const res = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/leads',
      headers: buyer.headers,
      payload: { recordType: type, recordId: id, message: '希望对接' },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.message).toMatch(/已归档，不再接受意向$/)
    const [written] = await db
      .select({ n: count() })
      .from(leads)
      .where(and(eq(leads.recordType, type), eq(leads.recordId, id)))
    expect(Number(written!.n)).toBe(0)
    const received = await ctx
      .app()
      .inject({ method: 'GET', url: '/api/v1/leads?box=received', headers: owner.headers })
    expect(received.json().items).toEqual([])
  })
})

describe('public portal summary', () => {
  it('counts only 公开 records of the city, by chain of its own industry system', async () => {
    const res = await ctx.app().inject({ method: 'GET', url: '/api/v1/portal/summary?city=330500' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.system.code).toBe('huzhou-1366')
    expect(body.chains.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['具身智能机器人', '现代纺织', '前沿电池']),
    )
    expect((await ctx.app().inject({ method: 'GET', url: '/api/v1/portal/summary?city=110000' })).statusCode).toBe(400)
  })
})
