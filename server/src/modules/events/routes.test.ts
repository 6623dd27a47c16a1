import { and, count, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { advanceClock, resetClock } from '../../platform/clock/clock'
import { signIn, withTestApp } from '../../test/app'
import { achievementPayload, createAccount, validUscc } from '../../test/factories'
import { matchFeedback } from '../matching/schema'
import { matchmakingEvents } from './schema'

const ctx = withTestApp()
afterEach(() => resetClock())

const inDays = (days: number, hours = 0) => new Date(Date.now() + (days * 24 + hours) * 3_600_000).toISOString()
const roadshow = (featured: { recordType: 'achievement' | 'demand'; recordId: string }[] = []) => ({
  kind: 'roadshow',
  title: '温州市概念验证成果专项路演（智能装备专场）',
  description: '经概念验证中心验证的智能装备项目集中路演，邀请产业链龙头企业与投资机构现场对接。',
  venue: '温州市科技大市场三楼路演厅',
  startsAt: inDays(10),
  endsAt: inDays(10, 3),
  signupDeadline: inDays(8),
  capacity: 50,
  featured,
})
const achievement = (confidentiality: 'public' | 'secret', title?: string) => achievementPayload(confidentiality, title)

async function people() {
  const app = ctx.app()
  const researcher = await signIn(app, await createAccount('researcher'))
  const center = await signIn(app, await createAccount('centerOperator'))
  const officer = await signIn(app, await createAccount('cityOfficer'))
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/achievements',
    headers: researcher.headers,
    payload: achievement('public'),
  })
  expect(created.statusCode, created.body).toBe(201)
  return { app, researcher, center, officer, achievementId: created.json().achievement.id as string }
}

async function publish(app: ReturnType<typeof ctx.app>, headers: Record<string, string>, body: object) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/events', headers, payload: body })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; status: string; signupCount: number }
}

const eventCount = async () => Number((await db.select({ n: count() }).from(matchmakingEvents))[0]!.n)

