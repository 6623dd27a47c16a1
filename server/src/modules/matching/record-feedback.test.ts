import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { auditLog } from '../../platform/audit/schema'
import { addDays, todayInShanghai } from '../../platform/calendar/workdays'
import { now } from '../../platform/clock/clock'
import { type Session, signIn, withTestApp } from '../../test/app'
import { createAccount } from '../../test/factories'
import { matchFeedback } from './schema'

const ctx = withTestApp()

const ROBOT = 'wenzhou-5n:WZ-4-3'
type Listed = { id: string; judgement?: string }

async function create(session: Session, url: string, payload: Record<string, unknown>): Promise<string> {
  const res = await ctx.app().inject({ method: 'POST', url, headers: session.headers, payload })
  if (res.statusCode !== 201) throw new Error(res.body)
  const body = res.json()
  return (body.achievement ?? body.demand ?? body).id
}

const achievement = (session: Session, title: string, summary: string) =>
  create(session, '/api/v1/achievements', {
    title,
    summary,
    trl: 5,
    maturity: 'sample',
    transferModes: ['license'],
    industryCodes: [ROBOT],
    confidentiality: 'public',
  })

const judge = (session: Session, demandId: string, toId: string, kind: string) =>
  ctx.app().inject({
    method: 'POST',
    url: '/api/v1/match/feedback',
    headers: session.headers,
    payload: { fromType: 'demand', fromId: demandId, toType: 'achievement', toId, kind },
  })

const listed = async (session: Session, demandId: string, limit = 20) => {
  const res = await ctx.app().inject({
    method: 'GET',
    url: `/api/v1/match/demand/${demandId}/achievement?limit=${limit}`,
    headers: session.headers,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().results as Listed[]
}

const storedFor = (demandId: string) =>
  db
    .select()
    .from(matchFeedback)
    .where(and(eq(matchFeedback.fromType, 'demand'), eq(matchFeedback.fromKey, demandId)))

describe('有意向 / 不相关 on a record’s matches', () => {
  it('lists the caller’s own judgement on each result, replaced when changed, and keeps judged results listed', async () => {
    const researcher = await signIn(ctx.app(), await createAccount('researcher'))
    const enterprise = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const gripper = await achievement(
      researcher,
      '协作机器人柔性抓取末端执行器',
      '面向工业机器人装配场景的柔性抓取末端执行器，集成力觉反馈，可抓取易碎与异形零件，节拍提升百分之二十。',
    )
    const sensor = await achievement(
      researcher,
      '机器人柔性抓取力觉传感模组',
      '用于机器人柔性抓取的六维力觉传感模组，帮助夹爪抓取易碎零件时控制夹持力。',
    )
    const need = await create(enterprise, '/api/v1/demands', {
      title: '装配线机器人柔性抓取易碎零件',
      description: '装配线需要工业机器人抓取玻璃与陶瓷易碎零件，现有夹爪破损率高，希望采用柔性抓取与力觉反馈方案。',
      keywords: [],
      industryCodes: [ROBOT],
      budgetNegotiable: true,
      deadline: addDays(todayInShanghai(now()), 60),
      cooperationModes: ['jointDevelopment'],
      confidentiality: 'public',
    })
    const before = await listed(enterprise, need)
    expect(before.map((r) => r.id)).toEqual(expect.arrayContaining([gripper, sensor]))
    expect(before.every((r) => r.judgement === undefined)).toBe(true)

    expect((await judge(enterprise, need, gripper, 'interested')).statusCode).toBe(200)
    expect((await listed(enterprise, need)).find((r) => r.id === gripper)?.judgement).toBe('interested')
    const audited = await db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'match.feedback'), eq(auditLog.targetId, gripper)))
    expect(audited).toEqual([{ detail: { from: 'demand', kind: 'interested' } }])

    // Changing one's mind replaces the judgement (one per person per result).
    expect((await judge(enterprise, need, gripper, 'irrelevant')).statusCode).toBe(200)
    expect((await storedFor(need)).map((r) => r.kind)).toEqual(['irrelevant'])
    expect((await listed(enterprise, need)).find((r) => r.id === gripper)?.judgement).toBe('irrelevant')

    // Another person who sees the same matches does not see it, and judges on their own.
    const colleague = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const theirs = await listed(colleague, need)
    expect(theirs.map((r) => r.id)).toContain(gripper)
    expect(theirs.every((r) => r.judgement === undefined)).toBe(true)
    expect((await judge(colleague, need, gripper, 'interested')).statusCode).toBe(200)
    expect((await storedFor(need)).map((r) => r.kind).sort()).toEqual(['interested', 'irrelevant'])
    expect((await listed(enterprise, need)).find((r) => r.id === gripper)?.judgement).toBe('irrelevant')
    expect((await listed(colleague, need)).find((r) => r.id === gripper)?.judgement).toBe('interested')

    // A judged result stays listed, marked, below the first `limit`.
    const third = await signIn(ctx.app(), await createAccount('enterpriseUser'))
    const last = (await listed(third, need)).at(-1)!.id
    expect((await judge(third, need, last, 'irrelevant')).statusCode).toBe(200)
    const top = await listed(third, need, 1)
    expect(top).toHaveLength(2)
    expect(top[1]).toMatchObject({ id: last, judgement: 'irrelevant' })
    expect(top[0]!.judgement).toBeUndefined()

    // Matches from free text carry no judgement.
    const text = await ctx.app().inject({
      method: 'POST',
      url: '/api/v1/match/achievements',
      headers: enterprise.headers,
      payload: { text: '机器人柔性抓取易碎零件', limit: 10 },
    })
    expect(text.statusCode).toBe(200)
    expect(text.json().results.every((r: Listed) => !('judgement' in r))).toBe(true)
  })
})