describe('路演 / 对接会', () => {
  it('publishes a roadshow anyone can read; an enterprise signs up for an achievement, which reaches its owner and the matching', async () => {
    const { app, researcher, center, officer, achievementId } = await people()
    const enterprise = await app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: officer.headers,
      payload: {
        name: '温州瓯江智能装备有限公司',
        uscc: validUscc(),
        jurisdictionCode: '330304',
        tiers: [{ tier: 'highTech', year: 2023, level: 'national' }],
        industryCodes: ['wenzhou-5n:WZ-4'],
        mainProducts: ['工业机器人', '数控机床'],
        keywords: ['运动控制'],
        description: '专注于中小型工业机器人与智能产线集成，关节运动控制与伺服系统。',
        confidentiality: 'public',
      },
    })
    expect(enterprise.statusCode, enterprise.body).toBe(201)
    const enterpriseId = (enterprise.json().enterprise ?? enterprise.json()).id as string
    const buyer = await signIn(app, await createAccount('enterpriseUser', { orgId: enterpriseId }))

    const event = await publish(app, center.headers, roadshow([{ recordType: 'achievement', recordId: achievementId }]))
    expect(event.status).toBe('open')

    const visitorList = await app.inject({ method: 'GET', url: '/api/v1/events?city=330300' })
    expect(visitorList.statusCode).toBe(200)
    const listed = visitorList.json().items.find((e: { id: string }) => e.id === event.id)
    expect(listed).toMatchObject({
      kind: 'roadshow',
      featured: [{ recordType: 'achievement', recordId: achievementId, title: '工业机器人关节高精度运动控制算法' }],
      mySignup: null,
      organizedByMe: false,
    })
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/events/${event.id}/signups`, payload: {} })).statusCode,
    ).toBe(401)

    const signed = await app.inject({
      method: 'POST',
      url: `/api/v1/events/${event.id}/signups`,
      headers: buyer.headers,
      payload: { interestedRecordIds: [achievementId], contactName: '陈经理', contactPhone: '0577-88990011' },
    })
    expect(signed.statusCode, signed.body).toBe(201)
    expect(signed.json()).toMatchObject({
      signupCount: 1,
      mySignup: { status: 'registered', interestedRecordIds: [achievementId] },
    })

    // The organizer reads the list with contacts; another center and the enterprise itself may not.
    const list = await app.inject({ method: 'GET', url: `/api/v1/events/${event.id}/signups`, headers: center.headers })
    expect(list.json().items).toEqual([
      expect.objectContaining({
        orgName: '温州瓯江智能装备有限公司',
        contactName: '陈经理',
        contactPhone: '0577-88990011',
        interested: ['工业机器人关节高精度运动控制算法'],
        status: 'registered',
      }),
    ])
    const otherCenter = await signIn(app, await createAccount('centerOperator'))
    for (const headers of [otherCenter.headers, buyer.headers])
      expect((await app.inject({ method: 'GET', url: `/api/v1/events/${event.id}/signups`, headers })).statusCode).toBe(
        403,
      )

    // The achievement's owner receives a lead; the match 成果找企业 records the sign-up.
    const received = (
      await app.inject({ method: 'GET', url: '/api/v1/leads?box=received', headers: researcher.headers })
    ).json()
    expect(received.items[0]).toMatchObject({
      recordId: achievementId,
      fromOrgName: '温州瓯江智能装备有限公司',
      message: '报名「温州市概念验证成果专项路演（智能装备专场）」时表示有意向',
    })
    const feedback = await db
      .select()
      .from(matchFeedback)
      .where(and(eq(matchFeedback.fromType, 'achievement'), eq(matchFeedback.fromKey, achievementId)))
    expect(feedback.map((r) => [r.toType, r.toId, r.kind])).toEqual([['enterprise', enterpriseId, 'signup']])

    // 我报名的 and 我主办的.
    const joined = await app.inject({ method: 'GET', url: '/api/v1/events?scope=joined', headers: buyer.headers })
    expect(joined.json().items.map((e: { id: string }) => e.id)).toEqual([event.id])
    const organized = await app.inject({
      method: 'GET',
      url: '/api/v1/events?scope=organized',
      headers: center.headers,
    })
    expect(organized.json().items.map((e: { id: string; organizedByMe: boolean }) => [e.id, e.organizedByMe])).toEqual([
      [event.id, true],
    ])
  })

  it('refuses an event that is badly timed or features a record that is not public, and writes nothing', async () => {
    const { app, researcher, center } = await people()
    const secret = await app.inject({
      method: 'POST',
      url: '/api/v1/achievements',
      headers: researcher.headers,
      payload: achievement('secret', '保密的伺服驱动方案'),
    })
    const secretId = secret.json().achievement.id as string
    const before = await eventCount()
    const cases: [object, string, string][] = [
      [{ endsAt: inDays(9) }, 'endsAt', '结束时间应晚于开始时间'],
      [{ signupDeadline: inDays(11) }, 'signupDeadline', '报名截止时间不能晚于活动开始时间'],
      [{ signupDeadline: inDays(-1) }, 'signupDeadline', '报名截止时间应晚于现在'],
      [{ startsAt: '下周一' }, 'startsAt', '开始时间格式不正确'],
      [{ capacity: 0 }, 'capacity', '名额至少为 1'],
      [{ kind: 'party' }, 'kind', '请选择活动类型（路演或对接会）'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', '线上地址应为 http(s) 网址'],
      [
        { featured: [{ recordType: 'achievement', recordId: secretId }] },
        'featured.0.recordId',
        '该记录不存在或不是公开记录，不能在公开活动中推介',
      ],
    ]
    for (const [change, path, message] of cases) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: center.headers,
        payload: { ...roadshow(), ...change },
      })
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400)
      expect(res.json().error.details.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, message })]),
      )
    }
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/events', headers: researcher.headers, payload: roadshow() }))
        .statusCode,
    ).toBe(403)
    expect(await eventCount()).toBe(before)
  })

  it('keeps sign-ups to the rules: featured records only, once, within capacity (read as 名额已满 while full), before the deadline, not cancelled', async () => {
    const { app, center, achievementId } = await people()
    const event = await publish(app, center.headers, {
      ...roadshow([{ recordType: 'achievement', recordId: achievementId }]),
      kind: 'matchmaking',
      capacity: 1,
      signupDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
    })
    const url = `/api/v1/events/${event.id}/signups`
    const contact = { contactName: '林工', contactPhone: '13800001111' }
    const first = await signIn(app, await createAccount('investor'))
    const second = await signIn(app, await createAccount('enterpriseUser'))

    const stranger = await app.inject({
      method: 'POST',
      url,
      headers: first.headers,
      payload: { ...contact, interestedRecordIds: [crypto.randomUUID()] },
    })
    expect(stranger.statusCode).toBe(400)
    expect(stranger.json().error.details.fields[0]).toMatchObject({ message: '只能选择本活动推介的项目' })
    const badPhone = await app.inject({
      method: 'POST',
      url,
      headers: first.headers,
      payload: { ...contact, contactPhone: '电话' },
    })
    expect(badPhone.statusCode).toBe(400)

    const status = async () => (await app.inject({ method: 'GET', url: `/api/v1/events/${event.id}` })).json().status
    expect(await status()).toBe('open')
    expect((await app.inject({ method: 'POST', url, headers: first.headers, payload: contact })).statusCode).toBe(201)
    // The last seat taken, visitors read 名额已满 instead of an invitation to sign up.
    expect(await status()).toBe('full')
    const again = await app.inject({ method: 'POST', url, headers: first.headers, payload: contact })
    expect([again.statusCode, again.json().error.message]).toEqual([409, '您已报名该活动'])
    const full = await app.inject({ method: 'POST', url, headers: second.headers, payload: contact })
    expect([full.statusCode, full.json().error.message]).toEqual([422, '名额已满'])
    const own = await app.inject({ method: 'POST', url, headers: center.headers, payload: contact })
    expect([own.statusCode, own.json().error.message]).toEqual([422, '主办单位无需报名本单位的活动'])

    // Cancelling frees the seat for the next person.
    const cancelled = await app.inject({ method: 'POST', url: `${url}/cancel`, headers: first.headers, payload: {} })
    expect(cancelled.json()).toMatchObject({ status: 'open', signupCount: 0, mySignup: { status: 'cancelled' } })
    expect((await app.inject({ method: 'POST', url, headers: second.headers, payload: contact })).statusCode).toBe(201)
    expect(await status()).toBe('full')

    advanceClock(11 * 60_000)
    const late = await app.inject({ method: 'POST', url, headers: first.headers, payload: contact })
    expect([late.statusCode, late.json().error.message]).toEqual([422, '报名已截止'])
    expect(await status()).toBe('signupClosed')
  })

  it('lets only the organizer cancel, with a reason everyone reads; a cancelled event takes no sign-ups', async () => {
    const { app, center } = await people()
    const event = await publish(app, center.headers, roadshow())
    const signedUp = await signIn(app, await createAccount('enterpriseUser'))
    const signup = await app.inject({
      method: 'POST',
      url: `/api/v1/events/${event.id}/signups`,
      headers: signedUp.headers,
      payload: { contactName: '陈经理', contactPhone: '0577-88990011' },
    })
    expect(signup.statusCode).toBe(201)
    const otherCenter = await signIn(app, await createAccount('centerOperator'))
    const cancel = (headers: Record<string, string>, reason: string) =>
      app.inject({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, headers, payload: { reason } })
    expect((await cancel(otherCenter.headers, '场地冲突')).statusCode).toBe(403)
    expect((await cancel(center.headers, '')).statusCode).toBe(400)
    const done = await cancel(center.headers, '场地临时调整，另行通知')
    expect(done.json()).toMatchObject({ status: 'cancelled', cancelReason: '场地临时调整，另行通知' })
    expect((await cancel(center.headers, '再次取消')).statusCode).toBe(422)
    // The enterprise that signed up finds it in its 站内消息.
    const inbox = (await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: signedUp.headers })).json()
    expect(inbox.items).toEqual([
      expect.objectContaining({
        kind: 'event.cancelled',
        title: '活动已取消：温州市概念验证成果专项路演（智能装备专场）',
        body: '您报名的活动已由主办单位取消。取消原因：场地临时调整，另行通知',
        link: `/events/${event.id}`,
      }),
    ])
    const investor = await signIn(app, await createAccount('investor'))
    const late = await app.inject({
      method: 'POST',
      url: `/api/v1/events/${event.id}/signups`,
      headers: investor.headers,
      payload: { contactName: '林工', contactPhone: '13800001111' },
    })
    expect([late.statusCode, late.json().error.message]).toEqual([422, '活动已取消，不能报名'])
    expect((await app.inject({ method: 'GET', url: `/api/v1/events/${crypto.randomUUID()}` })).statusCode).toBe(404)
  })

  it('lets the organizer move the time or the place on the version it read; sign-ups are told, seats never drop below those taken', async () => {
    const { app, center } = await people()
    const event = await publish(app, center.headers, { ...roadshow(), capacity: 5 })
    const enterprise = await signIn(app, await createAccount('enterpriseUser'))
    const investor = await signIn(app, await createAccount('investor'))
    for (const person of [enterprise, investor])
      await app.inject({
        method: 'POST',
        url: `/api/v1/events/${event.id}/signups`,
        headers: person.headers,
        payload: { contactName: '陈经理', contactPhone: '0577-88990011' },
      })
    const { kind: _kind, featured: _featured, ...fields } = roadshow()
    const edit = (headers: Record<string, string>, change: object) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${event.id}`,
        headers,
        payload: { ...fields, capacity: 5, ...change },
      })
    const otherCenter = await signIn(app, await createAccount('centerOperator'))
    expect((await edit(otherCenter.headers, { venue: '别处', version: 1 })).statusCode).toBe(403)
    const belowTaken = await edit(center.headers, { capacity: 1, version: 1 })
    expect(belowTaken.statusCode).toBe(400)
    expect(belowTaken.json().error.details.fields[0]).toMatchObject({
      path: 'capacity',
      message: '已有 2 人报名，名额不能少于 2',
    })

    const venue = await edit(center.headers, { venue: '温州市科技大市场一楼', version: 1 })
    expect(venue.json()).toMatchObject({ venue: '温州市科技大市场一楼', version: 2 })
    const later = { venue: '温州大学科技园报告厅', startsAt: inDays(12), endsAt: inDays(12, 3) }
    const moved = await edit(center.headers, { ...later, version: 2 })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ venue: '温州大学科技园报告厅', version: 3, signupCount: 2 })
    const stale = await edit(center.headers, { venue: '又一处', version: 2 })
    expect([stale.statusCode, stale.json().error.message]).toEqual([409, '活动已被他人修改，请刷新后再编辑'])
    // A new description alone tells no one.
    const described = await edit(center.headers, {
      ...later,
      description: '路演顺序按报名先后安排，每个项目陈述八分钟。',
      version: 3,
    })
    expect(described.statusCode).toBe(200)

    const inbox = (
      await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: enterprise.headers })
    ).json()
    expect(inbox.items.map((n: { kind: string; body: string }) => [n.kind, n.body.slice(-20)])).toEqual([
      ['event.changed', expect.stringContaining('温州大学科技园报告厅')],
      ['event.changed', expect.stringContaining('温州市科技大市场一楼')],
    ])
  })

  it('lets the organizer add and take off featured records, but not one a sign-up came for or one that is not public', async () => {
    const { app, researcher, center, achievementId } = await people()
    const post = async (body: object) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/achievements',
        headers: researcher.headers,
        payload: body,
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().achievement.id as string
    }
    const secondId = await post(achievement('public', '数控机床热误差实时补偿方法'))
    const thirdId = await post(achievement('public', '协作机器人碰撞检测力矩估计方法'))
    const secretId = await post(achievement('secret', '保密的伺服驱动方案'))
    const on = (...ids: string[]) => ids.map((recordId) => ({ recordType: 'achievement' as const, recordId }))
    const event = await publish(app, center.headers, roadshow(on(achievementId, secondId)))
    const enterprise = await signIn(app, await createAccount('enterpriseUser'))
    const signed = await app.inject({
      method: 'POST',
      url: `/api/v1/events/${event.id}/signups`,
      headers: enterprise.headers,
      payload: { interestedRecordIds: [achievementId], contactName: '陈经理', contactPhone: '0577-88990011' },
    })
    expect(signed.statusCode, signed.body).toBe(201)
    const { kind: _kind, featured: _featured, ...fields } = roadshow()
    const edit = (headers: Record<string, string>, change: object) =>
      app.inject({ method: 'PATCH', url: `/api/v1/events/${event.id}`, headers, payload: { ...fields, ...change } })
    const stored = async () => (await db.select().from(matchmakingEvents).where(eq(matchmakingEvents.id, event.id)))[0]!

    // Refused, and nothing changes: the one the enterprise came for, a 保密 record, a repeat, another center.
    const refusals: [Record<string, string>, object, number, string, string][] = [
      [
        center.headers,
        { featured: on(secondId) },
        400,
        'featured',
        '「工业机器人关节高精度运动控制算法」已有 1 个报名表示关注，不能移除',
      ],
      [
        center.headers,
        { featured: on(achievementId, secretId) },
        400,
        'featured.1.recordId',
        '该记录不存在或不是公开记录，不能在公开活动中推介',
      ],
      [center.headers, { featured: on(achievementId, achievementId) }, 400, 'featured', '推介项目不能重复'],
    ]
    for (const [headers, change, status, path, message] of refusals) {
      const res = await edit(headers, { ...change, version: 1 })
      expect(res.statusCode, res.body).toBe(status)
      expect(res.json().error.details.fields).toEqual([expect.objectContaining({ path, message })])
    }
    const otherCenter = await signIn(app, await createAccount('centerOperator'))
    expect((await edit(otherCenter.headers, { featured: on(achievementId), version: 1 })).statusCode).toBe(403)
    expect(await stored()).toMatchObject({
      version: 1,
      featured: on(achievementId, secondId).map((f) => expect.objectContaining(f)),
    })

    // Taking off the one nobody chose and adding another is fine; without `featured` the stage stays as it is.
    const changed = await edit(center.headers, { featured: on(achievementId, thirdId), version: 1 })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().featured.map((f: { title: string }) => f.title)).toEqual([
      '工业机器人关节高精度运动控制算法',
      '协作机器人碰撞检测力矩估计方法',
    ])
    const untouched = await edit(center.headers, { venue: '温州市科技大市场一楼', version: 2 })
    expect(untouched.json().featured.map((f: { recordId: string }) => f.recordId)).toEqual([achievementId, thirdId])
  })
})
